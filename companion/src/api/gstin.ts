/** GET /v1/gstin/:gstin: the shared lookup (ledger/gstin.ts), audited, as the CLI does it. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { lookupGstin } from '../ledger/gstin';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export function gstinRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  serve(app, 'gstin', async (c, { params, query }) => {
    const profile = ctx.profiles.resolve({ profile: query.profile });
    return c.json(await lookupGstin({ ledger: ctx.ledger, sessionFor: (p) => ctx.sessions.sessionFor(p) }, profile, params.gstin));
  });
}
