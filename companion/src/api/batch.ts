/** POST /v1/einvoices/batch (202, or 200 with the final status when `wait`), GET /v1/einvoices/batch/:id. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { routes, type BatchAccepted } from '@irn-bridge/shared/api/contract';
import { notFound } from '../errors';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export function batchRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  serve(app, 'batch', async (c, { body }) => {
    const profile = body.profile || undefined;
    if (profile) ctx.profiles.resolve({ profile }); // unknown profile: refuse the whole batch up front
    const batch = ctx.batches.start(body.invoices, body.concurrency, profile, undefined, c.get('caller')?.user ?? null);
    if (body.wait === true) return c.json(await batch.done, 200);
    const accepted: BatchAccepted = { batchId: batch.status.batchId, total: batch.status.total, statusUrl: routes.batchStatus(batch.status.batchId) };
    return c.json(accepted, 202);
  });

  serve(app, 'batchStatus', (c, { params }) => {
    const status = ctx.batches.get(params.id);
    if (!status) throw notFound('No batch with this id (batches are kept while the companion runs).');
    return c.json(status);
  });
}
