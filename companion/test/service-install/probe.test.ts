/**
 * `service status` asks the companion where the service runs it: a desk's on http://127.0.0.1, a
 * team companion's on its --listen address over HTTPS (it said "Nothing answers" for a running LAN
 * companion before, because it only ever asked plain 127.0.0.1).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCompanion, type RunningCompanion } from '../../src/server';
import { createLogger } from '../../src/logger';
import { probeCompanion } from '../../src/service/probe';
import { makeHome } from '../service/helpers';

const silent = createLogger('silent');

describe('service status: is the companion answering where the service runs it', () => {
  const homes = [makeHome('irnb-probe-desk-'), makeHome('irnb-probe-lan-')];
  const running: RunningCompanion[] = [];
  after(async () => {
    for (const r of running) await r.close().catch(() => undefined);
    for (const h of homes) h.remove();
  });

  test('a desk companion on http://127.0.0.1', async () => {
    const desk = await startCompanion({ home: homes[0].home, port: 0, log: silent, reconcileOnStart: false });
    running.push(desk);
    assert.deepEqual(await probeCompanion(desk.port, null), { url: `http://127.0.0.1:${desk.port}`, answering: true });
    await desk.close();
    assert.equal((await probeCompanion(desk.port, null)).answering, false, 'stopped: nothing answers');
  });

  test('a team companion on its --listen address over HTTPS (self-signed), not on plain 127.0.0.1', async () => {
    const lan = await startCompanion({ home: homes[1].home, port: 0, host: '127.0.0.2', tls: { selfSigned: true }, log: silent, reconcileOnStart: false });
    running.push(lan);
    const listen = `127.0.0.2:${lan.port}`;
    assert.deepEqual(await probeCompanion(lan.port, listen), { url: `https://127.0.0.2:${lan.port}`, answering: true });
    assert.equal((await probeCompanion(lan.port, null)).answering, false, 'plain HTTP on 127.0.0.1 is not where it runs');
    await lan.close();
    assert.equal((await probeCompanion(lan.port, listen)).answering, false, 'stopped: nothing answers');
  });
});
