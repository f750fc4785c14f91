/** Frappe's request-argument parsing and error-body shape, as the fake ERPNext needs them. */
import type { Context } from 'hono';

/** Frappe reads arguments from a JSON body, a form body, or the query string, whichever is there. */
export async function readArgs(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  const query = c.req.query();
  try {
    if (type.includes('application/json')) {
      const body = await c.req.json();
      return body && typeof body === 'object' ? { ...query, ...body } : query;
    }
    if (type.includes('form')) {
      const body = await c.req.parseBody();
      return { ...query, ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : ''])) };
    }
  } catch {
    // Frappe answers a malformed body as if it had no arguments; the handler then reports what is missing.
  }
  return query;
}

/**
 * Frappe's error body: `exc_type`, `exception` ("frappe.exceptions.X: message"), a traceback list in
 * `exc`, and the user-facing message inside the doubly-encoded `_server_messages`.
 */
export function frappeError(c: Context, status: 400 | 401 | 403 | 404 | 417, excType: string, message: string): Response {
  const exception = `frappe.exceptions.${excType}: ${message}`;
  const serverMessage = JSON.stringify({ message, title: 'Message', indicator: 'red', raise_exception: 1 });
  return c.json(
    {
      exception,
      exc_type: excType,
      exc: JSON.stringify([`Traceback (most recent call last):\n  (fake ERPNext)\n${exception}\n`]),
      _server_messages: JSON.stringify([serverMessage]),
    },
    status,
  );
}
