/** Every /v1 route except health, pairing and the OpenAPI document needs a valid, unrevoked API key. */
import type { MiddlewareHandler } from 'hono';
import { CompanionError } from '../errors';
import type { ApiKeyInfo, ApiKeyStore } from './keys';

/** What the key check leaves on the request for the routes (Hono's context variables). */
export interface KeyedEnv {
  Variables: { apiKey: ApiKeyInfo | null };
}

export const PUBLIC_PATHS = new Set(['/v1/health', '/v1/pair', '/v1/openapi.json']);

export function bearerKey(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1] : null;
}

export function requireApiKey(keys: ApiKeyStore): MiddlewareHandler<KeyedEnv> {
  return async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path)) return next();
    const key = bearerKey(c.req.header('authorization'));
    if (!key) {
      throw new CompanionError('UNAUTHORIZED', 'An API key is required.', {
        hint: 'Send "Authorization: Bearer <key>". Get a key by pairing: run `irn-bridge pair`.',
      });
    }
    const info = keys.verify(key);
    if (!info) {
      throw new CompanionError('UNAUTHORIZED', 'This API key is not valid or has been revoked.', {
        hint: 'Pair again: run `irn-bridge pair` and enter the code in the extension options.',
      });
    }
    c.set('apiKey', info);
    await next();
  };
}
