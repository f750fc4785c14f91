/**
 * Issue 10, "Done when" 2: several companion processes on one ledger behave as one. Three real
 * `irn-bridge start` processes on one database, all calling one offline IRP process; the same 500
 * documents are sent to all three at once; one is killed with SIGKILL part-way, then started again
 * (as the service manager would). Afterwards, from the IRP's own store and the ledger: every
 * document registered exactly once, every ledger row equal to the IRP, and no caller told a wrong IRN.
 * Runs on PostgreSQL (a throw-away database; skipped saying why when no server, failed under CI)
 * and on one SQLite home shared by the processes (the same guarantee between processes on one computer).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startIrpProcess, type IrpProcess } from '../../../bench/irp-process';
import { makeInvoice } from '../support/invoices';
import { clerkKey, irpIssued, ledgerRows, makeFleetHome, startMember, type FleetMember } from './fleet';
import { teamBackend, type TeamBackend } from './backend';
import { STORAGES } from '../support/storage';

const DOCUMENTS = Number(process.env.IRN_BRIDGE_FLEET_DOCS ?? 500);
const PROCESSES = 3;
const PER_PROCESS_CONCURRENCY = 8;

for (const storage of STORAGES) describe(`team mode: three companion processes on one database, one SIGKILLed part-way, ${storage.name}`, { skip: await storage.skip() }, () => {
  let irp: IrpProcess;
  let backend: TeamBackend;
  const homes: { home: string; remove(): void }[] = [];
  const members: FleetMember[] = [];
  before(async () => {
    irp = await startIrpProcess();
    backend = await teamBackend(storage.kind);
  });
  after(async () => {
    for (const m of members) await m.stop().catch(() => undefined);
    await irp?.close();
    await backend?.drop?.();
    for (const h of homes) h.remove();
  });

  test(`${DOCUMENTS} documents to ${PROCESSES} processes at once: one IRN each, the ledger equal to the IRP`, { timeout: 15 * 60_000 }, async (t) => {
    assert.equal(backend.kind, storage.kind, backend.reason);
    // PostgreSQL: a home each (only the database is shared). SQLite: the one home whose file they share.
    for (let i = 0; i < (backend.kind === 'postgres' ? PROCESSES : 1); i++) homes.push(makeFleetHome(irp));
    const homeOf = (i: number) => homes[Math.min(i, homes.length - 1)].home;
    const key = await clerkKey(homeOf(0), backend);
    for (let i = 0; i < PROCESSES; i++) members.push(await startMember(homeOf(i), backend, key));

    const invoices = Array.from({ length: DOCUMENTS }, () => makeInvoice());
    const told = new Map<string, Set<string>>(); // docNo → IRNs callers were given
    const outcomes: Record<string, number> = {};
    const count = (k: string) => { outcomes[k] = (outcomes[k] ?? 0) + 1; };
    const victim = 1 + Math.floor(Math.random() * (PROCESSES - 1));
    const killAfter = Math.floor(DOCUMENTS * (0.2 + Math.random() * 0.4));
    let victimAnswers = 0;
    let killed: Promise<void> | null = null;

    const send = async (m: FleetMember, inv: ReturnType<typeof makeInvoice>) => {
      try {
        const res = await m.call('POST', '/v1/einvoices', { invoice: inv });
        if (res.status === 200) {
          const set = told.get(inv.DocDtls.No.toUpperCase()) ?? new Set<string>();
          set.add(res.body.irn);
          told.set(inv.DocDtls.No.toUpperCase(), set);
          count(res.body.fromLedger ? '200 from the ledger' : res.body.recovered ? '200 recovered from the IRP' : '200 registered');
        } else count(`${res.status} ${res.body?.code ?? ''}`.trim());
      } catch {
        count('no answer (connection lost or timed out)');
      }
    };
    const drive = async (index: number) => {
      const m = members[index];
      let next = 0;
      const worker = async () => {
        while (next < invoices.length && m.alive()) {
          const inv = invoices[next++];
          await send(m, inv);
          if (index === victim && ++victimAnswers === killAfter && !killed) killed = m.kill('SIGKILL');
        }
      };
      await Promise.all(Array.from({ length: PER_PROCESS_CONCURRENCY }, worker));
    };
    const began = performance.now();
    await Promise.all(members.map((_, i) => drive(i)));
    await killed;
    const sendMs = performance.now() - began;
    assert.ok(killed, 'the victim was killed part-way');

    // The service manager starts the killed one again; its start-up reconciliation settles what it held.
    members[victim] = await startMember(homeOf(victim), backend, key);
    // A clerk whose request got no answer presses Generate again: each document once more, to a survivor.
    const survivor = members[(victim + 1) % PROCESSES];
    for (const inv of invoices) if (!told.has(inv.DocDtls.No.toUpperCase())) await send(survivor, inv);

    const issued = irpIssued(irp);
    const counters = await irp.counters();
    const rows = await ledgerRows(survivor);
    const wrongIrns = invoices.filter((inv) => {
      const got = told.get(inv.DocDtls.No.toUpperCase());
      return got && [...got].some((irn) => irn !== issued.get(inv.DocDtls.No.toUpperCase()));
    });
    const byDoc = new Map(rows.map((r) => [r.docNo, r]));
    const rowsUnequal = invoices.filter((inv) => {
      const r = byDoc.get(inv.DocDtls.No.toUpperCase());
      return !r || r.state !== 'generated' || r.irn !== issued.get(inv.DocDtls.No.toUpperCase());
    });
    const report = {
      storage: backend.kind, processes: PROCESSES, documents: DOCUMENTS, killedProcess: victim, killedAfterAnswers: killAfter,
      sendSeconds: Math.round(sendMs / 100) / 10,
      irpRegistrations: counters.registrations, irpDistinctDocuments: issued.size,
      ledgerRows: rows.length, ledgerRowsEqualToIrp: DOCUMENTS - rowsUnequal.length,
      callersGivenAnIrn: told.size, callersToldAWrongIrn: wrongIrns.length, outcomes,
    };
    t.diagnostic(JSON.stringify(report));
    console.log(`multi-process (${backend.kind}): ${JSON.stringify(report)}`);

    assert.equal(counters.registrations, DOCUMENTS, 'the IRP registered each document exactly once (a second send would be a 2150, not a registration)');
    assert.equal(issued.size, DOCUMENTS, 'the IRP holds one IRN for every document');
    assert.deepEqual(wrongIrns.map((i) => i.DocDtls.No), [], 'no caller was told an IRN other than the IRP\'s');
    assert.equal(rows.length, DOCUMENTS, 'one ledger row per document');
    assert.deepEqual(rowsUnequal.map((i) => i.DocDtls.No), [], 'every ledger row is generated with the IRP\'s IRN');
    assert.equal(told.size, DOCUMENTS, 'every document was answered with its IRN in the end');
  });
});
