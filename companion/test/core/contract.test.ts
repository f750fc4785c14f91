/**
 * The contract is executable: for every endpoint in shared/src/api/endpoints.ts, one valid and one
 * invalid request made from its schemas, sent over real HTTP, and every answer checked against the
 * response schema the contract names for that status. And the OpenAPI document, generated from the
 * same schemas, describes exactly the parameters and body fields each route accepts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { endpoints, pathOf, type Endpoint, type EndpointId } from '@irn-bridge/shared/api/endpoints';
import { ApiErrorSchema } from '@irn-bridge/shared/api/schemas';
import { makeInvoice, INTRA_BUYER_GSTIN } from '../support/invoices';
import { makeHome, startTestCompanion, type TestCompanion } from '../service/helpers';

/** Values for fields whose schema is a domain string (an IRN, a GSTIN, an invoice): real ones from the running companion. */
type Samples = Record<string, unknown>;

/** A value the schema accepts: required fields only, enums their first member, known fields from `samples`. */
function sample(schema: z.ZodType, name: string, samples: Samples): unknown {
  if (name in samples) return samples[name];
  const def = (schema as { _zod: { def: { type: string } & Record<string, any> } })._zod.def;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) if (!v.safeParse(undefined).success) out[k] = sample(v, k, samples);
      return out;
    }
    case 'enum': return Object.values(def.entries)[0];
    case 'literal': return def.values[0];
    case 'string': return 'x';
    case 'number': return 1;
    case 'boolean': return false;
    case 'array': return [];
    case 'record': return {};
    case 'pipe': return sample(def.in, name, samples);
    case 'union': return sample(def.options[0], name, samples);
    case 'optional': case 'nullable': case 'default': return sample(def.innerType, name, samples);
    default: return null;
  }
}

/** The same request with its first required field given a value of the wrong type (no required field is a boolean). */
function spoil(value: Record<string, unknown>, schema: z.ZodObject): [Record<string, unknown>, string] | null {
  for (const [k, v] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (v.safeParse(undefined).success) continue;
    return [{ ...value, [k]: true }, k];
  }
  return null;
}

function checkAnswer(id: EndpointId, e: Endpoint, res: { status: number; body: unknown; text: string }) {
  const what = `${id} → ${res.status} ${res.text.slice(0, 300)}`;
  const schema = e.responses[res.status as 200 | 202] ?? (e.errors.includes(res.status) ? ApiErrorSchema : undefined);
  assert.ok(schema, `status ${res.status} is not in the contract for ${what}`);
  const parsed = schema!.safeParse(res.body);
  assert.ok(parsed.success, `${what}\n${parsed.success ? '' : z.prettifyError(parsed.error)}`);
}

describe('the local API contract, route by route', () => {
  let home: ReturnType<typeof makeHome>;
  let c: TestCompanion;
  let samples: Samples;
  before(async () => {
    home = makeHome();
    c = await startTestCompanion({ home: home.home });
    const goods = await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
    assert.equal(goods.status, 200, goods.text);
    const batch = await c.api('/v1/einvoices/batch', { body: { invoices: [] } });
    const { code } = await c.running.companion.ctx.pairing.create();
    samples = {
      irn: goods.body.irn, gstin: INTRA_BUYER_GSTIN, id: batch.body.batchId, invoice: makeInvoice(), code, client: 'contract test',
      reason: '2', remark: 'Data entry mistake', distance: 10, path: '/eivital/v1.04/Master/gstin/29AAKCB2045P1Z7', method: 'GET',
    };
  });
  after(async () => {
    await c?.close();
    home?.remove();
  });

  for (const [id, e] of Object.entries(endpoints) as [EndpointId, Endpoint][]) {
    test(`${e.method.toUpperCase()} ${e.path}: a valid and an invalid request, both answered as the contract says`, async () => {
      const params = (e.request?.params ? sample(e.request.params, '', samples) : {}) as Record<string, string>;
      const body = e.request?.body ? sample(e.request.body, '', samples) as Record<string, unknown> : undefined;
      const send = (p: Record<string, string>, b: unknown, init: { key?: string | null; query?: string } = {}) =>
        c.api(pathOf(e.path, p) + (init.query ?? ''), { method: e.method.toUpperCase(), body: b, key: init.key });

      const valid = await send(params, body);
      checkAnswer(id, e, valid);
      assert.ok(valid.status < 300 || [404, 422].includes(valid.status), `a valid ${id} request: ${valid.status} ${valid.text.slice(0, 300)}`);

      let invalid;
      let field: string | null = null;
      const spoiled = e.request?.body ? spoil(body!, e.request.body) : null;
      if (spoiled) [invalid, field] = [await send(params, spoiled[0]), spoiled[1]];
      else if (e.request?.params && 'irn' in params) [invalid, field] = [await send({ ...params, irn: 'not-an-irn' }, body), 'irn'];
      else if (e.request?.query) [invalid, field] = [await send(params, body, { query: '?profile=a&profile=b' }), 'profile'];
      else if (e.auth) invalid = await send(params, body, { key: null });
      else return; // health and the document take nothing that could be wrong
      checkAnswer(id, e, invalid);
      assert.ok(invalid.status >= 400 && invalid.status < 500, `an invalid ${id} request: ${invalid.status}`);
      if (field) {
        assert.equal(invalid.body.error.code, 'BAD_REQUEST', invalid.text);
        assert.ok(invalid.body.error.message.includes(`"${field}"`), `${id}: "${invalid.body.error.message}" should name ${field}`);
      } else assert.equal(invalid.status, 401);
    });
  }

  test('the OpenAPI document is generated from the schemas: each route documents exactly the fields it accepts', async () => {
    const res = await c.api('/v1/openapi.json');
    assert.equal(res.status, 200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, any>> };
    assert.equal(doc.openapi, '3.1.0');
    const resolve = (s: any) => (s?.$ref ? (doc as any).components.schemas[s.$ref.split('/').pop()] : s);
    for (const [id, e] of Object.entries(endpoints) as [EndpointId, Endpoint][]) {
      const op = doc.paths[e.path]?.[e.method];
      assert.ok(op, `${id}: ${e.method} ${e.path} is documented`);
      assert.equal(op.operationId, id);
      const documented = (where: string) => (op.parameters ?? []).filter((p: any) => p.in === where).map((p: any) => p.name).sort();
      const shapeOf = (s?: z.ZodType) => Object.keys(((s as z.ZodObject | undefined)?.shape ?? {})).sort();
      assert.deepEqual(documented('path'), shapeOf(e.request?.params), `${id} path parameters`);
      assert.deepEqual(documented('query'), shapeOf(e.request?.query), `${id} query parameters`);
      const body = resolve(op.requestBody?.content?.['application/json']?.schema);
      assert.deepEqual(Object.keys(body?.properties ?? {}).sort(), shapeOf(e.request?.body), `${id} body fields`);
      if (e.request?.body) {
        const required = Object.entries(e.request.body.shape as Record<string, z.ZodType>).filter(([, v]) => !v.safeParse(undefined).success).map(([k]) => k);
        assert.deepEqual([...(body.required ?? [])].sort(), required.sort(), `${id} required body fields`);
      }
      for (const status of [...Object.keys(e.responses), ...e.errors.map(String)]) assert.ok(op.responses[status], `${id} documents ${status}`);
    }
    assert.equal(Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0), Object.keys(endpoints).length);
  });
});
