/** gstin, generate, get, cancel, irp get|post: the same services the API uses, run in this process. */
import { statSync } from 'node:fs';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import { IRN_PATTERN, isCancelReason } from '../../domain';
import { DEFAULT_BATCH_CONCURRENCY, MAX_BATCH_CONCURRENCY } from '../../ledger/batch';
import { irpCallFailure } from '../../ledger/irp-failures';
import { profileForIrn } from '../../ledger/documents';
import { lookupGstin } from '../../ledger/gstin';
import { checkInvoice } from '../../ledger/invoice-check';
import { checkRawIrpCall } from '../../irp/raw-paths';
import { withServices } from '../runtime';
import { parse, printJson, UsageError, type Io } from '../io';
import { readJsonFile as readJson } from '../json-file';
import { collectSources, generateMany, invoiceOf } from './generate-many';

export const irpOpsUsage = `Usage:
  irn-bridge gstin GSTIN [--profile NAME] [--json]
  irn-bridge generate FILE|DIR … [--concurrency N] [--profile NAME] [--json]
      FILE holds an INV-01 invoice or a JSON array of them; DIR stands for every *.json in it (name order).
      A single file with one invoice prints its IRN (--json: the result). Several files, a directory or
      an array: a progress line per invoice on stderr, then a summary (generated, already in the ledger,
      recovered, failed); exit status 1 if any failed, and a file that is not an invoice is one of them.
      --json prints one array of {file, index, ok, result | error} (index: position in the file's array).
      --concurrency: invoices sent to the IRP at a time (default ${DEFAULT_BATCH_CONCURRENCY}, at most ${MAX_BATCH_CONCURRENCY}).
  irn-bridge get IRN [--profile NAME] [--json]
  irn-bridge get --doc-type INV --doc-no N --doc-date dd/mm/yyyy [--profile NAME] [--json]
  irn-bridge cancel IRN --reason 1|2|3|4 --remark TEXT [--profile NAME] [--json]
  irn-bridge irp get PATH [--profile NAME]      read-only IRP calls (GSTIN, IRN and e-way bill lookups)
  irn-bridge irp post PATH FILE.json [--profile NAME]`;

const common = { profile: { type: 'string' }, json: { type: 'boolean' } } as const;

function readJsonFile(path: string): unknown {
  const read = readJson(path);
  if (!read.ok) throw new UsageError(`${path} is ${read.message}`);
  return read.value;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // reading it says what is wrong
  }
}

function concurrencyOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BATCH_CONCURRENCY;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_BATCH_CONCURRENCY) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_BATCH_CONCURRENCY}`, irpOpsUsage);
  }
  return n;
}

function printResult(io: Io, r: EInvoiceResult, json: boolean): void {
  if (json) return printJson(io, r);
  const demo = r.profile.demo ? '  [DEMO — offline IRP]' : '';
  io.out(`IRN      ${r.irn}${demo}`);
  io.out(`Ack No   ${r.ackNo}`);
  io.out(`Ack Date ${r.ackDt}`);
  io.out(`Status   ${r.status}${r.cancelDate ? ` (cancelled ${r.cancelDate})` : ''}`);
  io.out(`Document ${r.document.docType} ${r.document.docNo} of ${r.document.docDate}, seller ${r.document.sellerGstin}`);
  if (r.ewbNo) io.out(`EWB No   ${r.ewbNo} (valid till ${r.ewbValidTill ?? '-'})`);
  if (r.recovered) io.out('(recovered: the IRP already had this invoice; nothing was registered twice)');
  if (r.fromLedger) io.out('(from the ledger: no IRP call was made)');
}

export async function gstin(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, common, irpOpsUsage);
  if (values.help) return io.out(irpOpsUsage), 0;
  const g = positionals[0]?.trim();
  if (!g) throw new UsageError('which GSTIN?', irpOpsUsage);
  return withServices(io, async (ctx) => {
    const profile = ctx.profiles.resolve({ profile: values.profile as string | undefined });
    const details = await lookupGstin({ ledger: ctx.ledger, sessionFor: (p) => ctx.sessions.sessionFor(p) }, profile, g);
    if (values.json) printJson(io, details);
    else {
      io.out(`${details.gstin}  ${details.legalName ?? ''}${details.tradeName && details.tradeName !== details.legalName ? ` (${details.tradeName})` : ''}${profile.demo ? '  [DEMO]' : ''}`);
      io.out(`Status ${details.status ?? '-'}${details.blockStatus === 'B' ? ', e-way bills BLOCKED' : ''}; ${details.stateName ?? ''} (${details.stateCode ?? '-'})`);
      if (details.address) io.out(details.address);
    }
    return 0;
  });
}

export async function generate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ...common, concurrency: { type: 'string' } }, irpOpsUsage);
  if (values.help) return io.out(irpOpsUsage), 0;
  if (!positionals[0]) throw new UsageError('which invoice file?', irpOpsUsage);
  const concurrency = concurrencyOf(values.concurrency as string | undefined);
  const profileName = values.profile as string | undefined;
  if (positionals.length === 1 && !isDirectory(positionals[0])) {
    const raw = readJsonFile(positionals[0]);
    if (!Array.isArray(raw)) {
      // One invoice: a bare INV-01 invoice or a GenerateRequest-shaped {"invoice": …}.
      const invoice = invoiceOf(raw);
      return withServices(io, async (ctx) => {
        const { profile, checked } = checkInvoice(invoice, (wish) => ctx.profiles.resolve(wish), profileName, ctx.now());
        printResult(io, await ctx.generation.generate(profile, checked), !!values.json);
        return 0;
      });
    }
  }
  return generateMany(io, collectSources(positionals), { profile: profileName, json: !!values.json, concurrency });
}

export async function get(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ...common, 'doc-type': { type: 'string' }, 'doc-no': { type: 'string' }, 'doc-date': { type: 'string' } }, irpOpsUsage);
  if (values.help) return io.out(irpOpsUsage), 0;
  const irn = positionals[0];
  const byDoc = values['doc-type'] || values['doc-no'] || values['doc-date'];
  if (!irn && !byDoc) throw new UsageError('give an IRN, or --doc-type, --doc-no and --doc-date', irpOpsUsage);
  if (byDoc && !(values['doc-type'] && values['doc-no'] && values['doc-date'])) throw new UsageError('--doc-type, --doc-no and --doc-date go together', irpOpsUsage);
  return withServices(io, async (ctx) => {
    let result: EInvoiceResult;
    if (irn) {
      if (!IRN_PATTERN.test(irn)) throw new UsageError('an IRN is 64 hexadecimal characters');
      const profile = await profileForIrn(ctx, irn.toLowerCase(), values.profile as string | undefined);
      result = await ctx.documents.byIrn(profile, irn.toLowerCase());
    } else {
      const profile = ctx.profiles.resolve({ profile: values.profile as string | undefined });
      result = await ctx.documents.byDocument(profile, { docType: values['doc-type'] as string, docNo: values['doc-no'] as string, docDate: values['doc-date'] as string });
    }
    printResult(io, result, !!values.json);
    return 0;
  });
}

export async function cancel(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ...common, reason: { type: 'string' }, remark: { type: 'string' } }, irpOpsUsage);
  if (values.help) return io.out(irpOpsUsage), 0;
  const irn = positionals[0]?.toLowerCase();
  if (!irn || !IRN_PATTERN.test(irn)) throw new UsageError('give the IRN to cancel (64 hexadecimal characters)', irpOpsUsage);
  const reason = values.reason as string | undefined;
  if (!isCancelReason(reason)) throw new UsageError('--reason must be 1 (duplicate), 2 (data entry mistake), 3 (order cancelled) or 4 (other)', irpOpsUsage);
  const remark = values.remark as string | undefined;
  if (!remark || remark.length > 100) throw new UsageError('--remark is required (up to 100 characters)', irpOpsUsage);
  return withServices(io, async (ctx) => {
    const profile = await profileForIrn(ctx, irn, values.profile as string | undefined);
    const res = await ctx.documents.cancel(profile, irn, { reason, remark });
    if (values.json) printJson(io, res);
    else io.out(`Cancelled ${res.irn} on ${res.cancelDate}.`);
    return 0;
  });
}

export async function irp(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, common, irpOpsUsage);
  if (values.help) return io.out(irpOpsUsage), 0;
  const [method, path, file] = positionals;
  if ((method !== 'get' && method !== 'post') || !path) throw new UsageError('irp get PATH | irp post PATH FILE.json', irpOpsUsage);
  if (!path.startsWith('/')) throw new UsageError('PATH must start with /, e.g. /eivital/v1.04/Master/gstin/29AAACP7879D1Z0');
  if (method === 'post' && !file) throw new UsageError('irp post needs a JSON file for the body', irpOpsUsage);
  const body = method === 'post' ? readJsonFile(file) : undefined;
  return withServices(io, async (ctx) => {
    const profile = ctx.profiles.resolve({ profile: values.profile as string | undefined });
    // The same allow-list as POST /v1/irp/raw: registering and cancelling go through the ledger.
    const call = checkRawIrpCall(method === 'get' ? 'GET' : 'POST', path);
    const session = await ctx.sessions.sessionFor(profile);
    try {
      const res = call.method === 'GET' ? await session.get(call.path) : await session.post(call.path, body);
      printJson(io, { data: res.data, info: res.info });
      return 0;
    } catch (e) {
      throw irpCallFailure(e, 'the request');
    }
  });
}
