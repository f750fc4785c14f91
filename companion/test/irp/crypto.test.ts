import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  aesDecrypt, aesEncrypt, decryptJson, encryptJson, newAppKey, rsaDecryptPkcs1, rsaEncryptPkcs1, RsaPaddingError,
} from '../../src/irp/crypto';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('AES-256-ECB with PKCS7', () => {
  // NIST SP 800-38A, F.1.5 ECB-AES256.Encrypt, block #1.
  const key = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
  const plain = hex('6bc1bee22e409f96e93d7e117393172a');

  test('matches the NIST known-answer vector (first block) and pads a full block with a whole block', () => {
    const out = aesEncrypt(key, plain);
    assert.equal(out.length, 32, 'a 16-byte input gets a full 16-byte PKCS7 padding block');
    assert.equal(out.subarray(0, 16).toString('hex'), 'f3eed1bdb5d2a03c064b5a7e3db181f8');
    assert.equal(out.subarray(16).toString('hex'), aesEncrypt(key, Buffer.alloc(16, 16)).subarray(0, 16).toString('hex'));
  });

  test('PKCS7 pads short input to the block size and round-trips', () => {
    for (const n of [0, 1, 5, 15, 16, 17, 100]) {
      const data = Buffer.alloc(n, 0x41);
      const enc = aesEncrypt(key, data);
      assert.equal(enc.length, (Math.floor(n / 16) + 1) * 16);
      assert.deepEqual(aesDecrypt(key, enc), data);
    }
  });

  test('decrypting with the wrong key fails on the padding', () => {
    const enc = aesEncrypt(key, Buffer.from('{"a":1}'));
    assert.throws(() => aesDecrypt(Buffer.alloc(32, 7), enc));
  });

  test('rejects keys that are not 32 bytes', () => {
    assert.throws(() => aesEncrypt(Buffer.alloc(16), plain), /32-byte/);
  });

  test('encryptJson/decryptJson round-trip JSON with non-ASCII text', () => {
    const sek = Buffer.alloc(32, 3);
    const value = { PrdDesc: 'हल्दी पाउडर', Qty: 1.5, List: [1, null, 'x'] };
    const data = encryptJson(sek, value);
    assert.match(data, /^[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(decryptJson(sek, data), value);
  });
});

describe('RSA PKCS#1 v1.5', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const priv = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  test('encrypt → no-padding decrypt → unpad returns the message', () => {
    const msg = Buffer.from(Buffer.from('{"UserName":"u","Password":"p"}').toString('base64'));
    const ct = rsaEncryptPkcs1(pub, msg);
    assert.equal(ct.length, 256);
    assert.deepEqual(rsaDecryptPkcs1(priv, ct), msg);
  });

  test('encryption is randomised (fresh padding each time)', () => {
    const msg = Buffer.from('same');
    assert.notDeepEqual(rsaEncryptPkcs1(pub, msg), rsaEncryptPkcs1(pub, msg));
  });

  test('accepts a 245-byte message and refuses a 246-byte one', () => {
    assert.equal(rsaDecryptPkcs1(priv, rsaEncryptPkcs1(pub, Buffer.alloc(245, 1))).length, 245);
    assert.throws(() => rsaEncryptPkcs1(pub, Buffer.alloc(246, 1)));
  });

  const raw = (em: Buffer) => publicEncrypt({ key: pub, padding: constants.RSA_NO_PADDING }, em);
  const block = (prefix: number[], padLen: number, sep = true) => {
    const em = Buffer.alloc(256, 0x5a);
    em[0] = prefix[0];
    em[1] = prefix[1];
    em.fill(0x11, 2, 2 + padLen);
    if (sep) em[2 + padLen] = 0;
    return em;
  };

  test('a well-formed hand-made block decrypts to what follows the separator', () => {
    const em = block([0, 2], 20);
    assert.deepEqual(rsaDecryptPkcs1(priv, raw(em)), em.subarray(23));
  });

  test('bad padding is refused with a clear error', () => {
    assert.throws(() => rsaDecryptPkcs1(priv, raw(block([0, 1], 20))), RsaPaddingError, 'block type 01 (signature) is not encryption padding');
    assert.throws(() => rsaDecryptPkcs1(priv, raw(block([0, 2], 7))), RsaPaddingError, 'fewer than 8 padding bytes');
    assert.throws(() => rsaDecryptPkcs1(priv, raw(block([0, 2], 254, false))), RsaPaddingError, 'no zero separator');
    assert.throws(() => rsaDecryptPkcs1(priv, Buffer.alloc(100)), RsaPaddingError, 'wrong ciphertext length');
  });

  test("works with NIC's sandbox public key (2048-bit SPKI PEM)", () => {
    const pem = readFileSync(new URL('../../../shared/fixtures/irp/nic-sandbox-encryption-public-key.pem', import.meta.url), 'utf8');
    assert.equal(rsaEncryptPkcs1(pem, Buffer.from('x')).length, 256);
  });
});

test('newAppKey is 32 random bytes in base64 (44 characters)', () => {
  const a = newAppKey();
  const b = newAppKey();
  assert.equal(a.length, 44);
  assert.equal(Buffer.from(a, 'base64').length, 32);
  assert.notEqual(a, b);
});
