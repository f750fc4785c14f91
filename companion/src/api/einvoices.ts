/** Single e-invoices: validate, generate, fetch (by IRN, by document), the ledger, cancel, e-way bill. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { LedgerListResponse, ValidateResponse } from '@irn-bridge/shared/api/contract';
import { hasBlockingIssues } from '../domain';
import { toLedgerEntry } from '../ledger/store';
import { profileForIrn } from '../ledger/documents';
import { checkInvoice, inspectInvoice } from '../ledger/invoice-check';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export function einvoiceRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  const resolve = (wish: Parameters<CompanionContext['profiles']['resolve']>[0]) => ctx.profiles.resolve(wish);

  serve(app, 'validate', (c, { body }) => {
    const { issues } = inspectInvoice(body.invoice, resolve, body.profile, ctx.now());
    return c.json({ valid: !hasBlockingIssues(issues), issues } satisfies ValidateResponse);
  });

  serve(app, 'generate', async (c, { body }) => {
    const { profile, checked } = checkInvoice(body.invoice, resolve, body.profile, ctx.now());
    try {
      return c.json(await ctx.generation.generate(profile, checked, { user: c.get('caller')?.user ?? null }));
    } finally {
      // Where the invoice came from, for the history's "open in the ERP" (whatever the outcome; a lost write only loses the link).
      if (body.source) { try { await ctx.ledger.setSource(checked.key, body.source); } catch { /* the ledger is busy: the link is not essential */ } }
    }
  });

  serve(app, 'einvoices', async (c, { query: q }) => {
    if (q.docType && q.docNo && q.docDate) {
      const profile = ctx.profiles.resolve({ profile: q.profile });
      return c.json(await ctx.documents.byDocument(profile, { docType: q.docType, docNo: q.docNo, docDate: q.docDate }, { ledgerOnly: q.ledgerOnly === 'true' }));
    }
    const page = await ctx.ledger.list({ state: q.state, from: q.from, to: q.to, q: q.q, profile: q.profile, limit: q.limit, offset: q.offset });
    return c.json({ entries: page.rows.map(toLedgerEntry), total: page.total, limit: page.limit, offset: page.offset } satisfies LedgerListResponse);
  });

  serve(app, 'einvoice', async (c, { params, query }) => {
    const irn = params.irn.toLowerCase();
    return c.json(await ctx.documents.byIrn(await profileForIrn(ctx, irn, query.profile), irn));
  });

  serve(app, 'cancel', async (c, { params, body }) => {
    const irn = params.irn.toLowerCase();
    return c.json(await ctx.documents.cancel(await profileForIrn(ctx, irn, body.profile ?? undefined), irn, { reason: body.reason, remark: body.remark },
      c.get('caller')?.user ?? null));
  });

  serve(app, 'ewaybill', async (c, { params, body }) => {
    const irn = params.irn.toLowerCase();
    const { profile, ...fields } = body;
    return c.json(await ctx.documents.ewaybill(await profileForIrn(ctx, irn, profile ?? undefined), irn, fields, c.get('caller')?.user ?? null));
  });
}
