/**
 * Every /v1 route except health, pairing and the OpenAPI document needs a valid, unrevoked API key,
 * and the key's role must cover the route (security/roles.ts): the one place access is decided.
 */
import type { MiddlewareHandler } from 'hono';
import { CompanionError } from '../errors';
import type { ApiKeyInfo, ApiKeyStore } from './keys';
import { allows, forbiddenForRole, isRole, requiredRole, type Role } from './roles';

/** Who is calling, as the ledger rows and audit entries name them. */
export interface Caller {
  keyId: string;
  role: Role;
  /** The person the key was made for (`keys create --user`); a paired key without one is named by its client. */
  user: string;
}

/** What the key check leaves on the request for the routes (Hono's context variables). */
export interface KeyedEnv {
  Variables: { apiKey: ApiKeyInfo | null; caller: Caller | null };
}

export const PUBLIC_PATHS = new Set(['/v1/health', '/v1/pair', '/v1/openapi.json']);

export function bearerKey(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1] : null;
}

/** A role the storage does not know is read as the lesser one; keys paired at the desk are admin (security/keys.ts). */
export function callerOf(info: ApiKeyInfo): Caller {
  return { keyId: info.id, role: isRole(info.role) ? info.role : 'clerk', user: info.userName || info.client };
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
    const info = await keys.verify(key);
    if (!info) {
      throw new CompanionError('UNAUTHORIZED', 'This API key is not valid or has been revoked.', {
        hint: 'Pair again: run `irn-bridge pair` and enter the code in the extension options.',
      });
    }
    const caller = callerOf(info);
    const need = requiredRole(c.req.method, c.req.path);
    if (need && !allows(caller.role, need)) throw forbiddenForRole(caller.role, need, caller.user);
    c.set('apiKey', info);
    c.set('caller', caller);
    await next();
  };
}
