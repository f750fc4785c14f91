/**
 * Routes registered from the contract (shared/src/api/endpoints.ts): the path, the validators and
 * the OpenAPI entry all come from one endpoint description, so the served API and its document
 * cannot drift apart. Handlers read their checked input with `input(c)`.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import { endpoints, type Endpoint, type EndpointId } from '@irn-bridge/shared/api/endpoints';
import { ApiErrorSchema } from '@irn-bridge/shared/api/schemas';
import type { AppEnv } from './context';
import { jsonObjectBody, validationHook } from './validate';

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request (the message names the field)', 401: 'Missing, unknown or revoked API key', 403: 'The key\'s role does not allow this (security/roles.ts)', 404: 'Not found', 409: 'Conflict',
  413: 'Body too large', 415: 'Body is not JSON', 422: 'Invalid input or IRP refusal', 429: 'Too many attempts',
  503: 'IRP unreachable or outcome unknown',
};
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

export function contractApp(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

function routeOf(id: EndpointId) {
  const e: Endpoint = endpoints[id];
  const responses: Record<string, { description: string; content: { 'application/json': { schema: z.ZodType } } }> = {};
  for (const [status, schema] of Object.entries(e.responses)) responses[status] = { description: status === '202' ? 'Accepted' : 'OK', ...json(schema as z.ZodType) };
  for (const status of e.errors) responses[String(status)] = { description: ERROR_TEXT[status] ?? 'Error', ...json(ApiErrorSchema) };
  return createRoute({
    method: e.method, path: e.path, summary: e.summary, operationId: id,
    ...(e.auth ? {} : { security: [] }),
    request: {
      ...(e.request?.params ? { params: e.request.params } : {}),
      ...(e.request?.query ? { query: e.request.query as z.ZodObject } : {}),
      ...(e.request?.body ? { body: { required: true, ...json(e.request.body) } } : {}),
    },
    responses,
    ...(e.request?.body ? { middleware: [jsonObjectBody] as const } : {}),
  });
}

type Parts<E> = E extends { request: infer R } ? {
  params: R extends { params: z.ZodType } ? z.output<R['params']> : undefined;
  query: R extends { query: z.ZodType } ? z.output<R['query']> : undefined;
  body: R extends { body: z.ZodType } ? z.output<R['body']> : undefined;
} : { params: undefined; query: undefined; body: undefined };

export type RouteInput<Id extends EndpointId> = Parts<(typeof endpoints)[Id]>;

/** Registers the handler for a contract endpoint, at the contract's path, with its validators. */
export function serve<Id extends EndpointId>(
  app: OpenAPIHono<AppEnv>, id: Id,
  handler: (c: Context<AppEnv>, input: RouteInput<Id>) => Response | Promise<Response>,
): void {
  const e: Endpoint = endpoints[id];
  app.openapi(routeOf(id), ((c: Context<AppEnv>) => {
    const valid = (target: string) => (c.req as unknown as { valid(t: string): unknown }).valid(target);
    const input = {
      params: e.request?.params ? valid('param') : undefined,
      query: e.request?.query ? valid('query') : undefined,
      body: e.request?.body ? valid('json') : undefined,
    } as RouteInput<Id>;
    return handler(c, input);
  }) as never);
}
