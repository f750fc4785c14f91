/** GET /v1/gstin/:gstin: the shared lookup (ledger/gstin.ts), audited, as the CLI does it. */
import { Hono } from 'hono';
import { lookupGstin } from '../ledger/gstin';
import type { AppEnv, CompanionContext } from './context';

export function gstinRoutes(ctx: CompanionContext) {
  return new Hono<AppEnv>().get('/v1/gstin/:gstin', async (c) => {
    const profile = ctx.profiles.resolve({ profile: c.req.query('profile') });
    return c.json(await lookupGstin({ ledger: ctx.ledger, sessionFor: (p) => ctx.sessions.sessionFor(p) }, profile, c.req.param('gstin')));
  });
}
