/**
 * Requests addressed to another authority get 421 Misdirected Request, before any other check.
 * The only answer not made from an error code's status: it is about the HTTP request itself
 * (its Host header), not about anything the companion decided. The body still says FORBIDDEN.
 */
import type { MiddlewareHandler } from 'hono';
import { isOwnHost } from '../security/host';
import { errorResponse } from './errors';

export function hostGuard(port: { value: number }): MiddlewareHandler {
  return async (c, next) => {
    if (!isOwnHost(c.req.header('host'), port.value)) {
      return errorResponse(c, 421, {
        code: 'FORBIDDEN', message: 'This service answers only requests addressed to 127.0.0.1 or localhost on its own port.',
        hint: `Call http://127.0.0.1:${port.value}/ directly.`,
      });
    }
    await next();
  };
}
