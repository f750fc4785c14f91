/**
 * Team mode as a service: what `service install --database …` writes is enough for start on a real
 * PostgreSQL. The companion is started the way the unit starts it (its node, script and port, with
 * only the home and IRN_BRIDGE_DATABASE_FILE in the environment) and must open the shared database.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { installService } from '../../src/service/manage';
import { platformFor, readSpec } from '../../src/service/platform';
import { dropAll, freshPgDatabase, postgresSkipReason } from '../support/storage';

const BIN = fileURLToPath(new URL('../../bin/irn-bridge.mjs', import.meta.url));
const noSystemd = () => ({ code: 1, out: '', err: 'Failed to connect to bus', missing: false });

describe('service install --database, then start from the file it wrote', { skip: (await postgresSkipReason()) ?? false }, () => {
  const user = mkdtempSync(join(tmpdir(), 'irn-svc-pg-'));
  after(async () => {
    rmSync(user, { recursive: true, force: true });
    await dropAll();
  });

  test('the companion opens the shared PostgreSQL ledger named only by <home>/database-url, and never prints the password', { timeout: 60_000 }, async () => {
    const database = await freshPgDatabase();
    const password = new URL(database).password;
    const home = join(user, 'home');
    const env = { HOME: user };
    installService({ node: process.execPath, script: BIN, home, port: 0 }, { platform: 'linux', env, run: noSystemd, say: () => undefined }, database);
    const unit = readFileSync(platformFor('linux', env).entry, 'utf8');
    assert.equal(unit.includes(`:${password}@`) || unit.includes('postgres://'), false, 'the unit holds no URL, so no password');
    const installed = readSpec(unit);
    assert.equal(installed.databaseFile, join(home, 'database-url'));

    const { IRN_BRIDGE_DATABASE: _drop, ...rest } = process.env;
    const child = spawn(installed.node!, [installed.script!, 'start', '--port', String(installed.port)], {
      env: { ...rest, IRN_BRIDGE_HOME: installed.home!, IRN_BRIDGE_DATABASE_FILE: installed.databaseFile!, IRN_BRIDGE_LOG: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d) => { out += d; if (/Pair the browser extension/.test(out)) resolve(); });
        child.stderr!.on('data', (d) => { out += d; });
        child.once('exit', (code) => reject(new Error(`start exited (${code}): ${out}`)));
      });
      assert.match(out, /^Ledger: postgres:\/\/irnb_test:\*\*\*@127\.0\.0\.1:5432\/irnb_t_\w+ \(PostgreSQL, shared\)$/m);
      // (The test role's password is its user name: look for it where a URL would hold it.)
      assert.equal(out.includes(`:${password}@`), false);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
      assert.equal((await (await fetch(`${url}/v1/health`)).json() as { service: string }).service, 'irn-bridge-companion');
      // The schema was made in that database, not in a SQLite file in the home.
      const c = new pg.Client({ connectionString: database });
      await c.connect();
      try {
        assert.equal((await c.query("SELECT to_regclass('public.einvoices') AS t")).rows[0].t, 'einvoices');
      } finally { await c.end(); }
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    }
  });

  test('a database file that is not there stops start with a message naming it', () => {
    const missing = join(user, 'nowhere', 'database-url');
    const { IRN_BRIDGE_DATABASE: _drop, ...rest } = process.env;
    const r = spawnSync(process.execPath, [BIN, 'start', '--port', '0'], {
      env: { ...rest, IRN_BRIDGE_HOME: join(user, 'home2'), IRN_BRIDGE_DATABASE_FILE: missing, IRN_BRIDGE_LOG: 'silent' }, encoding: 'utf8', timeout: 30_000,
    });
    assert.notEqual(r.status, 0);
    assert.ok(r.stderr.includes(`The database file ${missing} cannot be read (ENOENT)`), r.stderr + r.stdout);
  });
});
