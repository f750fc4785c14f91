/**
 * Request validation at the edge, from the contract's schemas (shared/src/api/schemas.ts):
 * the body is read as JSON with errors that name the problem, then every part the route declares
 * is checked by @hono/zod-openapi's validators, whose failures become 400 naming the field.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { badRequest } from '../errors';

/** Reads the body as a JSON object (leaving the parsed value where the JSON validator finds it). */
export const jsonObjectBody: MiddlewareHandler = async (c, next) => {
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    // The client closed the connection mid-body: its problem, not ours (never a 500).
    throw badRequest('The request body did not arrive whole: the connection was closed before it ended.');
  }
  if (!text.trim()) throw badRequest('The request body is empty; a JSON object was expected.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw badRequest(`The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('The request body must be a JSON object.');
  c.req.bodyCache.json = Promise.resolve(value);
  await next();
};

const A_TYPE: Record<string, string> = {
  string: 'a string', number: 'a number', boolean: 'true or false', object: 'a JSON object', array: 'a list', int: 'a whole number',
};

/** The first problem as a sentence that names its field: `"remark" is required.` */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid.';
  const field = issue.path.map(String).join('.');
  if (!field) return /^[A-Z]/.test(issue.message) ? issue.message : `The request ${issue.message}`;
  // Cross-field rules are written as whole sentences; the schemas' own messages complete `"field" …`.
  if (issue.code === 'custom' && /^[A-Z]/.test(issue.message)) return issue.message;
  if (/^[a-z]/.test(issue.message)) return `"${field}" ${issue.message}`;
  if (issue.code === 'invalid_type') return `"${field}" must be ${A_TYPE[issue.expected] ?? issue.expected}.`;
  return `"${field}": ${issue.message}`;
}

/** The hook @hono/zod-openapi calls after each validator. */
export function validationHook(result: { success: boolean; error?: z.ZodError }, _c: Context): void {
  if (!result.success && result.error) throw badRequest(describeZodError(result.error));
}
