/**
 * `irn-bridge ledger recover`: the way back from a deleted, cut or damaged ledger (issue 10,
 * defect 6). --from-backup restores the newest automatic backup (<home>/backups); --from-irp asks
 * the IRP about each document given (invoice files or directories as for `generate`, --doc, --docs
 * CSV, filtered by --from/--to) and stores what it holds. Nothing is ever sent to be registered.
 */
import { readFileSync } from 'node:fs';
import { listBackups } from '../../ledger/backup';
import { ledgerProblem, allowNewLedger, moveAside, recoverFromIrp, restoreBackup, type DocRef, type RecoverItem } from '../../ledger/recover';
import { openDatabase } from '../../ledger/db';
import { LedgerStore } from '../../ledger/store';
import { databaseFrom } from '../../storage/open';
import { collectSources } from './generate-many';
import { homeOf, withServices } from '../runtime';
import { parse, printJson, progressLine, UsageError, type Io } from '../io';
import { EXIT_REFUSED, EXIT_TRY_AGAIN } from '../exit-codes';

export const recoverUsage = `Usage:
  irn-bridge ledger recover --from-backup [--backup FILE]
  irn-bridge ledger recover --from-irp [FILES|DIRS…] [--doc TYPE,NO,dd/mm/yyyy …] [--docs FILE.csv]
                            [--from dd/mm/yyyy] [--to dd/mm/yyyy] [--profile NAME] [--json]

Stop the companion first. --from-backup puts the newest backup of the ledger in place (the old file is
kept beside it as irn-bridge.db.unusable-…). --from-irp asks the IRP, by document type, number and date,
about each document given (invoice JSON files or directories as for "generate", --doc, or a CSV of
TYPE,NO,DATE lines) and records each one it holds; with --from/--to only documents dated in that range.`;

const isoDay = (d: string) => d.replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, '$3-$2-$1');

function docsOf(values: Record<string, unknown>, files: string[]): { docs: DocRef[]; problems: string[] } {
  const docs: DocRef[] = [];
  const problems: string[] = [];
  const fromLine = (line: string, where: string) => {
    const [docType, docNo, docDate] = line.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (!docType || !docNo || !/^\d{2}\/\d{2}\/\d{4}$/.test(docDate ?? '')) problems.push(`${where}: "${line}" is not TYPE,NO,dd/mm/yyyy`);
    else docs.push({ docType, docNo, docDate });
  };
  for (const d of (values.doc as string[] | undefined) ?? []) fromLine(d, '--doc');
  if (values.docs) {
    readFileSync(values.docs as string, 'utf8').split(/\r?\n/).forEach((line, i) => {
      if (line.trim() && !/^\s*"?(type|doc_?type)"?\s*,/i.test(line)) fromLine(line, `${values.docs}:${i + 1}`);
    });
  }
  for (const s of collectSources(files)) {
    const dd = (s.invoice as { DocDtls?: { Typ?: string; No?: string; Dt?: string } } | undefined)?.DocDtls;
    if (s.problem || !dd?.No || !dd.Dt) problems.push(s.problem?.message ?? `${s.file}: no DocDtls`);
    else docs.push({ docType: dd.Typ ?? 'INV', docNo: String(dd.No), docDate: dd.Dt });
  }
  const from = values.from ? isoDay(values.from as string) : null;
  const to = values.to ? isoDay(values.to as string) : null;
  return { docs: docs.filter((d) => (!from || isoDay(d.docDate) >= from) && (!to || isoDay(d.docDate) <= to)), problems };
}

const WORDS: Record<RecoverItem['outcome'], string> = {
  recovered: 'recovered from the IRP', 'in-ledger': 'already in the ledger', 'not-at-irp': 'not registered at the IRP',
  unanswered: 'the IRP did not answer (try again)', invalid: 'not a valid document',
};

export async function ledgerRecover(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    'from-backup': { type: 'boolean' }, backup: { type: 'string' }, 'from-irp': { type: 'boolean' },
    doc: { type: 'string', multiple: true }, docs: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    profile: { type: 'string' }, json: { type: 'boolean' },
  }, recoverUsage);
  if (values.help) return io.out(recoverUsage), 0;
  const home = homeOf(io);
  if (!values['from-backup'] && !values['from-irp']) throw new UsageError('say --from-backup or --from-irp (or both)', recoverUsage);

  const shared = databaseFrom(undefined, io.env);
  if (values['from-backup'] && shared) {
    // The home's backups are of its SQLite file; a PostgreSQL ledger is backed up and restored by its administrator.
    io.err('The ledger is on PostgreSQL (IRN_BRIDGE_DATABASE): restore it with the database\'s own tools (pg_dump / pg_restore), then use --from-irp for what came after.');
    return EXIT_REFUSED;
  }
  if (values['from-backup']) {
    if (!values.backup && !listBackups(home).length) {
      io.err(`There is no backup in ${home}/backups. Use --from-irp with the documents from the ERP.`);
      return EXIT_REFUSED;
    }
    const { backup, aside } = restoreBackup(home, values.backup as string | undefined);
    const db = openDatabase(home);
    try {
      const counts = new LedgerStore(db).countByState();
      io.out(`Restored the ledger from ${backup}.`);
      if (aside) io.out(`The previous file was kept as ${aside}.`);
      io.out(`It holds: ${Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(', ') || 'no documents'}.`);
      io.out('Documents registered after that backup are not in it: run "irn-bridge ledger recover --from-irp" with their invoices.');
    } finally {
      db.close();
    }
  }
  if (!values['from-irp']) return 0;

  const { docs, problems } = docsOf(values, positionals);
  for (const p of problems) io.err(`skipped ${p}`);
  if (!docs.length) throw new UsageError('no documents to ask the IRP about', recoverUsage);
  const problem = shared ? null : ledgerProblem(home);
  if (problem) {
    // No backup to restore: start a new ledger and fill it from the IRP; the unusable file is kept.
    const aside = moveAside(home);
    allowNewLedger(home);
    io.err(`${problem}\nStarting a new ledger${aside ? `; the old file was kept as ${aside}` : ''}. Pair the extension again afterwards (irn-bridge pair).`);
  }
  const progress = progressLine(io);
  const items = await withServices(io, async (ctx) => {
    const profile = ctx.profiles.resolve(values.profile ? { profile: values.profile as string } : {});
    const session = await ctx.sessions.sessionFor(profile);
    return recoverFromIrp(ctx.ledger, session, profile, docs, (item, done) =>
      progress.show(`[${done}/${docs.length}] ${item.doc.docType} ${item.doc.docNo} ${item.doc.docDate}: ${WORDS[item.outcome]}${item.irn ? ` ${item.irn}` : ''}`));
  });
  progress.end();
  const count = (o: RecoverItem['outcome']) => items.filter((i) => i.outcome === o).length;
  const summary = { recovered: count('recovered'), inLedger: count('in-ledger'), notAtIrp: count('not-at-irp'), unanswered: count('unanswered'), invalid: count('invalid') };
  if (values.json) printJson(io, { summary, items });
  else {
    io.out(`Asked the IRP about ${items.length} document${items.length === 1 ? '' : 's'}: ${summary.recovered} recovered, ` +
      `${summary.inLedger} already in the ledger, ${summary.notAtIrp} not registered at the IRP, ${summary.unanswered} unanswered, ${summary.invalid} invalid.`);
    for (const i of items.filter((x) => x.outcome === 'unanswered' || x.outcome === 'invalid')) io.out(`  ${i.doc.docType} ${i.doc.docNo} ${i.doc.docDate}: ${WORDS[i.outcome]}`);
  }
  return summary.unanswered ? EXIT_TRY_AGAIN : summary.invalid ? EXIT_REFUSED : 0;
}
