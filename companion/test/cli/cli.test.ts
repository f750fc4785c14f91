/** The `irn-bridge` command line, run as real child processes against a temp home and a served offline IRP. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeInvoice } from '../support/invoices';
import { BIN, noStack, run } from './run';

describe('irn-bridge CLI', () => {
  let home: string;
  let work: string;
  let irpChild: ChildProcess;
  let served: { baseUrl: string; clientId: string; clientSecret: string; username: string; password: string; publicKeyPath: string; gstins: string[] };

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'irnb-cli-home-'));
    work = mkdtempSync(join(tmpdir(), 'irnb-cli-work-'));
    irpChild = spawn(process.execPath, [BIN, 'offline-irp', '--port', '0', '--data-dir', join(work, 'irp'), '--json'],
      { env: { ...process.env, IRN_BRIDGE_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    served = await new Promise((resolve, reject) => {
      let out = '';
      irpChild.stdout!.on('data', (d) => {
        out += d;
        const nl = out.indexOf('\n');
        if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)));
      });
      irpChild.once('exit', (code) => reject(new Error(`offline-irp exited (${code})`)));
    });
  });
  after(async () => {
    if (irpChild.exitCode === null) {
      const exited = new Promise((r) => irpChild.once('exit', r));
      irpChild.kill('SIGTERM');
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  test('offline-irp --json prints the connection details first', () => {
    assert.match(served.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(served.gstins.includes('29AAHCA4821K1ZH'));
    assert.ok(served.clientId && served.clientSecret && served.username && served.password && served.publicKeyPath);
  });

  test('profile add takes the password on stdin only; profile list shows no secret', async () => {
    const add = await run(home, ['profile', 'add', 'local', '--kind', 'gsp', '--gstin', '29AAHCA4821K1ZH', '--base-url', served.baseUrl,
      '--public-key', served.publicKeyPath, '--client-id', served.clientId, '--client-secret', served.clientSecret,
      '--username', served.username, '--password-stdin', '--header', 'x-gsp-test=on', '--default'], served.password + '\n');
    assert.equal(add.code, 0, add.stderr);
    const noStdin = await run(home, ['profile', 'add', 'other', '--kind', 'gsp', '--gstin', '29AAHCA4821K1ZH', '--base-url', served.baseUrl,
      '--client-id', 'a', '--client-secret', 'b', '--username', 'c', '--password', 'd']);
    assert.notEqual(noStdin.code, 0);
    noStack(noStdin);
    const list = await run(home, ['profile', 'list', '--json']);
    assert.equal(list.code, 0, list.stderr);
    const profiles = JSON.parse(list.stdout) as { name: string; isDefault: boolean; demo: boolean }[];
    assert.deepEqual(profiles.map((p) => [p.name, p.isDefault, p.demo]), [['demo', false, true], ['local', true, false]]);
    assert.equal(list.stdout.includes(served.password) || list.stdout.includes(served.clientSecret), false);
    const human = await run(home, ['profile', 'list']);
    assert.match(human.stdout, /demo .*DEMO/);
    assert.equal(readFileSync(join(home, 'profiles.json'), 'utf8').includes(served.password), false);
  });

  test('gstin, generate, get (by IRN and by document), irp get, cancel, ledger list and export', async () => {
    const gstin = await run(home, ['gstin', '37AAGCR5310M1Z6', '--json']);
    assert.equal(gstin.code, 0, gstin.stderr);
    assert.equal(JSON.parse(gstin.stdout).legalName, 'Rangoli Foods Private Limited');

    const invoice = makeInvoice();
    const file = join(work, 'invoice.json');
    writeFileSync(file, JSON.stringify(invoice));
    const gen = await run(home, ['generate', file, '--json']);
    assert.equal(gen.code, 0, gen.stderr);
    const result = JSON.parse(gen.stdout);
    assert.match(result.irn, /^[0-9a-f]{64}$/);
    assert.equal(result.profile.name, 'local');

    const again = await run(home, ['generate', file]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /from the ledger/);

    const byIrn = await run(home, ['get', result.irn, '--json']);
    assert.equal(JSON.parse(byIrn.stdout).ackNo, result.ackNo);
    const byDoc = await run(home, ['get', '--doc-type', 'INV', '--doc-no', invoice.DocDtls.No, '--doc-date', invoice.DocDtls.Dt, '--json']);
    assert.equal(byDoc.code, 0, byDoc.stderr);
    assert.equal(JSON.parse(byDoc.stdout).irn, result.irn);

    const raw = await run(home, ['irp', 'get', `/eicore/v1.03/Invoice/irn/${result.irn}`]);
    assert.equal(raw.code, 0, raw.stderr);
    assert.equal(JSON.parse(raw.stdout).data.Irn, result.irn);

    const cancel = await run(home, ['cancel', result.irn, '--reason', '2', '--remark', 'Wrong rate', '--json']);
    assert.equal(cancel.code, 0, cancel.stderr);
    assert.equal(JSON.parse(cancel.stdout).status, 'CNL');
    const twice = await run(home, ['cancel', result.irn, '--reason', '2', '--remark', 'Wrong rate']);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /already cancelled/);
    noStack(twice);

    const list = await run(home, ['ledger', 'list', '--json']);
    const entries = JSON.parse(list.stdout).entries as { irn: string; state: string }[];
    assert.deepEqual(entries.map((e) => [e.irn, e.state]), [[result.irn, 'cancelled']]);
    const csv = join(work, 'ledger.csv');
    const exp = await run(home, ['ledger', 'export', '--csv', csv]);
    assert.equal(exp.code, 0, exp.stderr);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^id,state,seller_gstin/);
    assert.ok(lines[1].includes(result.irn));
  });

  test('failures: IRP codes and a clear message on stderr, non-zero exit, no stack trace', async () => {
    const invalid = join(work, 'bad.json');
    const bad = makeInvoice();
    (bad.ValDtls as { TotInvVal: number }).TotInvVal += 1000;
    writeFileSync(invalid, JSON.stringify(bad));
    const r = await run(home, ['generate', invalid]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error: .*nothing was sent/);
    assert.match(r.stderr, /ValDtls/);
    noStack(r);
    const irpRefusal = await run(home, ['get', 'f'.repeat(64)]);
    assert.equal(irpRefusal.code, 1);
    assert.match(irpRefusal.stderr, /IRP \d+:/);
    noStack(irpRefusal);
    const missing = await run(home, ['generate', join(work, 'nope.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such file/);
    const usage = await run(home, ['frobnicate']);
    assert.equal(usage.code, 2);
    const help = await run(home, ['generate', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage/);
  });

  test('pair --json and keys list/revoke', async () => {
    const pair = await run(home, ['pair', '--json']);
    assert.equal(pair.code, 0, pair.stderr);
    const { code, expiresAt } = JSON.parse(pair.stdout);
    assert.match(code, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    assert.ok(Date.parse(expiresAt) > Date.now());
    const list = await run(home, ['keys', 'list', '--json']);
    assert.deepEqual(JSON.parse(list.stdout), []);
    const revoke = await run(home, ['keys', 'revoke', 'key_nope']);
    assert.equal(revoke.code, 1);
  });

  test('start with the port taken: a clear message and a non-zero exit', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await run(home, ['start', '--port', String(port)]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`Port ${port} .*already in use`));
      noStack(r);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  test('the home holds owner-only files', () => {
    for (const f of readdirSync(home)) {
      assert.equal(statSync(join(home, f)).mode & 0o077, 0, `${f} is readable by others`);
    }
  });
});
