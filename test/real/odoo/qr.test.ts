/**
 * The Odoo module draws the signed QR itself (shared/src/erps/odoo/qr.ts) for Odoos without
 * l10n_in_edi. Its matrix must be module for module the one a reference encoder makes: the
 * `qrcode` Python package that Odoo's own server uses (python3-qrcode, installed with the real Odoo),
 * with the same error correction (M) and mask (0).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { qrMatrix } from '@irn-bridge/shared/erps/odoo/qr';

const PY = '/usr/bin/python3';
const probe = spawnSync(PY, ['-c', 'import qrcode'], { encoding: 'utf8' });
const skip = probe.status === 0 ? false : 'skipped: no python3-qrcode here (it comes with the real Odoo, ../shared/odoo17/setup.sh)';

function reference(text: string): string[] {
  const script = `import sys, json, qrcode
q = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=0, border=0)
q.add_data(sys.stdin.read().encode(), optimize=0)
q.make(fit=True)
print(json.dumps([''.join('1' if b else '0' for b in row) for row in q.get_matrix()]))`;
  const r = spawnSync(PY, ['-c', script], { input: text, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as string[];
}

describe('QR matrix equals the reference encoder', { skip }, () => {
  // Lower-case text: the reference picks byte mode for it, as ours always does.
  const signedQr = `eyjhbgcioijsuzi1niisimtpzci6ijq0ndqwnum3odffndgynta3mkizneneneyxqkrdnja2qzg2qju3mjaifq.${'eyjkyxrhijoie1wic2vsbgvyr3n0aw5cijpcijI5qufbq0'.repeat(20)}.sig`;
  for (const [name, text] of [['short', 'irn bridge'], ['version 8', 'a'.repeat(150)], ['a signed QR (~1 kB)', signedQr], ['version 38', 'z'.repeat(2000)]] as const) {
    test(name, () => {
      const ours = qrMatrix(text).map((row) => row.map((b) => (b ? '1' : '0')).join(''));
      assert.deepEqual(ours, reference(text));
    });
  }
});
