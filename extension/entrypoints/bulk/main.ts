/**
 * The bulk page: opened by the bulk button on an ERP's invoice list (lib/bulk-hook.ts) with the
 * ticked invoices in its URL (background/bulk.ts). It reads each through the list's tab
 * (lib/page-io-bridge.ts), previews the batch, and after one confirmation registers each invoice
 * through the background and records the result back in the ERP through the same tab.
 */
import '../../ui/page.css';
import './bulk.css';
import { ERP_MODULES } from '@irn-bridge/shared/erps';
import { pageUiFor } from '@irn-bridge/shared/erps/page-ui';
import { allowsSandboxGstins, sellerGstinOf } from '@irn-bridge/shared/profiles/choice';
import type { BulkJob } from '../../background/bulk';
import { browser } from '../../lib/browser';
import type { CompanionStatus, Reply } from '../../lib/messages';
import type { PageIoReplies, PageIoRequest } from '../../lib/page-io-bridge';
import { send } from '../../lib/send';
import { describeError, toUiError, UiFailure } from '../../lib/ui-error';
import { h, onTrustedClick } from '../../ui/dom';
import { BatchRun, newRow, prepare, sendable, type BatchDeps, type Row } from './batch';
import { rowView, summaryText } from './view';

const doc = document;
const app = doc.getElementById('app')!;

function readJob(): BulkJob | null {
  try {
    const job = JSON.parse(new URLSearchParams(location.search).get('job') ?? 'null') as BulkJob | null;
    return job && typeof job.tabId === 'number' && Array.isArray(job.refs) ? job : null;
  } catch {
    return null;
  }
}

const job = readJob();
const module = ERP_MODULES.find((m) => m.id === job?.erp) ?? null;
if (!job || !module) {
  app.append(h(doc, 'section', { class: 'err', testid: 'bulk-error' }, 'Open this page from the Generate IRNs button on your ERP’s invoice list.'));
} else {
  void start(job, module);
}

async function start(job: BulkJob, erp: NonNullable<typeof module>): Promise<void> {
  const tabGone = () => new UiFailure({
    code: 'INTERNAL',
    message: `The ${erp.label} tab this batch came from is closed or shows another page.`,
    hint: `Open the invoice list in ${erp.label} again, tick the invoices and click Generate IRNs: invoices already registered are answered from the ledger, not sent twice.`,
  });
  async function ask<T extends PageIoRequest['type']>(req: Extract<PageIoRequest, { type: T }>): Promise<PageIoReplies[T]> {
    let reply: Reply<PageIoReplies[T]> | undefined;
    try {
      reply = await browser.tabs.sendMessage(job.tabId, req, { frameId: 0 }) as Reply<PageIoReplies[T]> | undefined;
    } catch {
      throw tabGone();
    }
    if (!reply) throw tabGone();
    if (!reply.ok) throw new UiFailure(reply.error);
    return reply.data;
  }

  const rows: Row[] = job.refs.map(newRow);
  let phase: Parameters<typeof summaryText>[1] = 'reading';
  // Shown once every invoice is read (the preview): never a button to press before the clerk can see what it sends.
  const confirm = h(doc, 'button', { type: 'button', class: 'primary', testid: 'bulk-confirm', disabled: true, hidden: true }, 'Register');
  const stop = h(doc, 'button', { type: 'button', testid: 'bulk-stop', hidden: true }, 'Stop');
  const resume = h(doc, 'button', { type: 'button', class: 'primary', testid: 'bulk-resume', hidden: true }, 'Resume');
  const progress = h(doc, 'progress', { testid: 'bulk-progress', max: 1, value: 0 });
  const said = h(doc, 'div', { testid: 'bulk-summary', role: 'status', 'aria-live': 'polite' });
  const banner = h(doc, 'div', { testid: 'bulk-banner' });
  const tbody = h(doc, 'tbody', {});
  const skipped = job.skipped.length
    ? h(doc, 'section', { testid: 'bulk-skipped' }, h(doc, 'h2', {}, 'Ticked but not read'),
      h(doc, 'ul', { class: 'plain' }, ...job.skipped.map((s) => h(doc, 'li', {}, h(doc, 'b', {}, s.label), ` — ${s.reason}`))))
    : null;
  app.append(
    h(doc, 'header', {},
      h(doc, 'h1', {}, `Generate IRNs · ${rows.length} invoice${rows.length === 1 ? '' : 's'} from ${erp.label}`),
      banner, said, progress, h(doc, 'div', { class: 'row' }, confirm, stop, resume)),
    skipped ?? "",
    h(doc, 'table', { testid: 'bulk-table' },
      h(doc, 'thead', {}, h(doc, 'tr', {}, h(doc, 'th', { class: 'num' }, '#'), h(doc, 'th', {}, 'Number'), h(doc, 'th', {}, 'Date'),
        h(doc, 'th', {}, 'Customer'), h(doc, 'th', { class: 'num' }, 'Total'), h(doc, 'th', {}, 'Status'))),
      tbody),
  );
  const formUrl = (ref: Row['ref']) => erp.list?.formUrl(new URL(job.listUrl), ref) ?? job.listUrl;
  const lines = rows.map((r, i) => tbody.appendChild(rowView(doc, erp, r, job.origin, i, formUrl(r.ref))));

  const redrawHeader = () => {
    said.textContent = summaryText(rows, phase, erp.label);
    const toSend = sendable(rows).length;
    const finished = rows.filter((r) => r.state.kind === 'done').length;
    progress.max = Math.max(1, phase === 'reading' ? rows.length : finished + toSend + rows.filter((r) => r.state.kind === 'sending' || r.state.kind === 'recording').length);
    progress.value = phase === 'reading' ? rows.filter((r) => r.state.kind !== 'reading').length : finished;
    confirm.hidden = phase !== 'preview';
    confirm.disabled = toSend === 0 || Boolean(banner.textContent);
    confirm.textContent = `Register ${toSend} invoice${toSend === 1 ? '' : 's'} with the IRP`;
    stop.hidden = phase !== 'running' && phase !== 'stopping';
    stop.disabled = phase === 'stopping';
    resume.hidden = !(phase === 'stopped' || (phase === 'finished' && toSend > 0));
    doc.title = `IRN Bridge · ${said.textContent}`;
  };
  const onChange = (row: Row) => {
    const i = rows.indexOf(row);
    const next = rowView(doc, erp, row, job.origin, i, formUrl(row.ref));
    lines[i].replaceWith(next);
    lines[i] = next;
    redrawHeader();
  };

  // The companion must be up and paired before anything is promised; the preview's check needs it not.
  const statusBySeller = new Map<string, Promise<CompanionStatus>>();
  const statusFor = (seller: string | null) => {
    const key = seller ?? '';
    if (!statusBySeller.has(key)) statusBySeller.set(key, send('status', { sellerGstin: seller ?? undefined }));
    return statusBySeller.get(key)!;
  };
  /** Nothing is promised while the companion is down or unpaired: the banner says what to do, Check again clears it. */
  const checkCompanion = async (): Promise<void> => {
    statusBySeller.clear();
    const st = await statusFor(null).catch((err) => ({ error: toUiError(err) }) as Partial<CompanionStatus>);
    const e = st.error ?? (st.running && !st.paired ? { code: 'NOT_PAIRED', message: 'This browser is not paired with the IRN Bridge companion yet.' } as const : null);
    if (!e) {
      banner.replaceChildren();
    } else {
      const again = h(doc, 'button', { type: 'button', testid: 'bulk-check-again' }, 'Check again');
      onTrustedClick(again, () => void checkCompanion());
      banner.replaceChildren(h(doc, 'div', { class: 'banner err' }, describeError(e), 'hint' in e && e.hint ? h(doc, 'div', { class: 'hint' }, e.hint) : '', again));
    }
    redrawHeader();
  };
  await checkCompanion();

  const deps: BatchDeps = {
    module: erp,
    notFinal: pageUiFor(erp.id).notFinal,
    read: async (ref) => {
      const hello = await ask({ type: 'pageio.hello' });
      if (hello.origin !== job.origin) throw tabGone();
      return ask({ type: 'pageio.read', ref });
    },
    validate: async (invoice) => {
      const st = await statusFor(sellerGstinOf(invoice)).catch(() => null);
      return send('invoice.validate', { invoice, allowSandboxGstins: allowsSandboxGstins(st?.activeProfile) });
    },
    generate: (invoice, ref) => send('einvoices.generate', { invoice, source: { erp: erp.id, url: formUrl(ref), ref: ref.name } }),
    record: async (ref, event) => {
      const outcome = await ask({ type: 'pageio.record', ref, event });
      return outcome;
    },
    onChange,
  };

  redrawHeader();
  // Read four at a time: the ERP serves the clerk's other tabs too.
  const toRead = [...rows];
  await Promise.all(Array.from({ length: Math.min(4, toRead.length) }, async () => {
    for (let r = toRead.shift(); r; r = toRead.shift()) await prepare(r, deps);
  }));
  phase = 'preview';
  redrawHeader();

  const batch = new BatchRun(rows, deps, 2);
  const run = async () => {
    phase = 'running';
    redrawHeader();
    await batch.run();
    phase = sendable(rows).some((r) => r.state.kind === 'ready') ? 'stopped' : 'finished';
    // The list's tab shows what was recorded without the clerk reloading it (its own list reload).
    if (rows.some((r) => r.state.kind === 'done')) void send('page.refreshList', { erp: erp.id, tabId: job.tabId }).catch(() => undefined);
    redrawHeader();
    resume.focus();
  };
  onTrustedClick(confirm, () => void run());
  onTrustedClick(resume, () => void run());
  const stopNow = () => {
    if (!batch.running) return;
    batch.stop();
    phase = 'stopping';
    redrawHeader();
  };
  onTrustedClick(stop, stopNow);
  doc.addEventListener('keydown', (e) => { if (e.key === 'Escape' && e.isTrusted) stopNow(); });
  // Closing the page mid-batch loses only the view (the ledger keeps every result), but the write-backs still to come would wait for the next opening.
  window.addEventListener('beforeunload', (e) => { if (batch.running) e.preventDefault(); });
}
