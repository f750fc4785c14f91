/**
 * The offline IRP's own keys, made on first start and reused after (files 0600 in dataDir):
 * - an RSA-2048 encryption key pair: clients encrypt the auth payload to its public half, which is
 *   also written to `irp-public-key.pem` for anyone pointing their own client here;
 * - an RSA-2048 signing key for SignedInvoice / SignedQRCode, identified like NIC's certificate:
 *   kid = upper-case hex SHA-1 of the public key's DER (SPKI), x5t = base64url of the same 20 bytes.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OfflineIrpKeys {
  encryptionPrivateKeyPem: string;
  publicKeyPem: string;
  publicKeyPath: string;
  signingKey: KeyObject;
  signingPublicKeyPem: string;
  kid: string;
  x5t: string;
}

function writePrivate(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
  chmodSync(path, 0o600);
}

function loadOrCreatePrivateKey(path: string): KeyObject {
  if (existsSync(path)) return createPrivateKey(readFileSync(path, 'utf8'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writePrivate(path, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  return privateKey;
}

export function loadOrCreateKeys(dataDir: string): OfflineIrpKeys {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const encKey = loadOrCreatePrivateKey(join(dataDir, 'irp-encryption-key.pem'));
  const signingKey = loadOrCreatePrivateKey(join(dataDir, 'irp-signing-key.pem'));

  const publicKeyPem = createPublicKey(encKey).export({ type: 'spki', format: 'pem' }).toString();
  const publicKeyPath = join(dataDir, 'irp-public-key.pem');
  if (!existsSync(publicKeyPath) || readFileSync(publicKeyPath, 'utf8') !== publicKeyPem) {
    writePrivate(publicKeyPath, publicKeyPem);
  }

  const signingPublic = createPublicKey(signingKey);
  const thumb = createHash('sha1').update(signingPublic.export({ type: 'spki', format: 'der' })).digest();
  return {
    encryptionPrivateKeyPem: encKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem,
    publicKeyPath,
    signingKey,
    signingPublicKeyPem: signingPublic.export({ type: 'spki', format: 'pem' }).toString(),
    kid: thumb.toString('hex').toUpperCase(),
    x5t: thumb.toString('base64url'),
  };
}
