/** POST /v1/irp/raw: read-only IRP endpoints without a typed route; the companion adds auth and encryption. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RawIrpResponse } from '@irn-bridge/shared/api/contract';
import { irpCallFailure } from '../ledger/irp-failures';
import { checkRawIrpCall } from '../irp/raw-paths';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export function rawRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  serve(app, 'raw', async (c, { body }) => {
    const { method, path } = checkRawIrpCall(body.method, body.path);
    const profile = ctx.profiles.resolve({ profile: body.profile });
    const session = await ctx.sessions.sessionFor(profile);
    const started = Date.now();
    const operation = `raw ${method} ${path.split('?')[0]}`;
    try {
      const res = method === 'GET' ? await session.get(path) : await session.post(path, body.body ?? {});
      await ctx.ledger.audit({ profile: profile.name, operation, outcome: 'ok', durationMs: Date.now() - started, user: c.get('caller')?.user ?? null });
      return c.json({ data: res.data, info: res.info } satisfies RawIrpResponse);
    } catch (e) {
      await ctx.ledger.audit({ profile: profile.name, operation, outcome: 'error', durationMs: Date.now() - started, user: c.get('caller')?.user ?? null });
      throw irpCallFailure(e, 'the request');
    }
  });
}
