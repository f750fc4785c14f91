/** Reading request bodies and queries with errors that name the problem. */
import type { Context } from 'hono';
import { badRequest } from '../errors';

export async function readJson(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) throw badRequest('The request body is empty; a JSON object was expected.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw badRequest(`The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('The request body must be a JSON object.');
  return value as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`"${field}" must be a string.`);
  return v;
}

export function requiredString(body: Record<string, unknown>, field: string, max = 1000): string {
  const v = optionalString(body, field);
  if (!v || !v.trim()) throw badRequest(`"${field}" is required.`);
  if (v.length > max) throw badRequest(`"${field}" is longer than ${max} characters.`);
  return v;
}

export function requiredObject(body: Record<string, unknown>, field: string): Record<string, unknown> {
  const v = body[field];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badRequest(`"${field}" must be a JSON object.`);
  return v as Record<string, unknown>;
}

export function intQuery(c: Context, name: string): number | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
    throw badRequest(`"${name}" must be a whole number no larger than ${Number.MAX_SAFE_INTEGER}.`);
  }
  return Number(v);
}
