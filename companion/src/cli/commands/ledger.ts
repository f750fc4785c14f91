import { writeFileSync } from 'node:fs';
import type { LedgerState } from '@irn-bridge/shared/api/contract';
import { toLedgerEntry } from '../../ledger/store';
import { withStorage } from '../runtime';
import { parse, printJson, UsageError, type Io } from '../io';
import { ledgerRecover } from './ledger-recover';

export const ledgerUsage = `Usage:
  irn-bridge ledger list [--state S] [--from dd/mm/yyyy] [--to dd/mm/yyyy] [--q TEXT] [--limit N] [--json]
  irn-bridge ledger export --csv FILE [--state S] [--from …] [--to …]
  irn-bridge ledger recover --from-backup | --from-irp FILES… [--doc TYPE,NO,DATE] [--from …] [--to …]   (--help for more)`;

const CSV_COLUMNS = ['id', 'state', 'seller_gstin', 'fy', 'doc_type', 'doc_no', 'doc_date', 'buyer_gstin', 'total_value',
  'irn', 'ack_no', 'ack_dt', 'ewb_no', 'cancel_date', 'recovered', 'profile', 'created_at', 'updated_at'] as const;

function csvCell(v: unknown): string {
  const s = v == null ? '' : String(v);
  // Quote always; neutralise spreadsheet formulas (a document number could start with "=").
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export async function ledger(args: string[], io: Io): Promise<number> {
  // recover runs on a ledger that cannot be opened: it must not open it first.
  if (args[0] === 'recover') return ledgerRecover(args.slice(1), io);
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' }, csv: { type: 'string' }, state: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    q: { type: 'string' }, limit: { type: 'string' },
  }, ledgerUsage);
  if (values.help) return io.out(ledgerUsage), 0;
  return withStorage(io, async ({ ledger: store }) => {
    const filter = {
      state: values.state as LedgerState | undefined, from: values.from as string | undefined, to: values.to as string | undefined,
      q: values.q as string | undefined,
    };
    const sub = positionals[0];
    if (sub === 'list') {
      const page = await store.list({ ...filter, limit: values.limit ? Number(values.limit) : 50 });
      if (values.json) return printJson(io, { entries: page.rows.map(toLedgerEntry), total: page.total, limit: page.limit, offset: page.offset }), 0;
      if (!page.rows.length) return io.out('The ledger is empty.'), 0;
      for (const r of page.rows) {
        io.out(`${String(r.id).padStart(5)}  ${r.state.padEnd(9)}  ${r.doc_type} ${r.doc_no.padEnd(16)} ${r.doc_date}  ${r.irn ?? '-'}${r.recovered ? '  (recovered)' : ''}  [${r.profile}]`);
      }
      io.out(`${page.rows.length} of ${page.total} shown`);
      return 0;
    }
    if (sub === 'export') {
      if (!values.csv) throw new UsageError('--csv FILE is required', ledgerUsage);
      const rows = (await store.list({ ...filter, limit: Number.MAX_SAFE_INTEGER, unbounded: true })).rows.reverse();
      const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))];
      writeFileSync(values.csv as string, lines.join('\r\n') + '\r\n', { mode: 0o600 });
      io.out(`Wrote ${rows.length} rows to ${values.csv}.`);
      return 0;
    }
    throw new UsageError(sub ? `unknown ledger command "${sub}"` : 'missing ledger command', ledgerUsage);
  });
}
