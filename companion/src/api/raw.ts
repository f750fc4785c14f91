/** POST /v1/irp/raw: any IRP endpoint without a typed route; the companion adds auth and encryption. */
import { Hono } from 'hono';
import type { RawIrpResponse } from '@irn-bridge/shared/api/contract';
import { irpCallFailure } from '../ledger/irp-failures';
import { badRequest } from '../errors';
import { optionalString, readJson, requiredString } from './body';
import type { AppEnv, CompanionContext } from './context';

/** IRP writes that the ledger must see: the typed routes own them. */
const LEDGER_PATHS = /^\/(eicore\/v[\d.]+\/Invoice(\/Cancel)?|eiewb\/v[\d.]+\/ewaybill)\/?$/i;
const IRP_PATH = /^\/(eivital|eicore|eiewb|ewaybillapi|ewayapi)\/[A-Za-z0-9/._?=&%-]*$/;

export function rawRoutes(ctx: CompanionContext) {
  return new Hono<AppEnv>().post('/v1/irp/raw', async (c) => {
    const body = await readJson(c);
    const method = requiredString(body, 'method', 10).toUpperCase();
    if (method !== 'GET' && method !== 'POST') throw badRequest('"method" must be GET or POST.');
    const path = requiredString(body, 'path', 500);
    if (!IRP_PATH.test(path) || path.includes('..')) throw badRequest('"path" must be an IRP API path such as /eivital/v1.04/Master/gstin/29AAACP7879D1Z0.');
    if (/\/auth\b/i.test(path)) throw badRequest('Authentication is handled by the companion; it cannot be called through /v1/irp/raw.');
    if (method === 'POST' && LEDGER_PATHS.test(path.split('?')[0])) {
      throw badRequest('Generating or cancelling an IRN and generating an e-way bill go through the ledger, so that nothing is registered twice or lost.',
        'Use POST /v1/einvoices, POST /v1/einvoices/{irn}/cancel or POST /v1/einvoices/{irn}/ewaybill instead.');
    }
    const profile = ctx.profiles.resolve({ profile: optionalString(body, 'profile') });
    const session = await ctx.sessions.sessionFor(profile);
    const started = Date.now();
    try {
      const res = method === 'GET' ? await session.get(path) : await session.post(path, body.body ?? {});
      ctx.ledger.audit({ profile: profile.name, operation: `raw ${method} ${path.split('?')[0]}`, outcome: 'ok', durationMs: Date.now() - started });
      return c.json({ data: res.data, info: res.info } satisfies RawIrpResponse);
    } catch (e) {
      ctx.ledger.audit({ profile: profile.name, operation: `raw ${method} ${path.split('?')[0]}`, outcome: 'error', durationMs: Date.now() - started });
      throw irpCallFailure(e, 'the request');
    }
  });
}
