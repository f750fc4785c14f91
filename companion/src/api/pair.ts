/** POST /v1/pair: trade a one-time code shown by `irn-bridge pair` for an API key. */
import { Hono } from 'hono';
import type { PairResponse } from '@irn-bridge/shared/api/contract';
import { isExtensionOrigin } from '../security/origin';
import { CompanionError } from '../errors';
import { readJson, requiredString } from './body';
import type { AppEnv, CompanionContext } from './context';

export function pairRoutes(ctx: CompanionContext) {
  return new Hono<AppEnv>().post('/v1/pair', async (c) => {
    if (!ctx.pairLimiter.take()) {
      throw new CompanionError('RATE_LIMITED', 'Too many pairing attempts. Wait a minute and try again.');
    }
    const body = await readJson(c);
    const code = requiredString(body, 'code', 32);
    const client = requiredString(body, 'client', 200).trim();
    const outcome = ctx.pairing.redeem(code);
    if (outcome === 'exhausted') {
      throw new CompanionError('RATE_LIMITED', 'Too many wrong pairing codes: the code is no longer valid.',
        { hint: 'Run `irn-bridge pair` again for a new code.' });
    }
    if (outcome !== 'ok') {
      throw new CompanionError('UNAUTHORIZED',
        outcome === 'expired' ? 'This pairing code has expired.' : 'This pairing code is not valid.',
        { hint: 'Run `irn-bridge pair` on this computer and type the code it shows (valid 5 minutes, one use).' });
    }
    const origin = c.req.header('origin');
    const { apiKey, keyId } = ctx.keys.issue(client, origin && isExtensionOrigin(origin) ? origin : null);
    ctx.log.info(`paired a new client "${client.replace(/[^\w .@-]/g, '')}" as ${keyId}`);
    return c.json({ apiKey, keyId, client } satisfies PairResponse);
  });
}
