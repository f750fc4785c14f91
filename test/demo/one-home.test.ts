/**
 * One home: the demo's guide names the home and port its pairing code is for, and a companion with
 * another home answers that code with the reason instead of a bare "not valid".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCompanion } from '@irn-bridge/companion/server';
import { silentLogger } from '@irn-bridge/companion/logger';
import { startDemo } from './demo';
import { demoHome } from './companion';

const pair = (url: string, code: string) => fetch(`${url}/v1/pair`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, client: 'one-home test' }),
});

test('without IRN_BRIDGE_HOME the demo uses the home `irn-bridge start` uses', () => {
  const saved = { ...process.env };
  try {
    delete process.env.IRN_BRIDGE_HOME;
    process.env.HOME = '/home/clerk';
    process.env.XDG_DATA_HOME = '';
    assert.equal(demoHome(), process.platform === 'linux' ? '/home/clerk/.local/share/irn-bridge' : demoHome());
    process.env.IRN_BRIDGE_HOME = '/srv/irn';
    assert.equal(demoHome(), '/srv/irn');
  } finally {
    process.env = saved;
  }
});

test('a pairing code from the demo, offered to a companion with another home, is refused with both homes named', async (t) => {
  const demoDir = mkdtempSync(join(tmpdir(), 'irn-demo-home-'));
  const otherDir = mkdtempSync(join(tmpdir(), 'irn-other-home-'));
  const demo = await startDemo({ erpnextPort: 0, odooPort: 0, companionPort: 0, home: demoDir, log: () => {} });
  const other = await startCompanion({ home: otherDir, port: 0, log: silentLogger });
  t.after(async () => {
    await Promise.allSettled([demo.close(), other.close()]);
    rmSync(demoDir, { recursive: true, force: true });
    rmSync(otherDir, { recursive: true, force: true });
  });
  const code = demo.companion!.pairingCode!.code;
  const guide = demo.guide();
  assert.ok(guide.includes(`${code} (for the companion on port ${demo.companion!.port} with home ${demoDir}`), guide);
  assert.ok(guide.includes(`IRN_BRIDGE_HOME=${demoDir} npx -y pnpm@12.4.2 irn-bridge pair`), guide);

  const refused = await pair(other.url, code);
  assert.equal(refused.status, 401);
  const { error: body } = await refused.json();
  assert.match(body.message, new RegExp(`made for the IRN Bridge companion whose home is ${demoDir}, but this companion's home is ${otherDir}`));
  assert.match(body.hint, new RegExp(`IRN_BRIDGE_HOME=${otherDir} irn-bridge pair`));

  // The refusal did not use up the code: the companion it was made for still takes it.
  assert.equal((await pair(demo.companion!.url, code)).status, 200);
  // A made-up code is still just "not valid".
  assert.match((await (await pair(other.url, 'ZZZZ-ZZZZ')).json()).error.message, /not valid/);
});
