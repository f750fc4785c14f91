/**
 * The ledger's health (PRAGMA integrity_check) and the extension's last contact (its API key's last
 * use, recorded by security/keys.ts at most once a minute). Opens the file as it is: no migration,
 * no new file.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { commandFor, homeLayout } from '../home';
import { fail, ok, warn, type Finding } from './finding';

export function checkLedger(home: string, now: Date = new Date()): Finding[] {
  const path = homeLayout(home).database;
  if (!existsSync(path)) return [warn('ledger', 'There is no ledger yet: the companion creates it on its first start.', undefined, { path })];
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const findings: Finding[] = [problems.length === 0
      ? ok('ledger', `The ledger ${path} is intact (PRAGMA integrity_check: ok).`, { path })
      : damaged(path, `${problems.length} problem${problems.length > 1 ? 's' : ''}, first: ${problems[0]}`)];
    if (problems.length === 0) findings.push(extensionContact(db, home, now));
    return findings;
  } catch (e) {
    return [damaged(path, (e as Error).message)];
  } finally {
    db?.close();
  }
}

function damaged(path: string, why: string): Finding {
  return fail('ledger', `The ledger ${path} is damaged (${why}).`,
    'Stop the companion, then run irn-bridge ledger recover --from-backup (it restores the newest copy in the home\'s backups folder and keeps the damaged file); IRNs registered since that backup come back with irn-bridge ledger recover --from-irp and the invoice files or document numbers.',
    { path });
}

interface KeyRow { client: string; origin: string; last_used_at: string | null }

function extensionContact(db: Database.Database, home: string, now: Date): Finding {
  let keys: KeyRow[];
  try {
    keys = db.prepare(`SELECT client, origin, last_used_at FROM api_keys
      WHERE revoked_at IS NULL AND (origin LIKE 'chrome-extension://%' OR origin LIKE 'moz-extension://%')
      ORDER BY last_used_at DESC`).all() as KeyRow[];
  } catch {
    return warn('extension', 'This ledger has no API keys table yet: the companion adds it on its next start.');
  }
  if (keys.length === 0) {
    return warn('extension', 'No browser extension is paired with this companion.',
      `Run ${commandFor('pair', home, null)} and type the code in the extension's options page.`);
  }
  const last = keys.find((k) => k.last_used_at);
  if (!last?.last_used_at) return warn('extension', `The extension was paired (${keys[0].client}) but has not called the companion since.`);
  return ok('extension', `The extension last called the companion ${ago(now.getTime() - Date.parse(last.last_used_at))} (${last.client}).`,
    { lastContact: last.last_used_at, origin: last.origin });
}

function ago(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'less than a minute ago';
  if (min < 120) return `${min} minute${min > 1 ? 's' : ''} ago`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} hours ago` : `${Math.round(h / 24)} days ago`;
}

/** Team mode: the PostgreSQL ledger (IRN_BRIDGE_DATABASE) answers and is migrated; named without its password. */
export async function checkSharedLedger(database: string, home: string): Promise<Finding[]> {
  const { openPostgres } = await import('../storage/postgres');
  const { redactUrl } = await import('../storage/postgres/connect');
  try {
    const storage = await openPostgres(database, home);
    try {
      const counts = await storage.ledger.countByState();
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return [ok('ledger', `The team database ${storage.location} answers (${total} document${total === 1 ? '' : 's'} in the ledger).`,
        { database: storage.location })];
    } finally {
      await storage.close();
    }
  } catch (e) {
    const err = e as Error & { details?: { hint?: string } };
    return [fail('ledger', err.message.includes(redactUrl(database)) ? err.message : `The team database ${redactUrl(database)} cannot be used: ${err.message}`,
      err.details?.hint ?? 'Check IRN_BRIDGE_DATABASE and that the PostgreSQL server is running.', { database: redactUrl(database) })];
  }
}
