import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from './demo';
import { ODOO_MOVES, odooInvoicePath } from '../fake-erp/odoo';

test('the demo serves both fake ERPs and a pairable companion, logs write-backs, and closes', async () => {
  const home = mkdtempSync(join(tmpdir(), 'irn-demo-'));
  const lines: string[] = [];
  const demo = await startDemo({ erpnextPort: 0, odooPort: 0, companionPort: 0, home, log: (l) => lines.push(l) });
  const local = (url: string) => url.replace('localhost', '127.0.0.1');
  try {
    assert.equal(demo.companionError, null);
    assert.ok(demo.companion);
    const guide = demo.guide();
    assert.ok(guide.includes(`${demo.erpnext.url}/app/sales-invoice/ASW-26-00042`));
    assert.ok(guide.includes(`${demo.odoo.url}${odooInvoicePath(ODOO_MOVES.posted)}`));
    assert.ok(guide.includes(demo.companion.pairingCode!.code));

    // The one-click login in the guide leads to the invoice page.
    const loginUrl = /one-click login: (http:\/\/localhost:\d+\/login\?\S+)/.exec(guide)?.[1];
    assert.ok(loginUrl);
    const login = await fetch(local(loginUrl), { redirect: 'manual' });
    assert.equal(login.status, 302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await fetch(`${local(demo.erpnext.url)}${login.headers.get('location')}`, { headers: { cookie } });
    assert.match(await page.text(), /cur_frm = \{ doctype: 'Sales Invoice', docname: "ASW-26-00042"/);

    // The printed pairing code pairs with the running companion.
    const paired = await fetch(`${demo.companion.url}/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: demo.companion.pairingCode!.code, client: 'demo test' }),
    });
    assert.equal(paired.status, 200, await paired.clone().text());
    assert.ok((await paired.json()).apiKey);

    // Write-backs are reported.
    const csrf = /frappe\.csrf_token = "([0-9a-f]+)"/.exec(await (await fetch(`${local(demo.erpnext.url)}/app/sales-invoice/ASW-26-00043`, { headers: { cookie } })).text())?.[1];
    const res = await fetch(`${local(demo.erpnext.url)}/api/resource/Comment`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'X-Frappe-CSRF-Token': csrf ?? '' },
      body: JSON.stringify({ reference_doctype: 'Sales Invoice', reference_name: 'ASW-26-00043', content: 'IRN: x' }),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(lines, ['[erpnext] write-back on Sales Invoice ASW-26-00043: comment']);
  } finally {
    await demo.close();
    rmSync(home, { recursive: true, force: true });
  }
  await assert.rejects(fetch(`${local(demo.erpnext.url)}/login`));
});
