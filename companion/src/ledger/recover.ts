/**
 * The way back from a lost ledger (issue 10, defect 6): restore the newest backup, and rebuild
 * rows for documents the IRP holds by asking it by document details (the IRP has no "list my IRNs":
 * the documents come from the ERP, as invoice files or type/number/date). SQL stays in store.ts.
 */
import { copyFileSync, chmodSync, existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { DocumentKey } from '@irn-bridge/shared/api/contract';
import { financialYear } from '../domain';
import { isIrpError } from '../irp';
import type { IrpPort } from '../profiles/sessions';
import type { ProfileConfig } from '../profiles/types';
import { listBackups } from './backup';
import { databasePath } from './db';
import { checkLedgerFile, markerPath } from './file-check';
import { qrFieldsOf } from './result';
import type { LedgerStorage } from '../storage/types';

export interface DocRef { docType: string; docNo: string; docDate: string }

export type RecoverOutcome = 'recovered' | 'in-ledger' | 'not-at-irp' | 'unanswered' | 'invalid';
export interface RecoverItem { doc: DocRef; outcome: RecoverOutcome; irn?: string; message?: string }

/** Moves an unusable ledger (and its -wal/-shm) aside, keeping it for inspection; returns where it went. */
export function moveAside(home: string, now = new Date()): string | null {
  const path = databasePath(home);
  if (!existsSync(path)) return null;
  const aside = `${path}.unusable-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  return aside;
}

/** Whether the ledger file can be opened as it is (else the reason, as the companion would refuse it). */
export function ledgerProblem(home: string): string | null {
  try { checkLedgerFile(databasePath(home)); return null; } catch (e) { return (e as Error).message; }
}

/** Puts a backup (the newest, or `file`) in place of the ledger after checking it. Returns the backup used and where the old file went. */
export function restoreBackup(home: string, file?: string): { backup: string; aside: string | null } {
  const backup = file ?? listBackups(home)[0]?.path;
  if (!backup) throw new Error(`There is no backup in ${home}/backups.`);
  checkLedgerFile(backup);
  const probe = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const verdict = (probe.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (verdict.length) throw new Error(`The backup ${backup} is damaged too (PRAGMA quick_check: ${verdict[0]}).`);
  } finally {
    probe.close();
  }
  const aside = moveAside(home);
  const path = databasePath(home);
  copyFileSync(backup, path);
  chmodSync(path, 0o600);
  return { backup, aside };
}

/** Forgets that a ledger existed (after moving it aside), so a new empty one may be made. */
export function allowNewLedger(home: string): void {
  const marker = markerPath(databasePath(home));
  if (existsSync(marker)) renameSync(marker, `${marker}.old`);
}

/** Asks the IRP about each document and stores what it holds; never sends anything to be registered. */
export async function recoverFromIrp(ledger: LedgerStorage, session: IrpPort, profile: ProfileConfig, docs: DocRef[],
  onItem?: (item: RecoverItem, done: number) => void): Promise<RecoverItem[]> {
  const out: RecoverItem[] = [];
  for (const doc of docs) {
    const item = await recoverOne(ledger, session, profile, doc);
    out.push(item);
    onItem?.(item, out.length);
  }
  return out;
}

async function recoverOne(ledger: LedgerStorage, session: IrpPort, profile: ProfileConfig, doc: DocRef): Promise<RecoverItem> {
  let key: DocumentKey;
  try {
    key = { sellerGstin: profile.gstin, fy: financialYear(doc.docDate), docType: doc.docType.toUpperCase() as DocumentKey['docType'],
      docNo: doc.docNo.trim().toUpperCase(), docDate: doc.docDate };
  } catch {
    return { doc, outcome: 'invalid', message: `"${doc.docDate}" is not a document date (dd/mm/yyyy).` };
  }
  const row = await ledger.find(key);
  if (row && (row.state === 'generated' || row.state === 'cancelled')) return { doc, outcome: 'in-ledger', irn: row.irn ?? undefined };
  let data;
  try {
    data = (await session.getByDocDetails({ docType: key.docType, docNo: doc.docNo.trim(), docDate: doc.docDate })).data;
  } catch (e) {
    if (isIrpError(e) && !e.retryable) return { doc, outcome: 'not-at-irp', message: e.messages.join(' ') };
    return { doc, outcome: 'unanswered', message: (e as Error)?.message ?? String(e) };
  }
  if (!data?.Irn) return { doc, outcome: 'not-at-irp' };
  const qr = qrFieldsOf(data.SignedQRCode);
  const stored = row
    ? await ledger.markGenerated(row.id, data, true)
    : await ledger.insertRecovered(key, doc.docNo.trim(), profile.name, data, qr?.BuyerGstin ?? null, qr?.TotInvVal == null ? null : Number(qr.TotInvVal));
  if (String(data.Status ?? '').toUpperCase() === 'CNL') await ledger.markCancelledFromIrp(stored.id);
  return { doc, outcome: 'recovered', irn: data.Irn };
}
