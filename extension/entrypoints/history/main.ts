/**
 * The history: the companion's ledger, searched by customer, number, IRN, GSTIN or total, by state
 * and by document date; each row opens its invoice in the ERP it came from, and offers what the IRP
 * still allows (cancel the e-way bill, then cancel the IRN within 24 hours; an e-way bill). CSV export
 * of everything that matches (export.ts). Opened from the popup's Recent IRNs and from Settings.
 */
import '../../ui/page.css';
import './history.css';
import type { LedgerEntry, LedgerState } from '@irn-bridge/shared/api/contract';
import { browser } from '../../lib/browser';
import { formatRupees } from '../../lib/format';
import { send } from '../../lib/send';
import { describeError, toUiError } from '../../lib/ui-error';
import { h } from '../../ui/dom';
import { actionForm, actionsFor } from './actions';
import { ewbStatus, historyCsv, STATE_WORDS } from './export';

const doc = document;
const app = doc.getElementById('app')!;
const PAGE = 50;

const params = new URLSearchParams(location.search);
const q = h(doc, 'input', { type: 'search', testid: 'history-q', placeholder: 'Customer, number, IRN, GSTIN or amount', value: params.get('q') ?? '' });
const state = h(doc, 'select', { testid: 'history-state' }, h(doc, 'option', { value: '' }, 'Any'),
  ...(Object.keys(STATE_WORDS) as LedgerState[]).map((s) => h(doc, 'option', { value: s }, STATE_WORDS[s])));
// Text, not type=date: a date input shows the browser's locale (mm/dd/yyyy here and there), and the history has one format.
const dateInput = (testid: string) => h(doc, 'input', { type: 'text', testid, placeholder: 'dd/mm/yyyy', maxlength: 10, inputmode: 'numeric', style: 'width:110px' });
const from = dateInput('history-from');
const to = dateInput('history-to');
const search = h(doc, 'button', { type: 'submit', class: 'primary', testid: 'history-search' }, 'Search');
const exportBtn = h(doc, 'button', { type: 'button', testid: 'history-export' }, 'Export CSV');
const count = h(doc, 'div', { class: 'muted', testid: 'history-count', 'aria-live': 'polite' });
const body = h(doc, 'tbody', {});
const more = h(doc, 'button', { type: 'button', testid: 'history-more', hidden: true }, 'Show more');
const note = h(doc, 'div', { class: 'hint', testid: 'history-message', 'aria-live': 'polite' });
/** How telling the ERP went, after a cancel or an e-way bill from a row. */
const erpNote = h(doc, 'div', { class: 'hint', testid: 'history-erp-message', 'aria-live': 'polite' });
const settings = h(doc, 'button', { type: 'button', class: 'link', testid: 'history-open-options' }, 'Settings');
settings.addEventListener('click', () => void browser.runtime.openOptionsPage());

const filters = h(doc, 'form', { class: 'filters', testid: 'history-filters' },
  h(doc, 'label', {}, 'Search', q), h(doc, 'label', {}, 'Status', state),
  h(doc, 'label', {}, 'Document date from', from), h(doc, 'label', {}, 'to', to), search, exportBtn);
const table = h(doc, 'table', { class: 'history', testid: 'history-table' },
  h(doc, 'thead', {}, h(doc, 'tr', {}, ...['Date', 'Number', 'Customer', 'Taxable value', 'Tax', 'Total', 'Status', ''].map((t, i) =>
    h(doc, 'th', { class: i >= 3 && i <= 5 ? 'num' : null }, t)))),
  body);

app.append(
  h(doc, 'section', {}, h(doc, 'h1', {}, 'IRN Bridge · History', h(doc, 'span', { style: 'flex:1' }), settings)),
  h(doc, 'section', {}, filters, h(doc, 'div', { class: 'hint', style: 'margin-top:6px' },
    'Dates are document dates. The CSV has one row per document; every date in it is written dd/mm/yyyy.')),
  h(doc, 'section', {}, count, note, erpNote, table, more),
);

/** d/m/yyyy or dd-mm-yyyy as typed → dd/mm/yyyy (the companion's filter); throws naming the field. */
function ddmmyyyy(input: HTMLInputElement, name: string): string | undefined {
  const text = input.value.trim();
  input.removeAttribute('aria-invalid');
  if (!text) return undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) {
    input.setAttribute('aria-invalid', 'true');
    throw new Error(`"${name}" must be a date as dd/mm/yyyy, e.g. 05/11/2026 (you typed "${text}").`);
  }
  return `${m[1].padStart(2, '0')}/${m[2].padStart(2, '0')}/${m[3]}`;
}
const query = () => ({
  q: q.value.trim() || undefined, state: (state.value || undefined) as LedgerState | undefined,
  from: ddmmyyyy(from, 'Document date from'), to: ddmmyyyy(to, 'to'),
});

let shown = 0;

async function load(reset: boolean): Promise<void> {
  if (reset) { body.replaceChildren(); shown = 0; note.textContent = ''; erpNote.textContent = ''; count.className = 'muted'; }
  try {
    const page = await send('einvoices.list', { ...query(), limit: PAGE, offset: shown });
    for (const e of page.entries) body.append(row(e));
    shown += page.entries.length;
    count.textContent = page.total === 0 ? 'Nothing matches.' : `${shown} of ${page.total} document${page.total === 1 ? '' : 's'}`;
    more.hidden = shown >= page.total;
  } catch (err) {
    const e = toUiError(err);
    count.className = 'err';
    count.textContent = describeError(e) + (e.hint ? ` ${e.hint}` : '');
  }
}

function row(e: LedgerEntry): HTMLTableRowElement {
  const a = e.amounts;
  const tax = a ? Math.round((a.igst + a.cgst + a.sgst + a.cess) * 100) / 100 : null;
  const ewb = ewbStatus(e);
  const tr = h(doc, 'tr', { testid: 'history-row', 'data-id': e.id, 'data-state': e.state, 'data-irn': e.irn ?? '' },
    h(doc, 'td', {}, e.document.docDate),
    h(doc, 'td', {}, h(doc, 'b', {}, e.document.docNo), h(doc, 'div', { class: 'muted' }, e.document.docType)),
    h(doc, 'td', {}, e.buyerName ?? '—', h(doc, 'div', { class: 'mono muted' }, e.buyerGstin ?? '')),
    h(doc, 'td', { class: 'num', testid: 'history-taxable' }, a ? formatRupees(a.assVal) : '—'),
    h(doc, 'td', { class: 'num', testid: 'history-tax' }, tax === null ? '—' : formatRupees(tax),
      a ? h(doc, 'div', { class: 'muted' }, a.igst ? 'IGST' : 'CGST + SGST') : null),
    h(doc, 'td', { class: 'num', testid: 'history-total' }, e.totalValue === null ? '—' : formatRupees(e.totalValue)),
    h(doc, 'td', { testid: 'history-status' }, STATE_WORDS[e.state],
      e.irn ? h(doc, 'div', { class: 'mono muted', title: e.irn }, `${e.irn.slice(0, 12)}…`) : null,
      e.ewbNo ? h(doc, 'div', { class: 'muted', testid: 'history-ewb' }, `EWB ${e.ewbNo} · ${ewb}`) : null,
      e.lastError && e.state !== 'generated' ? h(doc, 'div', { class: 'err' }, e.lastError.message) : null),
    h(doc, 'td', { class: 'actions' }));
  const cell = tr.lastElementChild as HTMLTableCellElement;
  if (e.source?.url) cell.append(h(doc, 'a', { class: 'erp', href: e.source.url, target: '_blank', rel: 'noopener', testid: 'history-open' }, 'Open in ERP'));
  for (const act of actionsFor(e)) {
    const btn = h(doc, 'button', { type: 'button', testid: `history-${act}` }, act === 'cancel' ? 'Cancel IRN' : act === 'ewb-cancel' ? 'Cancel e-way bill' : 'E-way bill');
    btn.addEventListener('click', () => {
      tr.nextElementSibling?.classList.contains('action-row') && tr.nextElementSibling.remove();
      const formRow = h(doc, 'tr', { class: 'action-row' }, h(doc, 'td', { colspan: 8 }));
      formRow.firstElementChild!.append(actionForm(doc, act, e, {
        done: (message, updated) => {
          formRow.remove();
          note.className = 'ok';
          note.textContent = message;
          tr.replaceWith(row(updated));
        },
        recorded: (message, ok) => {
          erpNote.className = ok ? 'hint' : 'err';
          erpNote.textContent = message;
        },
        close: () => formRow.remove(),
      }));
      tr.after(formRow);
    });
    cell.append(btn);
  }
  return tr;
}

filters.addEventListener('submit', (ev) => { ev.preventDefault(); void load(true); });
more.addEventListener('click', () => void load(false));

exportBtn.addEventListener('click', async () => {
  exportBtn.disabled = true;
  try {
    const all: LedgerEntry[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await send('einvoices.list', { ...query(), limit: 1000, offset });
      all.push(...page.entries);
      if (!page.entries.length || all.length >= page.total) break;
    }
    const url = URL.createObjectURL(new Blob(['\ufeff', historyCsv(all)], { type: 'text/csv;charset=utf-8' }));
    const stamp = new Date().toISOString().slice(0, 10);
    const link = h(doc, 'a', { href: url, download: `irn-bridge-history-${stamp}.csv` });
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    note.className = 'ok';
    note.textContent = `Exported ${all.length} document${all.length === 1 ? '' : 's'}.`;
  } catch (err) {
    note.className = 'err';
    note.textContent = describeError(toUiError(err));
  } finally {
    exportBtn.disabled = false;
  }
});

void load(true);
