/**
 * One-time pairing codes. `irn-bridge pair` (a separate process) writes the code's hash into the shared
 * database; the server checks `POST /v1/pair` against it. A code lives 5 minutes and dies after
 * 5 wrong attempts (counted against every live code, since a wrong guess cannot say which code it aimed at).
 */
import { dirname } from 'node:path';
import type { Db } from '../ledger/db';
import { CompanionError } from '../errors';
import { commandFor, notePairingCode, otherHomeOfPairingCode } from '../home';
import { randomCode, sha256Hex } from './hash';

export const PAIRING_TTL_MS = 5 * 60_000;
export const PAIRING_MAX_WRONG = 5;
export const CODE_LENGTH = 8;

export type PairingOutcome = 'ok' | 'wrong' | 'expired' | 'exhausted' | 'used';

/** Upper-cases and drops separators, so "abcd-efgh", "ABCD EFGH" and "ABCDEFGH" are the same code. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export interface CodeRow { id: number; expires_at: string; attempts: number; used_at: string | null }

/**
 * The rule for one redeem, from the code's row (if the code exists): both storages apply it inside
 * their transaction. 'guess' is a wrong guess (or a code voided by wrong guesses): the caller counts it
 * against every live code, or reports 'exhausted'/'wrong' when none is live.
 */
export function redeemStep(row: CodeRow | undefined, nowIso: string): 'ok' | 'expired' | 'used' | 'guess' {
  if (row && !row.used_at && row.expires_at > nowIso && row.attempts < PAIRING_MAX_WRONG) return 'ok';
  if (row && !row.used_at && row.expires_at <= nowIso) return 'expired';
  // The right code, already redeemed (e.g. by a concurrent request): not a guess, so it voids nothing.
  if (row?.used_at) return 'used';
  return 'guess';
}

/** The SQLite pairing codes (synchronous; storage/sqlite.ts makes them async, storage/postgres/pairing.ts is the other one). */
export class PairingCodes {
  constructor(private readonly db: Db, private readonly now: () => Date = () => new Date()) {}

  create(): { code: string; expiresAt: string } {
    const raw = randomCode(CODE_LENGTH);
    const created = this.now();
    const expiresAt = new Date(created.getTime() + PAIRING_TTL_MS).toISOString();
    this.db.prepare('INSERT INTO pairing_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)')
      .run(sha256Hex(raw), created.toISOString(), expiresAt);
    notePairingCode(sha256Hex(raw), dirname(this.db.name), expiresAt, created);
    return { code: formatCode(raw), expiresAt };
  }

  /** When the newest code was made (ms since the epoch), or 0: rate limits count only attempts after it. */
  newestCreatedAt(): number {
    const row = this.db.prepare('SELECT MAX(created_at) AS at FROM pairing_codes').get() as { at: string | null };
    return row.at ? Date.parse(row.at) : 0;
  }

  /** Checks and, on success, consumes the code. One transaction, so two racing requests cannot both win. */
  redeem(code: string): PairingOutcome {
    return this.db.transaction((): PairingOutcome => {
      const nowIso = this.now().toISOString();
      const live = this.db.prepare('SELECT id FROM pairing_codes WHERE used_at IS NULL AND expires_at > ? AND attempts < ?')
        .all(nowIso, PAIRING_MAX_WRONG) as { id: number }[];
      const row = this.db.prepare('SELECT id, expires_at, attempts, used_at FROM pairing_codes WHERE code_hash = ?')
        .get(sha256Hex(normalizeCode(code))) as CodeRow | undefined;
      const step = redeemStep(row, nowIso);
      if (step === 'ok') this.db.prepare('UPDATE pairing_codes SET used_at = ? WHERE id = ?').run(nowIso, row!.id);
      if (step !== 'guess') return step;
      if (!row) refuseOtherHome(code, dirname(this.db.name), this.now());
      if (live.length === 0) {
        // Nothing live: either no code was made, or every code was voided by wrong guesses.
        const voided = this.db.prepare('SELECT 1 FROM pairing_codes WHERE used_at IS NULL AND expires_at > ? AND attempts >= ?')
          .get(nowIso, PAIRING_MAX_WRONG);
        return voided ? 'exhausted' : 'wrong';
      }
      this.db.prepare('UPDATE pairing_codes SET attempts = attempts + 1 WHERE used_at IS NULL AND expires_at > ?').run(nowIso);
      return 'wrong';
    }).immediate();
  }
}

/** A real code made in another home is not a guess: say where it belongs (and count no wrong attempt). */
export function refuseOtherHome(code: string, home: string, now: Date): void {
  const other = otherHomeOfPairingCode(sha256Hex(normalizeCode(code)), home, now);
  if (!other) return;
  throw new CompanionError('UNAUTHORIZED',
    `This pairing code was made for the IRN Bridge companion whose home is ${other}, but this companion's home is ${home}.`,
    { hint: `Make a code for this companion with \`${commandFor('pair', home, null)}\`, or start the companion with IRN_BRIDGE_HOME=${other}.` });
}
