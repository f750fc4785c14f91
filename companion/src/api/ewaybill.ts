/** Cancelling an IRN's e-way bill (the e-way bill by IRN itself is in einvoices.ts). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { profileForIrn } from '../ledger/documents';
import { cancelEwaybill } from '../ledger/ewaybill-cancel';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export function ewaybillRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  serve(app, 'ewaybillCancel', async (c, { params, body }) => {
    const irn = params.irn.toLowerCase();
    const profile = await profileForIrn(ctx, irn, body.profile ?? undefined);
    return c.json(await cancelEwaybill({ ledger: ctx.ledger, sessionFor: (p) => ctx.sessions.sessionFor(p), now: ctx.now }, profile, irn,
      { reason: body.reason, remark: body.remark }));
  });
}
