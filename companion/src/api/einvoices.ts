/** Single e-invoices: validate, generate, fetch (by IRN, by document), the ledger, cancel, e-way bill. */
import { Hono, type Context } from 'hono';
import type { LedgerListResponse, LedgerState, ValidateResponse } from '@irn-bridge/shared/api/contract';
import { hasBlockingIssues, IRN_PATTERN, isCancelReason, normalizeInvoiceKeys, validateInvoice } from '../domain';
import { toLedgerEntry } from '../ledger/store';
import { profileForIrn } from '../ledger/documents';
import { allowsSandboxGstins, sellerGstinOf } from '@irn-bridge/shared/profiles/choice';
import { badRequest } from '../errors';
import { intQuery, optionalString, readJson, requiredString } from './body';
import type { AppEnv, CompanionContext } from './context';

const STATES: LedgerState[] = ['pending', 'unknown', 'generated', 'cancelled', 'failed'];

function irnParam(c: Context): string {
  const irn = c.req.param('irn') ?? '';
  if (!IRN_PATTERN.test(irn)) throw badRequest('An IRN is 64 hexadecimal characters.');
  return irn.toLowerCase();
}

function invoiceOf(body: Record<string, unknown>): unknown {
  const inv = body.invoice;
  if (typeof inv !== 'object' || inv === null || Array.isArray(inv)) throw badRequest('"invoice" must be an INV-01 JSON object.');
  return normalizeInvoiceKeys(inv);
}

export function einvoiceRoutes(ctx: CompanionContext) {
  const app = new Hono<AppEnv>();

  app.post('/v1/einvoices/validate', async (c) => {
    const body = await readJson(c);
    const invoice = invoiceOf(body);
    const profile = ctx.profiles.resolve({ profile: optionalString(body, 'profile'), sellerGstin: sellerGstinOf(invoice) });
    const issues = validateInvoice(invoice, { allowSandboxGstins: allowsSandboxGstins(profile), now: ctx.now() });
    return c.json({ valid: !hasBlockingIssues(issues), issues } satisfies ValidateResponse);
  });

  app.post('/v1/einvoices', async (c) => {
    const body = await readJson(c);
    const invoice = invoiceOf(body);
    const profile = ctx.profiles.resolve({ profile: optionalString(body, 'profile'), sellerGstin: sellerGstinOf(invoice) });
    return c.json(await ctx.generation.generate(profile, invoice));
  });

  app.get('/v1/einvoices', async (c) => {
    const docType = c.req.query('docType');
    const docNo = c.req.query('docNo');
    const docDate = c.req.query('docDate');
    if (docType || docNo || docDate) {
      if (!docType || !docNo || !docDate) throw badRequest('Looking up a document needs docType, docNo and docDate together.');
      if (!/^(INV|CRN|DBN)$/i.test(docType)) throw badRequest('"docType" must be INV, CRN or DBN.');
      if (!/^\d{2}\/\d{2}\/\d{4}$/.test(docDate)) throw badRequest('"docDate" must be a date as dd/mm/yyyy.');
      const profile = ctx.profiles.resolve({ profile: c.req.query('profile') });
      return c.json(await ctx.documents.byDocument(profile, { docType, docNo, docDate }));
    }
    const state = (c.req.query('state') ?? c.req.query('status')) as LedgerState | undefined;
    if (state && !STATES.includes(state)) throw badRequest(`"state" must be one of ${STATES.join(', ')}.`);
    const page = ctx.ledger.list({
      state, from: c.req.query('from'), to: c.req.query('to'), q: c.req.query('q'), profile: c.req.query('profile'),
      limit: intQuery(c, 'limit'), offset: intQuery(c, 'offset'),
    });
    return c.json({ entries: page.rows.map(toLedgerEntry), total: page.total, limit: page.limit, offset: page.offset } satisfies LedgerListResponse);
  });

  app.get('/v1/einvoices/:irn', async (c) => {
    const irn = irnParam(c);
    const profile = profileForIrn(ctx, irn, c.req.query('profile'));
    return c.json(await ctx.documents.byIrn(profile, irn));
  });

  app.post('/v1/einvoices/:irn/cancel', async (c) => {
    const irn = irnParam(c);
    const body = await readJson(c);
    // Only a string or a number: String() on an arbitrary object may throw or mislead (["1"] → "1").
    const reason = typeof body.reason === 'string' || typeof body.reason === 'number' ? String(body.reason) : '';
    if (!isCancelReason(reason)) {
      throw badRequest('"reason" must be 1 (duplicate), 2 (data entry mistake), 3 (order cancelled) or 4 (other).');
    }
    const remark = requiredString(body, 'remark', 100);
    const profile = profileForIrn(ctx, irn, optionalString(body, 'profile'));
    return c.json(await ctx.documents.cancel(profile, irn, { reason, remark }));
  });

  app.post('/v1/einvoices/:irn/ewaybill', async (c) => {
    const irn = irnParam(c);
    const body = await readJson(c);
    const distance = body.distance;
    if (typeof distance !== 'number' || !Number.isInteger(distance) || distance < 0 || distance > 4000) {
      throw badRequest('"distance" must be a whole number of kilometres (0 to 4000; 0 lets the IRP calculate it).');
    }
    const str = (f: string) => optionalString(body, f);
    const profile = profileForIrn(ctx, irn, str('profile'));
    return c.json(await ctx.documents.ewaybill(profile, irn, {
      distance, transMode: str('transMode') as '1' | undefined, transId: str('transId'), transName: str('transName'),
      transDocNo: str('transDocNo'), transDocDt: str('transDocDt'), vehNo: str('vehNo'), vehType: str('vehType') as 'R' | undefined,
    }));
  });

  return app;
}

/** An IRN's profile: explicit → the ledger row's → the default. */
