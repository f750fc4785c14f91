/** POST /v1/pair: trade a one-time code shown by `irn-bridge pair` for an API key. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { PairResponse } from '@irn-bridge/shared/api/contract';
import { isExtensionOrigin } from '../security/origin';
import { CompanionError } from '../errors';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export function pairRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  // Limited per source, before the body is read (junk bodies count too); a newer code starts afresh.
  app.use('/v1/pair', async (c, next) => {
    const source = c.req.header('origin') ?? 'local';
    if (c.req.method === 'POST' && !ctx.pairLimiter.take(source, await ctx.pairing.newestCreatedAt())) {
      throw new CompanionError('RATE_LIMITED', 'Too many pairing attempts. Wait a minute and try again.');
    }
    await next();
  });
  serve(app, 'pair', async (c, { body }) => {
    const client = body.client.trim();
    const outcome = await ctx.pairing.redeem(body.code);
    if (outcome === 'exhausted') {
      throw new CompanionError('RATE_LIMITED', 'Too many wrong pairing codes: the code is no longer valid.',
        { hint: 'Run `irn-bridge pair` again for a new code.' });
    }
    if (outcome !== 'ok') {
      throw new CompanionError('UNAUTHORIZED',
        outcome === 'expired' ? 'This pairing code has expired.'
          : outcome === 'used' ? 'This pairing code has already been used: each code pairs one client.' : 'This pairing code is not valid.',
        { hint: 'Run `irn-bridge pair` on this computer and type the code it shows (valid 5 minutes, one use).' });
    }
    const origin = c.req.header('origin');
    const { apiKey, keyId } = await ctx.keys.issue(client, origin && isExtensionOrigin(origin) ? origin : null);
    ctx.log.info(`paired a new client "${client.replace(/[^\w .@-]/g, '')}" as ${keyId}`);
    return c.json({ apiKey, keyId, client } satisfies PairResponse);
  });
}
