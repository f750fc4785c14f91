/**
 * Where IRP tokens live between calls and across restarts. NIC hands back the same token for every
 * auth inside its validity and may invalidate it when another instance re-authenticates, so reusing
 * a persisted token (rather than logging in on every start) is both faster and kinder to the IRP.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CachedToken {
  authToken: string;
  /** The decrypted session key, base64 (32 raw bytes). */
  sek: string;
  /** TokenExpiry exactly as the IRP sent it (IST `yyyy-MM-dd HH:mm:ss`). */
  tokenExpiry: string;
  /** TokenExpiry as epoch milliseconds. */
  expiresAt: number;
  clientId?: string;
  userName: string;
}

export interface TokenCache {
  get(identity: string): Promise<CachedToken | null>;
  set(identity: string, t: CachedToken): Promise<void>;
  delete(identity: string): Promise<void>;
  /**
   * A cache shared by several processes (storage/postgres/tokens.ts) runs `fn` while no other process
   * runs it for the same identity, so only one of them authenticates; the others then find its token.
   */
  exclusive?<T>(identity: string, fn: () => Promise<T>): Promise<T>;
}

/** One stable key per (IRP, GSTIN, user, client): a token is only valid for exactly that combination. */
export function profileIdentity(p: { baseUrl: string; gstin: string; username: string; clientId: string }): string {
  const canonical = JSON.stringify([p.baseUrl.replace(/\/+$/, ''), p.gstin.toUpperCase(), p.username, p.clientId]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function isCachedToken(v: unknown): v is CachedToken {
  const t = v as CachedToken;
  return (
    typeof t === 'object' && t !== null &&
    typeof t.authToken === 'string' && typeof t.sek === 'string' &&
    typeof t.tokenExpiry === 'string' && typeof t.expiresAt === 'number' && typeof t.userName === 'string'
  );
}

export class MemoryTokenCache implements TokenCache {
  private readonly map = new Map<string, CachedToken>();
  async get(identity: string) {
    const t = this.map.get(identity);
    return t ? { ...t } : null;
  }
  async set(identity: string, t: CachedToken) {
    this.map.set(identity, { ...t });
  }
  async delete(identity: string) {
    this.map.delete(identity);
  }
}

/** One JSON file per identity, owner-only (dir 0700, files 0600), written atomically (temp + rename). */
export class FileTokenCache implements TokenCache {
  constructor(private readonly dir: string) {}

  private file(identity: string): string {
    if (!/^[0-9a-f]{16,128}$/i.test(identity)) throw new Error('token cache identity must be a hex digest');
    return join(this.dir, `${identity}.json`);
  }

  private async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await chmod(this.dir, 0o700);
  }

  async get(identity: string): Promise<CachedToken | null> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file(identity), 'utf8'));
      return isCachedToken(parsed) ? parsed : null;
    } catch {
      return null; // missing or corrupt: behave as "no token", the session will authenticate
    }
  }

  async set(identity: string, t: CachedToken): Promise<void> {
    const target = this.file(identity);
    await this.ensureDir();
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify(t), { mode: 0o600 });
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async delete(identity: string): Promise<void> {
    await rm(this.file(identity), { force: true });
  }
}
