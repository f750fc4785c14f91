import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { decodeSignedToken, decodeSignedQrCode, decodeSignedInvoice, verifySignedToken, isSignedTokenValid } from './signed';

const tokens = JSON.parse(readFileSync(new URL('../../fixtures/irp/nic-signed-tokens.json', import.meta.url), 'utf8'));
const NIC_HEADER = { alg: 'RS256', kid: 'EDC57DE1358B300BA9F79340A6696831F3C85047', typ: 'JWT', x5t: '7cV94TWLMAup95NApmloMfPIUEc' };

describe('decoding real NIC tokens', () => {
  test('the Mittal signed QR code', () => {
    const { header, iss, fields } = decodeSignedQrCode(tokens.mittal_signed_qr_code_2022);
    assert.deepEqual(header, NIC_HEADER);
    assert.equal(iss, 'NIC');
    assert.deepEqual(fields, {
      SellerGstin: '09AAJCM7191E1Z5',
      BuyerGstin: '29AWGPV7107B1Z1',
      DocNo: '35d7df8d-fce7-49',
      DocTyp: 'INV',
      DocDt: '12/11/2021',
      TotInvVal: 112,
      ItemCnt: 1,
      MainHsnCode: '998431',
      Irn: '3997d6dbe585dbfc93a855cf2aad1a412ac7df0231ab7875851a15e1ba3f4df4',
      IrnDt: '2022-09-09 13:33:00',
    });
  });
  test('the 2022 sandbox signed QR code', () => {
    const { fields } = decodeSignedQrCode(tokens.sandbox_2022_signed_qr_code);
    assert.equal(fields.SellerGstin, '01AMBPG7773M002');
    assert.equal(fields.DocNo, 'SINV-CFY-00067');
    assert.equal(fields.MainHsnCode, '61149090');
    assert.equal(fields.Irn, '706daeccda0ef6f818da78f3a2a05a1288731057373002289b46c3229289a2e7');
    assert.equal(fields.IrnDt, '2022-09-16 19:29:00');
  });
  test('the 2022 sandbox signed invoice', () => {
    const { header, iss, invoice } = decodeSignedInvoice(tokens.sandbox_2022_signed_invoice);
    assert.equal(header.kid, NIC_HEADER.kid);
    assert.equal(iss, 'NIC');
    assert.equal(invoice.AckNo, 232210036743849);
    assert.equal(invoice.AckDt, '2022-09-16 19:29:00');
    assert.equal(invoice.Irn, '706daeccda0ef6f818da78f3a2a05a1288731057373002289b46c3229289a2e7');
    assert.equal(invoice.Version, '1.1');
    assert.equal(invoice.DocDtls.No, 'SINV-CFY-00067');
    assert.equal((invoice.ItemList[0] as unknown as { ItemNo: number }).ItemNo, 0);
  });
  test('garbage gives a clear Error', () => {
    const bad: unknown[] = ['', 'a.b', 'a.b.c.d', '!!!.@@@.###', 'eyJhIjoxfQ.bm90IGpzb24.x', 'eyJhIjoxfQ.eyJpc3MiOiJOSUMifQ.x',
      'WzFd.eyJkYXRhIjoiMSJ9.x', 'eyJhIjoxfQ.eyJkYXRhIjoieyJ9.x', null, 42, {}, 'a'.repeat(3_000_000)];
    for (const t of bad) {
      assert.throws(() => decodeSignedToken(t as string), (e: unknown) => e instanceof Error && /Not a valid IRP signed token/.test(e.message), String(t).slice(0, 30));
    }
    assert.throws(() => decodeSignedQrCode('eyJhIjoxfQ.eyJkYXRhIjoiWzFdIn0.x'), /QR data/);
  });
});

describe('verifying signatures', () => {
  async function signedToken() {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const payload = JSON.stringify({ data: JSON.stringify({ Irn: 'abc', SellerGstin: '29AAACP7879D1Z0' }), iss: 'IRN Bridge offline IRP' });
    const token = await new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
    return { token, pem: await exportSPKI(publicKey) };
  }
  test('verifies with the right key and returns the decoded token', async () => {
    const { token, pem } = await signedToken();
    const v = await verifySignedToken(token, pem);
    assert.equal(v.iss, 'IRN Bridge offline IRP');
    assert.deepEqual(v.data, { Irn: 'abc', SellerGstin: '29AAACP7879D1Z0' });
    assert.equal(await isSignedTokenValid(token, pem), true);
  });
  test('fails with another key or an altered token', async () => {
    const a = await signedToken();
    const b = await signedToken();
    await assert.rejects(verifySignedToken(a.token, b.pem), /does not verify/);
    assert.equal(await isSignedTokenValid(a.token, b.pem), false);
    const [h, , s] = a.token.split('.');
    const forged = [h, Buffer.from(JSON.stringify({ data: '{"Irn":"xyz"}', iss: 'NIC' })).toString('base64url'), s].join('.');
    await assert.rejects(verifySignedToken(forged, a.pem), /does not verify/);
  });
  test('the real NIC token does not verify with an unrelated key', async () => {
    const { pem } = await signedToken();
    assert.equal(await isSignedTokenValid(tokens.mittal_signed_qr_code_2022, pem), false);
  });
  test('a malformed key gives a clear error', async () => {
    const { token } = await signedToken();
    await assert.rejects(verifySignedToken(token, 'not a key'), /PEM public key/);
    await assert.rejects(verifySignedToken(token, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'), /could not be read/);
  });
});
