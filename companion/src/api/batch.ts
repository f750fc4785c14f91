/** POST /v1/einvoices/batch (202, or 200 with the final status when `wait`), GET /v1/einvoices/batch/:id. */
import { Hono } from 'hono';
import type { BatchAccepted } from '@irn-bridge/shared/api/contract';
import { routes } from '@irn-bridge/shared/api/contract';
import { DEFAULT_BATCH_CONCURRENCY, MAX_BATCH_CONCURRENCY } from '../ledger/batch';
import { badRequest, notFound } from '../errors';
import { readJson } from './body';
import type { AppEnv, CompanionContext } from './context';

const MAX_BATCH_INVOICES = 10_000;

export function batchRoutes(ctx: CompanionContext) {
  const app = new Hono<AppEnv>();

  app.post('/v1/einvoices/batch', async (c) => {
    const body = await readJson(c);
    if (!Array.isArray(body.invoices)) throw badRequest('"invoices" must be an array of INV-01 objects.');
    if (body.invoices.length > MAX_BATCH_INVOICES) throw badRequest(`A batch holds at most ${MAX_BATCH_INVOICES} invoices.`);
    const concurrency = body.concurrency ?? DEFAULT_BATCH_CONCURRENCY;
    if (typeof concurrency !== 'number' || concurrency < 1 || concurrency > MAX_BATCH_CONCURRENCY) {
      throw badRequest(`"concurrency" must be between 1 and ${MAX_BATCH_CONCURRENCY}.`);
    }
    if (body.profile !== undefined && typeof body.profile !== 'string') throw badRequest('"profile" must be a string.');
    if (body.profile) ctx.profiles.resolve({ profile: body.profile }); // unknown profile: refuse the whole batch up front
    const batch = ctx.batches.start(body.invoices, concurrency, body.profile || undefined);
    if (body.wait === true) return c.json(await batch.done, 200);
    const accepted: BatchAccepted = { batchId: batch.status.batchId, total: batch.status.total, statusUrl: routes.batchStatus(batch.status.batchId) };
    return c.json(accepted, 202);
  });

  app.get('/v1/einvoices/batch/:id', (c) => {
    const status = ctx.batches.get(c.req.param('id'));
    if (!status) throw notFound('No batch with this id (batches are kept while the companion runs).');
    return c.json(status);
  });

  return app;
}
