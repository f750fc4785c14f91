/**
 * Requests addressed to another authority get 421 Misdirected Request, before any other check.
 * The only answer not made from an error code's status: it is about the HTTP request itself
 * (its Host header), not about anything the companion decided. The body still says FORBIDDEN.
 * On a LAN listener, pairing is refused to other computers: there a clerk gets a key from the admin.
 */
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isOwnHost, LOOPBACK_NAMES } from '../security/host';
import { isLoopbackAddress } from '../tls/listen';
import { CompanionError } from '../errors';
import { errorResponse } from './errors';

/** What the listener serves: the names Host may carry, and whether it is TLS on a LAN address. */
export interface Served { names: readonly string[]; tls: boolean; lan: boolean; /** SHA-256 of the certificate served (TLS only). */ fingerprint?: string }

export const LOOPBACK_SERVED: Served = { names: LOOPBACK_NAMES, tls: false, lan: false };

export function hostGuard(port: { value: number }, served: Served = LOOPBACK_SERVED): MiddlewareHandler {
  return async (c, next) => {
    if (!isOwnHost(c.req.header('host'), port.value, served.names, served.tls)) {
      const scheme = served.tls ? 'https' : 'http';
      const shown = served.names.filter((n) => !n.includes(':')).slice(0, 3).map((n) => `${scheme}://${n}:${port.value}/`).join(' or ');
      return errorResponse(c, 421, {
        code: 'FORBIDDEN',
        message: served.lan
          ? `This service answers only requests addressed to its own names (${served.names.join(', ')}) on port ${port.value}.`
          : 'This service answers only requests addressed to 127.0.0.1 or localhost on its own port.',
        hint: `Call ${shown} directly.`,
      });
    }
    if (served.lan && c.req.path === '/v1/pair' && !isLoopbackAddress(remoteAddress(c) ?? '')) {
      throw new CompanionError('FORBIDDEN', 'Pairing is done on the companion\'s own computer; from another computer use the key the administrator gave you.', {
        hint: 'The administrator runs: irn-bridge keys create --user NAME --role clerk, and gives you the key it prints.',
      });
    }
    await next();
  };
}

function remoteAddress(c: Parameters<MiddlewareHandler>[0]): string | undefined {
  try {
    return getConnInfo(c).remote.address?.replace(/^::ffff:/, '');
  } catch {
    return undefined; // not served by @hono/node-server (app.fetch in-process): no peer to be remote
  }
}
