/** Odoo's JSON-RPC (`/web/dataset/call_kw`) with the user's session cookie. */
import { ErpError, type ErpIo } from '../module';

let rpcId = 0;

export async function callKw<T>(io: ErpIo, model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> {
  const res = await io.fetch(`${io.origin}/web/dataset/call_kw/${model}/${method}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++rpcId, params: { model, method, args, kwargs } }),
  });
  if (!res.ok) throw new ErpError('ERP_REQUEST', `Odoo refused ${model}.${method} (HTTP ${res.status}). Are you still logged in?`, res.status);
  const body = (await res.json()) as { result?: T; error?: { message?: string; data?: { name?: string; message?: string } } };
  if (body.error) {
    const name = body.error.data?.name ?? '';
    const code = /SessionExpired/.test(name) ? 'ERP_LOGIN' : 'ERP_REQUEST';
    const message = code === 'ERP_LOGIN' ? 'Your Odoo session has expired. Log in to Odoo again and reload the invoice.' : `Odoo: ${body.error.data?.message ?? body.error.message ?? 'error'}`;
    throw new ErpError(code, message, 200);
  }
  return body.result as T;
}

/** `read` with an explicit field list (see fields.ts for why it is never left out). */
export const readRecords = <T>(io: ErpIo, model: string, ids: number[], fields: string[]): Promise<T[]> =>
  ids.length ? callKw<T[]>(io, model, 'read', [ids, fields]) : Promise.resolve([]);
