/**
 * DNS-rebinding defence: a web page that points its own domain at 127.0.0.1 still sends its own
 * name in Host. Only `127.0.0.1:PORT` and `localhost:PORT` are served.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiFailure } from '../api/errors';

export function hostGuard(port: { value: number }): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    const allowed = [`127.0.0.1:${port.value}`, `localhost:${port.value}`];
    if (!allowed.includes(host)) {
      throw new ApiFailure(421, 'FORBIDDEN', 'This service answers only requests addressed to 127.0.0.1 or localhost on its own port.',
        { hint: `Call http://127.0.0.1:${port.value}/ directly.` });
    }
    await next();
  };
}
