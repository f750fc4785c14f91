/**
 * The offline IRP's HTTP surface: NIC's paths (matched case-insensitively, as IIS does), the fault
 * injector and the counters tests read.
 */
import { Hono, type Context } from 'hono';
import { handleAuth } from './auth';
import type { OfflineContext } from './context';
import { handleCancelEwb, handleGenerateEwb, handleGetEwb } from './ewb';
import { handleCancel, handleGenerate, handleGetByDocDetails, handleGetByIrn } from './invoice';
import { handleGstinDetails } from './master';

export interface Sleeper {
  sleep(ms: number): Promise<void>;
  /** Wake every sleeper now (on close, so no timer outlives the server). */
  wakeAll(): void;
}

export function createSleeper(): Sleeper {
  const pending = new Map<NodeJS.Timeout, () => void>();
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          pending.delete(t);
          resolve();
        }, ms);
        pending.set(t, resolve);
      }),
    wakeAll: () => {
      for (const [t, resolve] of pending) {
        clearTimeout(t);
        resolve();
      }
      pending.clear();
    },
  };
}

type Handler = (ctx: OfflineContext, c: Context) => Response | Promise<Response>;

export function buildApp(ctx: OfflineContext, sleeper: Sleeper): Hono {
  const app = new Hono({
    getPath: (req) => {
      const path = new URL(req.url).pathname.toLowerCase();
      return path.length > 1 ? path.replace(/\/+$/, '') : path;
    },
  });

  app.use('*', async (c, next) => {
    ctx.counters.requests++;
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((v, k) => {
      headers[k] = v;
    });
    ctx.lastHeaders = headers;
    if (ctx.faults.delayMs > 0) await sleeper.sleep(ctx.faults.delayMs);
    if (ctx.faults.serverErrors > 0) {
      ctx.faults.serverErrors--;
      return c.text('Service Unavailable (offline IRP fault injection)', ctx.faults.serverErrorStatus as 500);
    }
    await next();
  });

  const route = (method: 'GET' | 'POST', template: string, handler: Handler) => {
    const counted = (c: Context) => {
      ctx.counters.byPath[template] = (ctx.counters.byPath[template] ?? 0) + 1;
      return handler(ctx, c);
    };
    const lower = template.toLowerCase();
    if (method === 'GET') app.get(lower, counted);
    else app.post(lower, counted);
  };

  for (const v of ['v1.04', 'v1.03']) {
    route('POST', `/eivital/${v}/auth`, handleAuth);
    route('GET', `/eivital/${v}/Master/gstin/:gstin`, handleGstinDetails);
    route('GET', `/eivital/${v}/Master/syncgstin/:gstin`, handleGstinDetails);
  }
  route('GET', '/eivital/v1.04/heartbeat/ping', (_ctx, c) => c.json({ Status: 1, Data: 'OK', ErrorDetails: null, InfoDtls: null }));
  route('POST', '/eicore/v1.03/Invoice', handleGenerate);
  route('GET', '/eicore/v1.03/Invoice/irn/:irn', handleGetByIrn);
  route('GET', '/eicore/v1.03/Invoice/irnbydocdetails', handleGetByDocDetails);
  route('POST', '/eicore/v1.03/Invoice/Cancel', handleCancel);
  route('POST', '/eiewb/v1.03/ewaybill', handleGenerateEwb);
  route('GET', '/eiewb/v1.03/ewaybill/irn/:irn', handleGetEwb);
  route('POST', '/ewayapi', handleCancelEwb);

  app.notFound((c) => c.text('Not Found', 404));
  // Like the real IRP behind IIS: an unexpected failure is a bare 500, never a stack or a secret.
  app.onError((_e, c) => c.text('Internal Server Error', 500));
  return app;
}
