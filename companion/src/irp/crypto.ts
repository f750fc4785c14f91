/**
 * The IRP's cryptography (docs/security.md, "What goes to the IRP"): RSA PKCS#1 v1.5 for the auth
 * payload, AES-256-ECB with PKCS7
 * padding for the session key (SEK) and every request/response body. ECB and PKCS#1 v1.5 are weak,
 * but they are what NIC speaks; nothing else in the project should reuse these helpers.
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';

/** RSA-encrypt with PKCS#1 v1.5 padding (NIC's `RSA/ECB/PKCS1Padding`). */
export function rsaEncryptPkcs1(publicKeyPem: string, data: Buffer): Buffer {
  return publicEncrypt({ key: publicKeyPem, padding: constants.RSA_PKCS1_PADDING }, data);
}

/** Thrown when an RSA block does not carry valid PKCS#1 v1.5 encryption padding. */
export class RsaPaddingError extends Error {
  constructor() {
    super('RSA decryption failed: the block does not carry valid PKCS#1 v1.5 padding');
    this.name = 'RsaPaddingError';
  }
}

/**
 * RSA-decrypt a PKCS#1 v1.5 block. Node 20 refuses PKCS#1 v1.5 in `privateDecrypt` (Marvin attack
 * mitigation), so we decrypt raw and strip `00 02 <≥8 non-zero bytes> 00 <message>` here. The scan
 * touches every byte whatever the content, so timing says little about where the padding broke.
 */
export function rsaDecryptPkcs1(privateKeyPem: string, ciphertext: Buffer): Buffer {
  const key = createPrivateKey(privateKeyPem);
  const k = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (k === 0 || ciphertext.length !== k) throw new RsaPaddingError();
  let em: Buffer;
  try {
    em = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, ciphertext);
  } catch {
    throw new RsaPaddingError();
  }
  if (em.length < k) em = Buffer.concat([Buffer.alloc(k - em.length), em]);
  let bad = (em[0] ^ 0x00) | (em[1] ^ 0x02);
  let sep = 0; // index of the first zero after the padding string, 0 while not found
  for (let i = 2; i < em.length; i++) {
    const isZero = em[i] === 0 ? 1 : 0;
    const firstZero = isZero & (sep === 0 ? 1 : 0);
    sep = firstZero ? i : sep;
  }
  bad |= sep === 0 ? 1 : 0;
  bad |= sep < 10 ? 1 : 0; // at least 8 padding bytes: 2 + 8 = index 10
  if (bad !== 0) throw new RsaPaddingError();
  return Buffer.from(em.subarray(sep + 1));
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('AES-256 needs a 32-byte key');
}

/** AES-256-ECB encrypt with PKCS7 padding. */
export function aesEncrypt(keyRaw32: Buffer, plaintext: Buffer): Buffer {
  checkKey(keyRaw32);
  const c = createCipheriv('aes-256-ecb', keyRaw32, null);
  return Buffer.concat([c.update(plaintext), c.final()]);
}

/** AES-256-ECB decrypt and strip PKCS7 padding (throws on a wrong key / bad padding). */
export function aesDecrypt(keyRaw32: Buffer, ciphertext: Buffer): Buffer {
  checkKey(keyRaw32);
  const d = createDecipheriv('aes-256-ecb', keyRaw32, null);
  return Buffer.concat([d.update(ciphertext), d.final()]);
}

/** A fresh AppKey: 32 random bytes, base64 (44 characters), sent as-is inside the auth payload. */
export function newAppKey(): string {
  return randomBytes(32).toString('base64');
}

/** Encrypt a JSON value for an IRP body: base64(AES(SEK, utf8(JSON))). */
export function encryptJson(sek: Buffer, value: unknown): string {
  return aesEncrypt(sek, Buffer.from(JSON.stringify(value), 'utf8')).toString('base64');
}

/** Decrypt an IRP `Data` string back to JSON. */
export function decryptJson(sek: Buffer, data: string): unknown {
  return JSON.parse(aesDecrypt(sek, Buffer.from(data, 'base64')).toString('utf8'));
}
