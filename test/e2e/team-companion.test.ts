/**
 * Team mode from a clerk's browser (issue 10): the extension set in Options to a shared companion
 * over HTTPS with the personal key an administrator made, no pairing code, generating an IRN on
 * the fake ERPNext that the ledger records under the clerk's name.
 *
 * The companion listens on 127.0.0.2, a loopback address that is not 127.0.0.1: the browser really
 * goes to another origin over TLS (the extension's 127.0.0.1 permission does not cover it; the e2e
 * build pre-grants https://127.0.0.2/*, extension/scripts/build-e2e.mjs), while the companion still
 * counts it as this computer, so no LAN interface is needed. Chromium trusts the self-signed
 * certificate by its public key (--ignore-certificate-errors-spki-list), as it would an installed one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCompanion, type RunningCompanion } from '@irn-bridge/companion/server';
import { silentLogger } from '@irn-bridge/companion/logger';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl, type FakeErpnext } from '../fake-erp/erpnext';
import { EXTENSION_DIR, launchExtensionBrowser, type ExtensionBrowser } from './support/browser';
import { serveSite, type ServedSite } from './support/erp-sites';
import { expect, textOf } from './support/expect';
import { enableSiteViaOptions } from './support/flows';
import type { Page } from 'playwright-core';

let home = '';
let running: RunningCompanion;
let clerkKey = '';
let erp: FakeErpnext;
let site: ServedSite;
let b: ExtensionBrowser;
let options: Page;

before(async () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  if (!manifest.host_permissions?.includes('https://127.0.0.2/*')) {
    throw new Error('The e2e build predates team mode (no https://127.0.0.2/* permission): rebuild it with npx -y pnpm@12.4.2 --filter @irn-bridge/extension build:e2e');
  }
  home = mkdtempSync(join(tmpdir(), 'irn-e2e-team-'));
  running = await startCompanion({ home, port: 0, host: '127.0.0.2', tls: { selfSigned: true }, log: silentLogger, reconcileOnStart: false });
  // As `irn-bridge keys create --user Asha --role clerk` does.
  clerkKey = (await running.companion.ctx.keys.issue('irn-bridge keys create (Asha)', null, { role: 'clerk', userName: 'Asha' })).apiKey;
  erp = createFakeErpnext({ variant: 'india-compliance' });
  site = await serveSite(erp.app);
  const spki = createHash('sha256').update(new X509Certificate(running.tls!.cert).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  b = await launchExtensionBrowser({ args: [`--ignore-certificate-errors-spki-list=${spki}`] });
  options = await b.openExtensionPage('options.html');
  await options.getByTestId('options-status').filter({ hasNotText: 'Checking the companion' }).waitFor({ timeout: 15_000 });
  await options.getByTestId('options-companion-shared').check();
});
after(async () => {
  await b?.close();
  await site?.close();
  await running?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

async function connect(url: string, key: string): Promise<string> {
  await options.getByTestId('options-shared-url').fill(url);
  await options.getByTestId('options-shared-key').fill(key);
  const before = await options.getByTestId('options-shared-message').textContent();
  await options.getByTestId('options-shared-connect').click();
  await options.waitForFunction((was) => document.querySelector('[data-testid="options-shared-message"]')?.textContent !== was, before, { timeout: 15_000 });
  return textOf(options.getByTestId('options-shared-message'));
}

describe('team mode: a clerk\'s browser on the shared companion', () => {
  const httpsUrl = () => `https://127.0.0.2:${running.port}`;

  test('plain http:// to another computer is refused before anything is sent', async () => {
    assert.match(await connect(`http://192.168.1.20:${running.port}`, clerkKey), /plain http:\/\/.*your key would cross the office network/);
    assert.equal((await options.evaluate(() => (globalThis as any).chrome.storage.local.get('irnBridge')) as { irnBridge?: { sharedUrl?: string } }).irnBridge?.sharedUrl ?? null, null);
  });

  test('a key the companion does not know is refused, naming the address and what to ask for', async () => {
    const said = await connect(httpsUrl(), 'irnb_not-a-key-the-admin-made');
    assert.match(said, /does not accept this key/);
    assert.match(said, /irn-bridge keys create/);
  });

  test('the administrator\'s key: accepted, the person and role shown, the certificate fingerprint to confirm, no pairing code', async () => {
    assert.match(await connect(httpsUrl(), clerkKey), new RegExp(`Connected to the shared companion at ${httpsUrl().replace(/\./g, '\\.')}`));
    assert.match(await textOf(options.getByTestId('options-shared-who')), /knows this key as Asha \(clerk\)/);
    assert.ok((await textOf(options.getByTestId('options-shared-fingerprint'))).includes(running.tls!.fingerprint), 'the fingerprint the companion printed');
    await expect(options.getByTestId('options-status').filter({ hasText: 'your key is accepted' }));
    await expect(options.getByTestId('options-pairing-shared'));
    assert.equal(await options.getByTestId('options-shared-key').inputValue(), '', 'the key is not left on screen');
    const popup = await b.openExtensionPage('popup.html');
    assert.match(await textOf(popup.getByTestId('popup-status-message').filter({ hasText: 'Shared companion' })), new RegExp(`at ${httpsUrl().replace(/\./g, '\\.')}, as Asha\\.$`));
    await popup.close();
  });

  test('an IRN generated on the ERP page goes through the shared companion, and its ledger row names the clerk', async () => {
    await enableSiteViaOptions(options, site.origin);
    const page = await b.context.newPage();
    await page.goto(erpnextLoginUrl(site.origin, erpnextInvoicePath('ASW-26-00042')));
    await page.getByTestId('irn-generate').click();
    await page.getByTestId('irn-confirm').click();
    const irn = await textOf(page.getByTestId('irn-irn'));
    assert.match(irn, /^[0-9a-f]{64}$/);
    const row = running.companion.ctx.db!.prepare('SELECT doc_no, state, created_by FROM einvoices WHERE irn = ?').get(irn) as
      { doc_no: string; state: string; created_by: string | null } | undefined;
    assert.deepEqual(row, { doc_no: 'ASW-26-00042', state: 'generated', created_by: 'Asha' });
    await page.close();
  });

  test('a browser that does not trust the certificate is told so, with what the administrator must do', async () => {
    const untrusting = await launchExtensionBrowser();
    try {
      const o = await untrusting.openExtensionPage('options.html');
      await o.getByTestId('options-companion-shared').check();
      await o.getByTestId('options-shared-url').fill(httpsUrl());
      await o.getByTestId('options-shared-key').fill(clerkKey);
      await o.getByTestId('options-shared-connect').click();
      const said = await textOf(o.getByTestId('options-shared-message').filter({ hasText: 'does not answer' }));
      assert.match(said, /does not trust its certificate/);
      assert.match(said, /administrator must install the companion's certificate/);
      assert.equal(said.includes(clerkKey), false, 'the key is never shown');
    } finally {
      await untrusting.close();
    }
  });
});
