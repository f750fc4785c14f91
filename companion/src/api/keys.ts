/** /v1/keys: an admin lists, makes and revokes keys over the API, as `irn-bridge keys` does at the companion. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { KeyCreateResponse, KeyRevokeResponse, KeysResponse } from '@irn-bridge/shared/api/contract';
import { CompanionError } from '../errors';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export function keyRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  serve(app, 'keys', async (c) => {
    const keys = (await ctx.keys.list()).map((k) => ({
      id: k.id, client: k.client, userName: k.userName, role: k.role, origin: k.origin, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt,
    }));
    return c.json({ keys } satisfies KeysResponse);
  });
  serve(app, 'keyCreate', async (c, { body }) => {
    const by = c.get('caller')?.user ?? 'an admin';
    const { apiKey, keyId } = await ctx.keys.issue(`made over the API by ${by} (${body.user})`, null, { role: body.role, userName: body.user });
    ctx.log.info(`${by.replace(/[^\p{L}\p{N} ._@'-]/gu, '')} made key ${keyId} (${body.role}) for ${body.user.replace(/[^\p{L}\p{N} ._@'-]/gu, '')}`);
    return c.json({ apiKey, keyId, user: body.user, role: body.role } satisfies KeyCreateResponse);
  });
  serve(app, 'keyRevoke', async (c, { params }) => {
    if (!(await ctx.keys.revoke(params.id))) {
      throw new CompanionError('NOT_FOUND', `There is no active key with id ${params.id}.`, { hint: 'GET /v1/keys (or irn-bridge keys list) shows the keys and which are active.' });
    }
    ctx.log.info(`${(c.get('caller')?.user ?? 'an admin').replace(/[^\p{L}\p{N} ._@'-]/gu, '')} revoked key ${params.id.replace(/[^\w]/g, '')}`);
    return c.json({ keyId: params.id, revoked: true } satisfies KeyRevokeResponse);
  });
}
