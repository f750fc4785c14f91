/**
 * Browser callers: a request carrying an Origin must come from an extension that paired (or, for
 * POST /v1/pair only, from any extension: it is pairing now). Web pages are refused, and CORS
 * headers are sent only to allowed origins, so a page can neither call nor read the API.
 * A key made for a person (`irn-bridge keys create`, team mode) is tied to no extension: any
 * extension holding it may use it, since it was typed in there by that person.
 */
import type { MiddlewareHandler } from 'hono';
import { CompanionError } from '../errors';
import type { ApiKeyStore } from './keys';
import { bearerKey } from './auth';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;

export const isExtensionOrigin = (origin: string): boolean => EXTENSION_ORIGIN.test(origin);

export function originGuard(keys: ApiKeyStore): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next(); // not a browser page: scripts, the CLI, curl
    const pairing = c.req.path === '/v1/pair';
    const allowed = isExtensionOrigin(origin) && (pairing || await keys.isPairedOrigin(origin) || await isPersonalKey(keys, c.req.header('authorization')));
    if (!allowed) {
      throw new CompanionError('FORBIDDEN', 'Requests from web pages are not accepted. Only the paired IRN Bridge extension may call this service.',
        isExtensionOrigin(origin) ? { hint: 'Pair this extension first: run `irn-bridge pair` and enter the code in the extension options.' } : {});
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    await next();
  };
}

async function isPersonalKey(keys: ApiKeyStore, authorization: string | undefined): Promise<boolean> {
  const key = bearerKey(authorization);
  const info = key ? await keys.verify(key) : null;
  return !!info && info.origin === null && !!info.userName;
}
