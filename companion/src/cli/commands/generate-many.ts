/**
 * `generate` with several files, a directory or a JSON array: the API's BatchRunner (the same
 * exactly-once ledger path, a bounded number at a time), a progress line per invoice on stderr, then
 * a summary. A file that cannot give an invoice is a failed item; it never stops the others.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiError, EInvoiceResult } from '@irn-bridge/shared/api/contract';
import { normalizeInvoiceKeys } from '../../domain';
import { withServices } from '../runtime';
import { printJson, progressLine, type Io } from '../io';
import { readJsonFile } from '../json-file';

type ErrorBody = ApiError['error'];

/** One invoice to generate, or a file that could not give one (`problem`). */
export interface Source {
  file: string;
  /** Position in the file's array (0 for a file holding one invoice). */
  index: number;
  inArray: boolean;
  invoice?: unknown;
  problem?: ErrorBody;
}

/** What `generate --json` prints for each invoice, in input order. */
export type ItemResult =
  | { file: string; index: number; ok: true; result: EInvoiceResult }
  | { file: string; index: number; ok: false; error: ErrorBody };

/** A bare INV-01 invoice or a GenerateRequest-shaped {"invoice": …}, with the keys normalised. */
export function invoiceOf(raw: unknown): unknown {
  return normalizeInvoiceKeys(raw && typeof raw === 'object' && 'invoice' in raw ? (raw as { invoice: unknown }).invoice : raw);
}

const INVOICE_PARTS = ['DocDtls', 'SellerDtls', 'BuyerDtls', 'ItemList'];

function looksLikeInvoice(invoice: unknown): boolean {
  return !!invoice && typeof invoice === 'object' && !Array.isArray(invoice) && INVOICE_PARTS.some((k) => k in invoice);
}

const problem = (message: string): ErrorBody => ({ code: 'BAD_REQUEST', message });

function fileFailure(path: string, e: unknown): ErrorBody {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return problem(`${path}: no such file or directory`);
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return problem(`${path} cannot be read (permission denied)`);
  if (err?.code === 'EISDIR') return problem(`${path} is a directory inside a directory (only *.json files directly in it are read)`);
  return problem(`${path} cannot be read: ${err?.message ?? String(e)}`);
}

/** Reads one file: one invoice, or an array of them; anything else is a problem naming the file. */
export function sourcesOfFile(path: string): Source[] {
  let read;
  try {
    read = readJsonFile(path);
  } catch (e) {
    return [{ file: path, index: 0, inArray: false, problem: fileFailure(path, e) }];
  }
  if (!read.ok) return [{ file: path, index: 0, inArray: false, problem: problem(`${path} is ${read.message}`) }];
  const notInvoice = (where: string) => problem(`${where} is not an INV-01 invoice (no DocDtls, SellerDtls, BuyerDtls or ItemList).`);
  if (Array.isArray(read.value)) {
    if (read.value.length === 0) return [{ file: path, index: 0, inArray: true, problem: problem(`${path} holds an empty array: no invoices.`) }];
    return read.value.map((raw, index) => {
      const invoice = invoiceOf(raw);
      return looksLikeInvoice(invoice)
        ? { file: path, index, inArray: true, invoice }
        : { file: path, index, inArray: true, problem: notInvoice(`${path}[${index}]`) };
    });
  }
  const invoice = invoiceOf(read.value);
  return [looksLikeInvoice(invoice)
    ? { file: path, index: 0, inArray: false, invoice }
    : { file: path, index: 0, inArray: false, problem: notInvoice(path) }];
}

/** Every path in order; a directory gives each *.json directly in it, in name order. */
export function collectSources(paths: string[]): Source[] {
  const out: Source[] = [];
  for (const path of paths) {
    let dir = false;
    try {
      dir = statSync(path).isDirectory();
    } catch (e) {
      out.push({ file: path, index: 0, inArray: false, problem: fileFailure(path, e) });
      continue;
    }
    if (!dir) {
      out.push(...sourcesOfFile(path));
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(path, { withFileTypes: true })
        .filter((d) => (d.isFile() || d.isSymbolicLink()) && d.name.toLowerCase().endsWith('.json'))
        .map((d) => d.name)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    } catch (e) {
      out.push({ file: path, index: 0, inArray: false, problem: fileFailure(path, e) });
      continue;
    }
    if (names.length === 0) out.push({ file: path, index: 0, inArray: false, problem: problem(`${path} holds no *.json files.`) });
    for (const name of names) out.push(...sourcesOfFile(join(path, name)));
  }
  return out;
}

function docLabel(invoice: unknown): string | null {
  const doc = (invoice as { DocDtls?: { Typ?: unknown; No?: unknown } } | undefined)?.DocDtls;
  if (!doc || (typeof doc.No !== 'string' && typeof doc.No !== 'number')) return null;
  return `${typeof doc.Typ === 'string' ? doc.Typ.toUpperCase() : '?'} ${String(doc.No).trim()}`;
}

/** The failure in a clerk's words, on one line: the first problem found, and the IRP's code when there is one. */
export function clerkMessage(error: ErrorBody): string {
  const blocking = (error.issues ?? []).filter((i) => i.severity === 'error');
  if (blocking.length) {
    const first = blocking[0];
    const code = /^\d{4}$/.test(first.code) ? ` (IRP ${first.code})` : '';
    const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more problem${blocking.length > 2 ? 's' : ''})` : '';
    return `${first.message}${code}${more}`;
  }
  const codes = error.irp?.codes.length ? ` (IRP ${error.irp.codes.join(', ')})` : '';
  return `${error.message}${codes}`;
}

function describeFailure(s: Source, error: ErrorBody): string {
  if (s.problem) return clerkMessage(error); // names the file already
  const where = s.inArray ? `${s.file}[${s.index}]` : s.file;
  const doc = docLabel(s.invoice);
  return `${doc ? `${doc} (${where})` : where}: ${clerkMessage(error)}`;
}

function describe(s: Source, item: ItemResult): string {
  if (!item.ok) return `failed ${describeFailure(s, item.error)}`;
  const r = item.result;
  const how = r.fromLedger ? ' (from the ledger)' : r.recovered ? ' (recovered)' : '';
  return `ok ${r.document.docType} ${r.document.docNo} → ${r.irn.slice(0, 8)}…${how}`;
}

export interface Tally { total: number; generated: number; fromLedger: number; recovered: number; failed: number }

export function tally(results: ItemResult[]): Tally {
  const t: Tally = { total: results.length, generated: 0, fromLedger: 0, recovered: 0, failed: 0 };
  for (const r of results) {
    if (!r.ok) t.failed++;
    else if (r.result.fromLedger) t.fromLedger++;
    else if (r.result.recovered) t.recovered++;
    else t.generated++;
  }
  return t;
}

/** Generates every source through the batch runner; exit code 0 only if none failed. */
export async function generateMany(io: Io, sources: Source[], opts: { profile?: string; json: boolean; concurrency: number }): Promise<number> {
  return withServices(io, async (ctx) => {
    if (opts.profile) ctx.profiles.resolve({ profile: opts.profile }); // an unknown profile refuses the whole run up front
    const results: ItemResult[] = new Array(sources.length);
    const progress = progressLine(io);
    const width = String(sources.length).length;
    let done = 0;
    const finish = (k: number, item: ItemResult) => {
      results[k] = item;
      done++;
      progress.show(`[${String(done).padStart(width)}/${sources.length}] ${describe(sources[k], item)}`);
    };
    sources.forEach((s, k) => {
      if (s.problem) finish(k, { file: s.file, index: s.index, ok: false, error: s.problem });
    });
    const runnable = sources.flatMap((s, k) => (s.problem ? [] : [k]));
    const batch = ctx.batches.start(runnable.map((k) => sources[k].invoice), opts.concurrency, opts.profile, (item) => {
      const k = runnable[item.index];
      const { file, index } = sources[k];
      finish(k, item.ok ? { file, index, ok: true, result: item.result } : { file, index, ok: false, error: item.error });
    });
    await batch.done;
    progress.end();

    const t = tally(results);
    const summary = `${t.total} invoice${t.total === 1 ? '' : 's'}: ${t.generated} generated, ${t.fromLedger} already in the ledger, ${t.recovered} recovered, ${t.failed} failed`;
    if (opts.json) {
      io.err(summary);
      printJson(io, results);
    } else {
      io.out(summary);
      if (t.failed) io.out('Failed:');
      results.forEach((r, k) => {
        if (r.ok) return;
        io.out(`  ${describeFailure(sources[k], r.error)}`);
        const hint = r.error.hint ?? r.error.issues?.find((i) => i.severity === 'error')?.hint;
        if (hint) io.out(`    hint: ${hint}`);
      });
    }
    return t.failed ? 1 : 0;
  });
}
