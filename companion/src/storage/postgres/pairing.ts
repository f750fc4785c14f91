/**
 * Pairing codes on PostgreSQL: the rules of security/pairing.ts (5 minutes, one use, 5 wrong guesses
 * void every live code, a code of another home is named), in one transaction that locks the live
 * codes (FOR UPDATE), so two racing redeems, from any process, cannot both win.
 */
import { notePairingCode } from '../../home';
import { randomCode, sha256Hex } from '../../security/hash';
import {
  CODE_LENGTH, formatCode, normalizeCode, PAIRING_MAX_WRONG, PAIRING_TTL_MS, redeemStep, refuseOtherHome, type CodeRow, type PairingOutcome,
} from '../../security/pairing';
import type { PairingStorage } from '../types';
import type { Pool } from './connect';

export class PgPairing implements PairingStorage {
  constructor(private readonly pool: Pool, private readonly home: string, private readonly now: () => Date = () => new Date()) {}

  async create() {
    const raw = randomCode(CODE_LENGTH);
    const created = this.now();
    const expiresAt = new Date(created.getTime() + PAIRING_TTL_MS).toISOString();
    await this.pool.query('INSERT INTO pairing_codes (code_hash, created_at, expires_at) VALUES ($1, $2, $3)', [sha256Hex(raw), created.toISOString(), expiresAt]);
    notePairingCode(sha256Hex(raw), this.home, expiresAt, created);
    return { code: formatCode(raw), expiresAt };
  }

  async newestCreatedAt(): Promise<number> {
    const at = (await this.pool.query('SELECT MAX(created_at) AS at FROM pairing_codes')).rows[0]?.at as string | null;
    return at ? Date.parse(at) : 0;
  }

  async redeem(code: string): Promise<PairingOutcome> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const nowIso = this.now().toISOString();
      const live = (await c.query('SELECT id FROM pairing_codes WHERE used_at IS NULL AND expires_at > $1 AND attempts < $2 ORDER BY id FOR UPDATE',
        [nowIso, PAIRING_MAX_WRONG])).rows;
      const row = (await c.query('SELECT id, expires_at, attempts, used_at FROM pairing_codes WHERE code_hash = $1 FOR UPDATE',
        [sha256Hex(normalizeCode(code))])).rows[0] as CodeRow | undefined;
      let outcome: PairingOutcome;
      const step = redeemStep(row, nowIso);
      if (step === 'ok') await c.query('UPDATE pairing_codes SET used_at = $1 WHERE id = $2', [nowIso, row!.id]);
      if (step !== 'guess') outcome = step;
      else {
        if (!row) refuseOtherHome(code, this.home, this.now());
        if (live.length === 0) {
          const voided = (await c.query('SELECT 1 FROM pairing_codes WHERE used_at IS NULL AND expires_at > $1 AND attempts >= $2',
            [nowIso, PAIRING_MAX_WRONG])).rowCount;
          outcome = voided ? 'exhausted' : 'wrong';
        } else {
          await c.query('UPDATE pairing_codes SET attempts = attempts + 1 WHERE used_at IS NULL AND expires_at > $1', [nowIso]);
          outcome = 'wrong';
        }
      }
      await c.query('COMMIT');
      return outcome;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }
}
