/**
 * The preview a clerk confirms: what will be registered (parties, place of supply, reverse charge,
 * the original invoice of a note, every line with HSN, quantity, rate and tax, and the tax
 * breakdown), all from the mapped INV-01, with a word wherever it differs from the ERP's own totals.
 */
import type { ProfileRef } from '@irn-bridge/shared/api/contract';
import type { ErpTotals } from '@irn-bridge/shared/erps/module';
import type { ErpPageUi } from '@irn-bridge/shared/erps/page-ui';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import { formatPercent, formatQty, formatRupees } from '../lib/format';
import { totalsDifferences, type Breakdown } from './breakdown';
import { h, onTrustedClick } from './dom';
import { issuesView, type ErpNames } from './issues-view';
import { DOC_TYPE_LABEL, type InvoiceSummary } from './summary';

export interface PreviewData {
  summary: InvoiceSummary;
  breakdown: Breakdown;
  erpTotals: ErpTotals | null;
  issues: ValidationIssue[];
  profile: ProfileRef | null;
  names: ErpNames;
  labels: ErpPageUi['labels'];
}

export interface PreviewActions {
  onConfirm: () => void;
  onBack: () => void;
  onRecheck: () => void;
}

function summaryList(doc: Document, d: PreviewData): HTMLElement {
  const s = d.summary;
  const b = d.breakdown;
  const row = (label: string, value: string, testid: string) => [h(doc, 'dt', {}, label), h(doc, 'dd', { testid }, value)];
  const note = s.docType !== 'INV';
  return h(doc, 'dl', { testid: 'irn-summary' },
    ...row('Seller', `${s.seller.name} · ${s.seller.gstin}`, 'irn-seller'),
    ...row('Buyer', `${s.buyer.name} · ${s.buyer.gstin}`, 'irn-buyer'),
    ...row(DOC_TYPE_LABEL[s.docType], `${s.docNo} dated ${s.docDate}`, 'irn-doc'),
    ...(note ? row('Original invoice', b.original.length ? b.original.map((o) => `${o.no} dated ${o.date}`).join(', ') : 'none given', 'irn-original') : []),
    ...row('Place of supply', b.placeOfSupply, 'irn-pos'),
    ...row('Reverse charge', b.reverseCharge ? 'Yes: the buyer pays the tax' : 'No', 'irn-reverse-charge'),
    ...row('Total', formatRupees(s.total), 'irn-total'),
    ...row('Items', String(s.itemCount), 'irn-item-count'));
}

/** One row per line, two columns, so it fits the narrow sheet: the ERP's item, HSN, qty @ rate | taxable, GST. */
function linesTable(doc: Document, d: PreviewData): HTMLElement {
  const head = h(doc, 'tr', {}, h(doc, 'th', { scope: 'col' }, 'Item · HSN · Qty @ Rate'), h(doc, 'th', { scope: 'col' }, 'Taxable + GST'));
  const rows = d.breakdown.lines.map((l, i) => {
    const name = d.names.lines[i];
    const qty = l.qty !== undefined ? `${formatQty(l.qty, l.unit)} @ ${formatRupees(l.rate)}` : `@ ${formatRupees(l.rate)}`;
    return h(doc, 'tr', { testid: 'irn-line', 'data-sl': l.slNo, 'data-hsn': l.hsn, 'data-taxable': l.taxable, 'data-tax': l.tax },
      h(doc, 'td', {}, name?.href ? h(doc, 'a', { href: name.href, target: '_blank', rel: 'noopener' }, name.label) : (name?.label ?? `Item ${i + 1}`),
        h(doc, 'div', { class: 'muted' }, `HSN ${l.hsn} · ${qty}`)),
      h(doc, 'td', { class: 'num' }, formatRupees(l.taxable), h(doc, 'div', { class: 'muted' }, `+ ${formatRupees(l.tax)} (${formatPercent(l.gstRate)})`)));
  });
  return h(doc, 'table', { class: 'lines', testid: 'irn-lines' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows));
}

function breakdownList(doc: Document, d: PreviewData): HTMLElement {
  const b = d.breakdown;
  const row = (label: string, v: number, testid: string, strong = false) =>
    [h(doc, 'dt', {}, label), h(doc, 'dd', { testid, 'data-amount': v, class: strong ? 'num strong' : 'num' }, formatRupees(v))];
  return h(doc, 'dl', { class: 'breakdown', testid: 'irn-breakdown', 'data-supply': b.igstSupply ? 'igst' : 'cgst-sgst' },
    ...row('Taxable value', b.taxable, 'irn-bd-taxable'),
    ...(b.igstSupply ? row('IGST', b.igst, 'irn-bd-igst') : [...row('CGST', b.cgst, 'irn-bd-cgst'), ...row('SGST', b.sgst, 'irn-bd-sgst')]),
    ...row('Cess', b.cess, 'irn-bd-cess'),
    ...(b.stateCess ? row('State cess', b.stateCess, 'irn-bd-state-cess') : []),
    ...(b.discount ? row('Discount', -b.discount, 'irn-bd-discount') : []),
    ...row('Other charges', b.otherCharges, 'irn-bd-other'),
    ...row('Round-off', b.roundOff, 'irn-bd-round-off'),
    ...row('Invoice value', b.total, 'irn-bd-total', true));
}

/** A sentence for each place where the IRP gets something other than what the ERP shows. */
function erpComparison(doc: Document, d: PreviewData): HTMLElement | null {
  const b = d.breakdown;
  const erp = d.names.erp;
  const notes: HTMLElement[] = [];
  if (b.roundOff) {
    notes.push(h(doc, 'div', { class: 'muted', testid: 'irn-roundoff-note' },
      `Before round-off the total is ${formatRupees(b.total - b.roundOff)}; ${erp}'s ${d.labels.roundOff} of ${formatRupees(b.roundOff)} makes it ${formatRupees(b.total)}, the invoice value registered.`));
  }
  const what = { total: d.labels.total, taxable: d.labels.taxable, tax: 'taxes and charges' } as const;
  for (const x of d.erpTotals ? totalsDifferences(b, d.erpTotals) : []) {
    notes.push(h(doc, 'div', { class: 'issue warning', testid: 'irn-erp-differs', 'data-what': x.what },
      `${erp} shows ${what[x.what]} ${formatRupees(x.erp)}; the IRP gets ${formatRupees(x.irp)}.`));
  }
  return notes.length ? h(doc, 'div', { class: 'group' }, ...notes) : null;
}

export function previewView(doc: Document, d: PreviewData, a: PreviewActions): HTMLElement {
  const blocking = d.issues.filter((i) => i.severity === 'error');
  const confirm = h(doc, 'button', { type: 'button', class: 'primary', testid: 'irn-confirm', disabled: blocking.length > 0 }, 'Generate IRN');
  const back = h(doc, 'button', { type: 'button', testid: 'irn-back' }, 'Back');
  const recheck = h(doc, 'button', { type: 'button', testid: 'irn-recheck', title: `Read the invoice from ${d.names.erp} again` }, 'Re-check');
  onTrustedClick(confirm, () => { if (!confirm.disabled) a.onConfirm(); });
  onTrustedClick(back, a.onBack);
  onTrustedClick(recheck, a.onRecheck);
  const verdict = blocking.length
    ? h(doc, 'div', { class: 'error', testid: 'irn-blocked', 'data-focus': '' },
      `${blocking.length} problem${blocking.length > 1 ? 's' : ''} must be fixed in ${d.names.erp} before this can be registered. Fix, save, then Re-check.`)
    : h(doc, 'div', { class: 'ok', testid: 'irn-valid' }, d.issues.length ? 'Ready to register (see the warnings below).' : 'Ready to register.');
  if (!blocking.length) confirm.setAttribute('data-focus', '');
  return h(doc, 'div', { class: 'body', testid: 'irn-preview' },
    verdict,
    d.issues.length ? issuesView(doc, d.issues, d.names) : null,
    summaryList(doc, d),
    linesTable(doc, d),
    breakdownList(doc, d),
    erpComparison(doc, d),
    d.profile ? h(doc, 'div', { class: 'muted', testid: 'irn-profile' }, `Profile: ${d.profile.name}`) : null,
    h(doc, 'div', { class: 'actions' }, recheck, back, confirm));
}
