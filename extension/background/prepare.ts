/**
 * What the panel shows of the ERP document its page read: the summary, the INV-01 mapping, the
 * preview's breakdown and the ERP's names for lines and customer, computed here from the document
 * (plain JSON), so the mapping code of every ERP is not shipped into the page (issue 12). Same
 * functions the e2e tests and the fixture tests run (shared/src/erps/<id>/).
 */
import { moduleForDocument, type ErpDocumentBase, type ErpTotals } from '@irn-bridge/shared/erps';
import { pageUiFor } from '@irn-bridge/shared/erps/page-ui';
import type { PreparedInvoice, Protocol } from '../lib/messages';
import { UiFailure } from '../lib/ui-error';
import { breakdown } from '../ui/breakdown';
import { summarize } from '../ui/summary';

function documentOf(doc: unknown): ErpDocumentBase {
  if (!doc || typeof doc !== 'object' || typeof (doc as ErpDocumentBase).erp !== 'string') {
    throw new UiFailure({ code: 'BAD_REQUEST', message: 'The page sent no ERP document to prepare.' });
  }
  return doc as ErpDocumentBase;
}

export function prepareInvoice(req: Protocol['invoice.prepare']['req']): PreparedInvoice {
  const doc = documentOf(req.doc);
  const module = moduleForDocument(doc);
  const ui = pageUiFor(module.id);
  const erp = module.summary(doc);
  if (!erp.final) return { erp, notFinal: ui.notFinal, mapped: null };
  const { invoice, issues } = module.map(doc);
  let totals: ErpTotals | null;
  try {
    totals = module.totals(doc);
  } catch {
    totals = null;
  }
  return {
    erp,
    notFinal: ui.notFinal,
    mapped: {
      invoice, issues, summary: summarize(invoice), breakdown: breakdown(invoice), totals,
      lines: ui.lines(doc, invoice, req.origin), customer: ui.customer(doc, req.origin), labels: ui.labels,
    },
  };
}

export function fixesFor(req: Protocol['erp.fixes']['req']): Array<string | null> {
  const ui = pageUiFor(req.erp);
  return req.issues.map((i) => ui.fixFor(String(i.path), String(i.code)));
}
