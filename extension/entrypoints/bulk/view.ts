/** The bulk page's DOM: one table row per ticked invoice, its state in words, and the batch's counts. */
import { pageUiFor } from '@irn-bridge/shared/erps/page-ui';
import { formatRupees } from '../../lib/format';
import { describeError } from '../../lib/ui-error';
import { h } from '../../ui/dom';
import { issuesView, type ErpNames } from '../../ui/issues-view';
import type { AnyErpModule } from '@irn-bridge/shared/erps';
import { tally, type Row } from './batch';

/** The ERP's names for a row's items and customer, so a problem reads as it would in the panel. */
function namesFor(module: AnyErpModule, row: Row, origin: string): ErpNames | null {
  if (!row.doc || !row.invoice) return null;
  const ui = pageUiFor(module.id);
  try {
    return { erp: module.label, lines: ui.lines(row.doc, row.invoice, origin), customer: ui.customer(row.doc, origin), fixFor: (p, c) => ui.fixFor(p, c) };
  } catch {
    return null;
  }
}

function statusCell(doc: Document, module: AnyErpModule, row: Row, origin: string): HTMLElement {
  const s = row.state;
  const cell = h(doc, 'td', { testid: 'bulk-row-status' });
  switch (s.kind) {
    case 'reading': cell.append(h(doc, 'span', { class: 'muted' }, `Reading from ${module.label}…`)); break;
    case 'ready': cell.append(h(doc, 'span', {}, 'Will be sent')); break;
    case 'queued': cell.append(h(doc, 'span', { class: 'muted' }, 'Waiting its turn')); break;
    case 'sending': cell.append(h(doc, 'span', {}, 'Registering with the IRP…')); break;
    case 'blocked':
      cell.append(h(doc, 'div', { class: 'err', testid: 'bulk-row-reason' }, s.reason));
      if (s.issues.length) cell.append(issuesView(doc, s.issues, namesFor(module, row, origin)));
      break;
    case 'failed':
      cell.append(h(doc, 'div', { class: 'err', testid: 'bulk-row-reason' }, describeError(s.error)),
        s.error.hint ? h(doc, 'div', { class: 'hint' }, s.error.hint) : '',
        h(doc, 'div', { class: 'hint' }, s.retryable ? 'Resume sends it again; the ledger makes that safe.' : 'Fix it in the ERP and open the batch again.'));
      break;
    case 'recording':
    case 'done': {
      const r = s.result;
      cell.append(h(doc, 'div', { class: 'ok' }, r.fromLedger ? 'Already registered (answered from the ledger)' : 'Registered'),
        h(doc, 'div', { class: 'mono', testid: 'bulk-row-irn' }, r.irn),
        h(doc, 'div', { class: 'hint' }, `Ack No ${r.ackNo} · ${r.ackDt}`));
      if (s.kind === 'recording') cell.append(h(doc, 'div', { class: 'muted' }, `Recording in ${module.label}…`));
      else {
        cell.append(h(doc, 'div', { class: s.writeBack.ok ? 'ok' : 'err', testid: 'bulk-row-writeback', 'data-ok': String(s.writeBack.ok) },
          `${s.writeBack.ok ? `${module.label} updated` : `${module.label} not updated`}: ${s.writeBack.message}`));
      }
    }
  }
  return cell;
}

export function rowView(doc: Document, module: AnyErpModule, row: Row, origin: string, index: number, formUrl: string): HTMLTableRowElement {
  const sm = row.summary;
  return h(doc, 'tr', { testid: 'bulk-row', 'data-name': row.ref.name, 'data-state': row.state.kind },
    h(doc, 'td', { class: 'num' }, index + 1),
    h(doc, 'td', { testid: 'bulk-row-doc' }, h(doc, 'a', { href: formUrl, target: '_blank', rel: 'noopener', title: `Open it in ${module.label}` }, row.label)),
    h(doc, 'td', { class: 'date' }, sm?.docDate ?? ''),
    h(doc, 'td', {}, sm?.partyName ?? ''),
    h(doc, 'td', { class: 'num' }, sm ? formatRupees(sm.grandTotal) : ''),
    statusCell(doc, module, row, origin));
}

/** One sentence for the header (and the screen reader): where the batch is. */
export function summaryText(rows: readonly Row[], phase: 'reading' | 'preview' | 'running' | 'stopping' | 'stopped' | 'finished', erp: string): string {
  const t = tally(rows);
  const notSent = t.blocked ? ` ${t.blocked} not sent (see why below).` : '';
  switch (phase) {
    case 'reading': return `Reading ${t.total} invoice${t.total === 1 ? '' : 's'} from ${erp}… ${t.total - t.reading} of ${t.total} read.`;
    case 'preview': return `${t.ready} will be registered with the IRP.${notSent}`;
    case 'running': return `Registering: ${t.done} of ${t.done + t.ready + t.inFlight + t.failed} done.${t.failed ? ` ${t.failed} failed.` : ''}`;
    case 'stopping': return `Stopping: the ${t.inFlight} invoice${t.inFlight === 1 ? '' : 's'} already at the IRP finish, no new one is sent.`;
    case 'stopped': return `Stopped: ${t.done} registered, ${t.ready} not sent yet. Resume sends the rest.${t.failed ? ` ${t.failed} failed.` : ''}`;
    case 'finished': return `Done: ${t.done} registered${t.writeBackFailed ? ` (${t.writeBackFailed} not recorded in ${erp})` : ''}.${t.failed ? ` ${t.failed} failed.` : ''}${notSent}`;
  }
}
