/** The bulk page's preview and run without a browser: what is sent, what is not and why, Stop and Resume. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import type { AnyErpModule, ErpDocumentRef, ErpInvoiceSummary } from '@irn-bridge/shared/erps';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import { UiFailure } from '../../lib/ui-error';
import { BatchRun, newRow, prepare, tally, type BatchDeps, type Row, type RowState } from './batch';

type FakeDoc = { erp: 'fake'; no: string; final?: boolean; irn?: string; hsn?: string };

const fakeModule = {
  id: 'fake', label: 'FakeERP', writesBack: true,
  summary: (d: FakeDoc): ErpInvoiceSummary => ({
    ref: { erp: 'fake', name: d.no }, docType: 'INV', docNo: d.no, docDate: '01/04/2026', partyName: 'Buyer', partyGstin: null,
    grandTotal: 100, currency: 'INR', final: d.final !== false, irn: d.irn ?? null,
  }),
  map: (d: FakeDoc) => ({ invoice: { DocDtls: { No: d.no }, ItemList: [{ HsnCd: d.hsn ?? '09103020' }] } as unknown as Inv01Invoice, issues: [] }),
} as unknown as AnyErpModule;

/** A ledger in front of an IRP: a document it registered is answered from the ledger, never registered again. */
function fakeCompanion() {
  const ledger = new Map<string, EInvoiceResult>();
  let registrations = 0;
  const gates: (() => void)[] = [];
  let held = false;
  return {
    ledger,
    get registrations() { return registrations; },
    /** While held, each generate waits until `release()`. */
    hold() { held = true; },
    release() { held = false; gates.splice(0).forEach((g) => g()); },
    async generate(invoice: Inv01Invoice): Promise<EInvoiceResult> {
      if (held) await new Promise<void>((r) => gates.push(r));
      const no = (invoice as unknown as { DocDtls: { No: string } }).DocDtls.No;
      const known = ledger.get(no);
      if (known) return { ...known, fromLedger: true };
      registrations++;
      const r = { irn: `irn-${no}`, ackNo: '1', ackDt: '2026-04-01 10:00:00', status: 'ACT', fromLedger: false } as unknown as EInvoiceResult;
      ledger.set(no, r);
      return r;
    },
  };
}

function depsFor(docs: Record<string, FakeDoc>, companion = fakeCompanion(), recorded: string[] = []): BatchDeps {
  return {
    module: fakeModule,
    notFinal: 'Submit the invoice first.',
    read: async (ref: ErpDocumentRef) => {
      const d = docs[ref.name];
      if (!d) throw new Error(`FakeERP has no ${ref.name}`);
      return d;
    },
    validate: async (invoice): Promise<ValidationIssue[]> => (invoice.ItemList[0].HsnCd === '01019999'
      ? [{ path: 'ItemList[0].HsnCd', code: '2176', message: 'Item 1: HSN 01019999 is not in the IRP master.', severity: 'error' }] : []),
    generate: (invoice) => companion.generate(invoice),
    record: async (ref) => { recorded.push(ref.name); return { ok: true, method: 'fake', message: 'Recorded' }; },
    onChange: () => {},
  };
}

const refs = (...names: string[]) => names.map((name) => newRow({ erp: 'fake', name }));

describe('bulk: the preview', () => {
  test('each invoice is ready, or not sent with the reason: not final, already registered, a validation error, unreadable', async () => {
    const docs: Record<string, FakeDoc> = {
      A: { erp: 'fake', no: 'A' }, B: { erp: 'fake', no: 'B', final: false }, C: { erp: 'fake', no: 'C', irn: 'x'.repeat(64) }, D: { erp: 'fake', no: 'D', hsn: '01019999' },
    };
    const rows = refs('A', 'B', 'C', 'D', 'E');
    const deps = depsFor(docs);
    for (const r of rows) await prepare(r, deps);
    const states = rows.map((r) => (r.state.kind === 'blocked' ? `${r.ref.name}:${r.state.reason}` : `${r.ref.name}:${r.state.kind}`));
    assert.deepEqual(states, [
      'A:ready',
      'B:Submit the invoice first.',
      `C:Already registered: FakeERP holds IRN ${'x'.repeat(64)}.`,
      'D:1 problem to fix in FakeERP; not sent.',
      'E:Could not read it from FakeERP: FakeERP has no E',
    ]);
    const d = rows[3].state;
    assert.ok(d.kind === 'blocked' && d.issues[0].code === '2176', 'the validation issue is kept to show');
    assert.equal(tally(rows).ready, 1);
  });
});

describe('bulk: the run', () => {
  const ready = async (names: string[], companion = fakeCompanion(), recorded: string[] = []) => {
    const docs = Object.fromEntries(names.map((n) => [n, { erp: 'fake', no: n } as FakeDoc]));
    const deps = depsFor(docs, companion, recorded);
    const rows = refs(...names);
    for (const r of rows) await prepare(r, deps);
    return { rows, deps, companion, recorded };
  };
  const kinds = (rows: Row[]) => rows.map((r) => r.state.kind);

  test('one run registers every ready invoice once and records each in the ERP', async () => {
    const { rows, deps, companion, recorded } = await ready(['1', '2', '3', '4', '5']);
    await new BatchRun(rows, deps, 2).run();
    assert.deepEqual(kinds(rows), ['done', 'done', 'done', 'done', 'done']);
    assert.equal(companion.registrations, 5);
    assert.deepEqual([...recorded].sort(), ['1', '2', '3', '4', '5']);
  });

  test('Stop: the invoices at the IRP finish, no new one is sent; Resume sends the rest; nothing twice', async () => {
    const { rows, deps, companion } = await ready(['1', '2', '3', '4', '5', '6']);
    const batch = new BatchRun(rows, deps, 2);
    companion.hold();
    const running = batch.run();
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(kinds(rows), ['sending', 'sending', 'queued', 'queued', 'queued', 'queued']);
    batch.stop();
    assert.equal(batch.stopping, true);
    companion.release();
    await running;
    assert.deepEqual(kinds(rows), ['done', 'done', 'ready', 'ready', 'ready', 'ready']);
    assert.equal(companion.registrations, 2);
    await batch.run();
    assert.deepEqual(kinds(rows), ['done', 'done', 'done', 'done', 'done', 'done']);
    assert.equal(companion.registrations, 6);
  });

  test('an unknown outcome is retried by Resume and answered by the ledger: registered once', async () => {
    const companion = fakeCompanion();
    const { rows, deps } = await ready(['1', '2'], companion);
    // The IRP registered "2" but the answer was lost on the way back.
    let lost = true;
    const generate = deps.generate;
    deps.generate = async (inv, ref) => {
      const r = await generate(inv, ref);
      if (lost && r.irn === 'irn-2') {
        lost = false;
        throw new UiFailure({ code: 'OUTCOME_UNKNOWN', message: 'The IRP did not answer in time.' });
      }
      return r;
    };
    const batch = new BatchRun(rows, deps, 1);
    await batch.run();
    assert.deepEqual(kinds(rows), ['done', 'failed']);
    assert.ok(rows[1].state.kind === 'failed' && rows[1].state.retryable);
    await batch.run();
    assert.deepEqual(kinds(rows), ['done', 'done']);
    const after = rows[1].state as RowState;
    assert.ok(after.kind === 'done' && after.result.fromLedger, 'answered from the ledger');
    assert.equal(companion.registrations, 2);
  });

  test('a refusal that cannot pass is not sent again by Resume', async () => {
    const { rows, deps } = await ready(['1']);
    deps.generate = async () => { throw new UiFailure({ code: 'IRP_REJECTED', message: 'Duplicate IRN (2150).', retryable: false }); };
    const batch = new BatchRun(rows, deps, 1);
    await batch.run();
    let sent = 0;
    deps.generate = async () => { sent++; throw new Error('not to be called'); };
    await batch.run();
    assert.equal(sent, 0);
    assert.deepEqual(kinds(rows), ['failed']);
  });
});
