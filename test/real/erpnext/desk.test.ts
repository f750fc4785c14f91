/**
 * The built extension in Chromium against the real ERPNext 15 desk, logged in as an ordinary Accounts
 * User: open a submitted Sales Invoice, Generate IRN, confirm; then E-way bill on it; on a second
 * invoice Generate then Cancel. What the extension recorded is read back from the server, and the
 * print view (IRN Bridge's print format) shows the IRN, Ack No/Date and the QR, or that it is cancelled.
 * One browser for the whole file. The desk is opened as http://localhost:8010 (the e2e build grants
 * localhost; 127.0.0.1 is where the companion lives).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../e2e/support/browser';
import { startTestCompanion, type TestCompanion } from '../../e2e/support/companion';
import { expect, textOf } from '../../e2e/support/expect';
import { readyBrowser } from '../../e2e/support/flows';
import { findRealErp } from '../support/real-erp';
import { CASES, createInvoices } from './cases';
import { attachmentJson, comments, printView, printedQr, textOfHtml, waitFor, waitForLog } from './readback';
import { startRun, type RealRun } from './run';
import { ACCOUNTS_USER, PRINT_FORMAT } from './site';

const found = await findRealErp('erpnext15');
const skip = 'skip' in found ? found.skip : false;
const GOODS = CASES.filter((c) => c.id === 'inter-two-items');

describe('ERPNext 15 desk + India Compliance, the built extension, an Accounts User', { skip }, () => {
  let run: RealRun;
  let companion: TestCompanion;
  let b: ExtensionBrowser;
  let origin: string;
  const newInvoice = async () => (await createInvoices(run.user, run.masters, run.taxes, GOODS))['inter-two-items'];

  before(async () => {
    if ('skip' in found) return;
    run = await startRun(found.url);
    origin = found.url.replace('127.0.0.1', 'localhost');
    companion = await startTestCompanion();
    b = await launchExtensionBrowser();
    await readyBrowser(b, companion, origin);
    const login = await b.context.request.post(`${origin}/api/method/login`, { form: { usr: ACCOUNTS_USER.usr, pwd: ACCOUNTS_USER.pwd } });
    assert.equal(login.status(), 200, 'the Accounts User logs in to the desk');
  });
  after(async () => {
    await b?.close();
    await companion?.close();
  });

  async function openInvoice(name: string): Promise<Page> {
    const page = await b.context.newPage();
    await page.goto(`${origin}/app/sales-invoice/${encodeURIComponent(name)}`);
    await expect(page.getByTestId('irn-generate'), 60_000);
    return page;
  }

  async function generate(page: Page, name: string): Promise<string> {
    await page.getByTestId('irn-generate').click();
    await expect(page.getByTestId('irn-preview'));
    assert.match(await textOf(page.getByTestId('irn-doc')), new RegExp(name));
    assert.equal(await page.getByTestId('irn-confirm').isEnabled(), true, 'no blocking issue on a real India Compliance invoice');
    await page.getByTestId('irn-confirm').click();
    const irn = await textOf(page.getByTestId('irn-irn'), 60_000);
    const wb = await expect(page.getByTestId('irn-writeback'), 60_000);
    assert.equal(await wb.getAttribute('data-ok'), 'true', await wb.textContent() ?? '');
    assert.equal(await wb.getAttribute('data-method'), 'india-compliance');
    return irn;
  }

  test('Generate IRN, then E-way bill: recorded in ERPNext, printed with IRN, Ack No/Date, QR and EWB No', async () => {
    const name = await newInvoice();
    const page = await openInvoice(name);
    try {
      const irn = await generate(page, name);
      const ackNo = await textOf(page.getByTestId('irn-ack-no'));
      const ackDt = await textOf(page.getByTestId('irn-ack-date'));

      await page.getByTestId('irn-ewb-open').click();
      await page.getByTestId('irn-ewb-distance').fill('0');
      await page.getByTestId('irn-ewb-vehno').fill('KA01AB1234');
      await page.getByTestId('irn-ewb-confirm').click();
      const ewbNo = await textOf(page.getByTestId('irn-ewb-no'), 60_000);

      const inv = await run.user.get<Record<string, unknown>>('Sales Invoice', name);
      assert.equal(inv.irn, irn);
      assert.equal(inv.einvoice_status, 'Manually Generated');
      const log = await waitForLog<Record<string, unknown>>(run.user, 'e-Invoice Log', irn, (l) => Boolean(l.acknowledgement_number));
      assert.equal(log.acknowledgement_number, ackNo);
      assert.equal(String(log.acknowledged_on).slice(0, 19), ackDt);
      const file = await attachmentJson(run.user, name, /^e-invoice-[0-9a-f]{64}\.json$/);
      assert.equal(file?.Irn, irn);
      assert.ok(String(file?.SignedQRCode ?? '').split('.').length === 3, 'the signed QR (a JWS) is attached');
      await waitForLog<Record<string, unknown>>(run.user, 'Sales Invoice', name, (i) => i.ewaybill === ewbNo);

      const html = await printView(run.user, name, PRINT_FORMAT);
      const text = textOfHtml(html);
      for (const v of [irn, ackNo, ackDt, ewbNo]) assert.ok(text.includes(v), `the print shows ${v}`);
      assert.ok(!/Not Permitted/.test(text));
      assert.ok(printedQr(html)?.subarray(1, 4).toString() === 'PNG', 'the print carries the QR');
    } finally {
      await page.close();
    }
  });

  test('Generate IRN, then Cancel: the cancellation is recorded on the invoice and it prints as cancelled', async () => {
    const name = await newInvoice();
    const page = await openInvoice(name);
    try {
      const irn = await generate(page, name);
      await page.getByTestId('irn-cancel-open').click();
      await page.getByTestId('irn-cancel-reason').selectOption('2');
      await page.getByTestId('irn-cancel-remark').fill('Wrong rate entered');
      await page.getByTestId('irn-cancel-confirm').click();
      await expect(page.getByTestId('irn-cancelled'), 60_000);

      // An Accounts User may not cancel a Sales Invoice in ERPNext 15: the cancellation is attached and
      // noted on the timeline for an Accounts Manager (writeback.test.ts covers the manager's full cancel).
      const file = await waitFor(() => attachmentJson(run.user, name, /^e-invoice-[0-9a-f]{64}-cancelled\.json$/));
      assert.equal(file.Irn, irn);
      assert.equal(file.Status, 'CNL');
      // record() attaches first, then tries the cancel (403 for this user), then comments: wait for the comment as for the file.
      const note = await waitFor(async () => (await comments(run.user, name)).find((c) => c.content.includes(irn) && /Accounts Manager/.test(c.content)));
      assert.ok(note, 'noted on the timeline');
      const text = textOfHtml(await printView(run.user, name, PRINT_FORMAT));
      assert.ok(/e-Invoice CANCELLED on/.test(text), 'the print says the e-invoice is cancelled');
      assert.ok(text.includes(irn));
    } finally {
      await page.close();
    }
  });
});
