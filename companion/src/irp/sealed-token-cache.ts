/**
 * A token cache that stores the IRP token and session key sealed (AES-256-GCM) under a key derived
 * from the profile's own IRP password and client secret (HKDF-SHA256, salted with the profile
 * identity). Team mode keeps the token in PostgreSQL (storage/postgres/tokens.ts), a server that
 * others administer and back up: whoever reads a row or a dump there cannot call the IRP as the
 * business, while every companion that holds the profile's credentials still reuses the one token
 * (NIC keeps one per API user). The expiry stays readable: it is no secret, and says when a token dies.
 *
 * A row that does not open with these credentials (the password was changed, or it was written
 * unsealed by an earlier version) is treated as no token: the session logs in and stores a sealed one.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { CachedToken, TokenCache } from './token-cache';

/** What the key is derived from: the two secrets every companion serving the profile must hold. */
export interface SealingSecrets { password: string; clientSecret: string }

const PREFIX = 'sealed.v1.';
const INFO = 'irn-bridge IRP token at rest v1';

export function sealedTokenCache(inner: TokenCache, secrets: SealingSecrets): TokenCache {
  // Derived per use: a token is read or written once per login or start, so there is nothing to keep.
  const keyFor = (identity: string) =>
    Buffer.from(hkdfSync('sha256', `${secrets.password}\u0000${secrets.clientSecret}`, identity, INFO, 32));
  const seal = (identity: string, field: string, value: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyFor(identity), iv);
    // The field name is authenticated too, so the token and the key cannot be swapped in the row.
    cipher.setAAD(Buffer.from(field));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  };
  const open = (identity: string, field: string, sealed: string): string | null => {
    if (!sealed.startsWith(PREFIX)) return null;
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
    if (raw.length < 12 + 16) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyFor(identity), raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      return null; // other credentials, or a damaged row
    }
  };

  const cache: TokenCache = {
    async get(identity) {
      const stored = await inner.get(identity);
      if (!stored) return null;
      const authToken = open(identity, 'authToken', stored.authToken);
      const sek = open(identity, 'sek', stored.sek);
      return authToken !== null && sek !== null ? { ...stored, authToken, sek } : null;
    },
    async set(identity, t: CachedToken) {
      await inner.set(identity, { ...t, authToken: seal(identity, 'authToken', t.authToken), sek: seal(identity, 'sek', t.sek) });
    },
    delete: (identity) => inner.delete(identity),
  };
  if (inner.exclusive) cache.exclusive = (identity, fn) => inner.exclusive!(identity, fn);
  return cache;
}
