/**
 * The TLS certificate a LAN-listening companion serves: the admin's own files (--tls-cert/--tls-key),
 * or one the companion makes once into its home (`<home>/tls`, owner-only) with the `selfsigned`
 * package (5.5.0, built on @peculiar/x509 and WebCrypto) and keeps across restarts, so the
 * SHA-256 fingerprint the clerks were told stays the same. Node's own X509Certificate reads both.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { CompanionStartError } from '../server-errors';
import { canonicalName } from './listen';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (DER), as browsers and `openssl x509 -fingerprint -sha256` print it. */
  fingerprint: string;
  certPath: string;
  /** How it came: the admin's files, made now, or made earlier and reused. */
  source: 'given' | 'made' | 'kept';
  names: string[];
}

export const tlsDir = (home: string) => join(home, 'tls');
const SELF_CERT = 'companion-cert.pem';
const SELF_KEY = 'companion-key.pem';
const VALID_DAYS = 825; // the longest a browser accepts for a server certificate (CA/B Forum baseline, 2018)

/** The names a certificate covers (DNS names and IP addresses of its subjectAltName). */
export function namesOf(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '').split(/,\s*/).map((s) => canonicalName(s.replace(/^(DNS|IP Address):/, ''))).filter(Boolean);
}

/** The admin's certificate and key: readable, a certificate, not expired, and the key belongs to it. */
export function loadGivenTls(certPath: string, keyPath: string, now = new Date()): TlsMaterial {
  const read = (path: string, flag: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      throw new CompanionStartError(`Cannot read ${flag} ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}). Give the path of a PEM file this user can read.`);
    }
  };
  const cert = read(certPath, '--tls-cert');
  const key = read(keyPath, '--tls-key');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new CompanionStartError(`--tls-cert ${certPath} is not a PEM certificate ("-----BEGIN CERTIFICATE-----"). Give the server certificate, not the key or a CSR.`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new CompanionStartError(`--tls-key ${keyPath} is not an unencrypted PEM private key. Give the key without a passphrase (openssl pkey -in KEY -out plain.pem).`);
  }
  if (!x509.checkPrivateKey(privateKey)) {
    throw new CompanionStartError(`--tls-key ${keyPath} does not belong to the certificate ${certPath}. Give the key the certificate was made for.`);
  }
  if (Date.parse(x509.validTo) < now.getTime()) {
    throw new CompanionStartError(`The certificate ${certPath} expired on ${x509.validTo}. Renew it, or leave out --tls-cert/--tls-key and use --tls-self-signed.`);
  }
  return { cert, key, fingerprint: x509.fingerprint256, certPath, source: 'given', names: namesOf(x509) };
}

/**
 * The companion's own certificate for `names` (host names and addresses clerks will type): the one
 * made earlier when it still covers them and has not expired, else a new one (ECDSA P-256).
 */
export async function ensureSelfSignedTls(home: string, names: string[], now = new Date()): Promise<TlsMaterial> {
  const dir = tlsDir(home);
  const certPath = join(dir, SELF_CERT);
  const keyPath = join(dir, SELF_KEY);
  const wanted = [...new Set(names.map(canonicalName))];
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    const key = readFileSync(keyPath, 'utf8');
    try {
      const x509 = new X509Certificate(cert);
      const covered = namesOf(x509);
      const fresh = Date.parse(x509.validTo) - now.getTime() > 30 * 86_400_000;
      if (fresh && wanted.every((n) => covered.includes(n)) && x509.checkPrivateKey(createPrivateKey(key))) {
        return { cert, key, fingerprint: x509.fingerprint256, certPath, source: 'kept', names: covered };
      }
    } catch { /* unreadable: made anew below */ }
  }
  const made = await generate([{ name: 'commonName', value: wanted.find((n) => !isIP(n)) ?? wanted[0] ?? 'irn-bridge' }, { name: 'organizationName', value: 'IRN Bridge companion' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000), notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: wanted.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, made.private, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, made.cert, { mode: 0o644 });
  const x509 = new X509Certificate(made.cert);
  return { cert: made.cert, key: made.private, fingerprint: x509.fingerprint256, certPath, source: 'made', names: namesOf(x509) };
}

/** The fingerprint of the certificate kept in the home, if any (for doctor). */
export function keptFingerprint(home: string): { fingerprint: string; certPath: string; names: string[]; validTo: string } | null {
  const certPath = join(tlsDir(home), SELF_CERT);
  if (!existsSync(certPath)) return null;
  try {
    const x509 = new X509Certificate(readFileSync(certPath, 'utf8'));
    return { fingerprint: x509.fingerprint256, certPath, names: namesOf(x509), validTo: x509.validTo };
  } catch {
    return null;
  }
}
