/** Writes must be JSON (415 otherwise) and small enough (413): 2 MB, or 20 MB for a batch. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CompanionError } from '../errors';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH_BODY_BYTES = 20 * 1024 * 1024;

const tooLarge = (max: number) => () => {
  throw new CompanionError('PAYLOAD_TOO_LARGE', `The request body is larger than ${max / (1024 * 1024)} MB.`,
    { hint: 'Split the work into smaller requests (a batch may hold up to 20 MB).' });
};

export function bodyGuard(): MiddlewareHandler {
  const normal = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge(MAX_BODY_BYTES) });
  const batch = bodyLimit({ maxSize: MAX_BATCH_BODY_BYTES, onError: tooLarge(MAX_BATCH_BODY_BYTES) });
  return async (c, next) => {
    if (c.req.method !== 'POST' && c.req.method !== 'PUT' && c.req.method !== 'PATCH') return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      throw new CompanionError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON.', { hint: 'Set "Content-Type: application/json".' });
    }
    return (c.req.path === '/v1/einvoices/batch' ? batch : normal)(c, next);
  };
}
