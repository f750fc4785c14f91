/** Starts the demo: fake ERPNext, fake Odoo and the companion, and writes the newcomer's guide. */
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl, FAKE_ERPNEXT_LOGIN, type ErpnextVariant, type FakeErpnext } from '../fake-erp/erpnext';
import { createFakeOdoo, FAKE_ODOO_LOGIN, ODOO_MOVES, odooInvoicePath, odooLegacyInvoicePath, type FakeOdoo } from '../fake-erp/odoo';
import type { RecordedWrite } from '../fake-erp/common';
import { checkoutCommand, startDemoCompanion, type DemoCompanion } from './companion';
import { serveApp, type Served } from './serve';

export interface DemoOptions {
  erpnextPort: number;
  odooPort: number;
  companionPort: number;
  /** Companion home (profiles, ledger, offline IRP keys). */
  home: string;
  erpnextVariant?: ErpnextVariant;
  /** false: only the fake ERPs (for tests of the demo itself). */
  companion?: boolean;
  /** Where write-backs and companion problems are reported. */
  log?: (line: string) => void;
}

export interface RunningDemo {
  erpnext: FakeErpnext & { url: string };
  odoo: FakeOdoo & { url: string };
  companion: DemoCompanion | null;
  /** Why the companion did not start, when it did not. */
  companionError: string | null;
  guide(): string;
  close(): Promise<void>;
}

function describeWrite(w: RecordedWrite): string {
  const what = w.kind === 'message_post' ? 'chatter note' : w.kind === 'comment' ? 'comment' : w.kind === 'update' ? 'fields' : 'India Compliance e-invoice';
  const irn = typeof w.values.irn === 'string' ? ` IRN ${w.values.irn.slice(0, 12)}…` : '';
  return `[${w.erp}] write-back on ${w.doctype} ${w.name}: ${what}${irn}`;
}

export async function startDemo(opts: DemoOptions): Promise<RunningDemo> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const onWrite = (w: RecordedWrite) => log(describeWrite(w));
  const erpnext = createFakeErpnext({ variant: opts.erpnextVariant ?? 'india-compliance', onWrite });
  const odoo = createFakeOdoo({ onWrite });
  const started: Served[] = [];
  let companion: DemoCompanion | null = null;
  let companionError: string | null = null;
  try {
    const e = await serveApp(erpnext.app.fetch, opts.erpnextPort);
    started.push(e);
    const o = await serveApp(odoo.app.fetch, opts.odooPort);
    started.push(o);
    if (opts.companion !== false) {
      try {
        companion = await startDemoCompanion({ home: opts.home, port: opts.companionPort });
      } catch (err) {
        companionError = err instanceof Error ? err.message : String(err);
      }
    }
    const demo: RunningDemo = {
      erpnext: Object.assign(erpnext, { url: `http://localhost:${e.port}` }),
      odoo: Object.assign(odoo, { url: `http://localhost:${o.port}` }),
      companion,
      companionError,
      guide: () => guide(demo, opts),
      async close() {
        await Promise.allSettled([...started.map((s) => s.close()), companion?.close()]);
      },
    };
    return demo;
  } catch (err) {
    await Promise.allSettled(started.map((s) => s.close()));
    throw err;
  }
}

function guide(d: RunningDemo, opts: DemoOptions): string {
  const e = d.erpnext.url;
  const o = d.odoo.url;
  const erpLogin = (path: string) => erpnextLoginUrl(e, path);
  const lines = [
    'IRN Bridge demo — fake ERPs, the companion and the offline IRP (nothing leaves this machine)',
    '',
    `Fake ERPNext (${d.erpnext.variant}) at ${e}   login: ${FAKE_ERPNEXT_LOGIN.usr} / ${FAKE_ERPNEXT_LOGIN.pwd}`,
    `  ASW-26-00042  interstate, IGST              ${e}${erpnextInvoicePath('ASW-26-00042')}`,
    `  ASW-26-00043  intrastate, CGST+SGST+service  ${e}${erpnextInvoicePath('ASW-26-00043')}`,
    `  ASW-26-00051  credit note against 00042      ${e}${erpnextInvoicePath('ASW-26-00051')}`,
    `  ASW-26-00052  debit note against 00043       ${e}${erpnextInvoicePath('ASW-26-00052')}`,
    `  ASW-26-00099  invalid (bad HSN, wrong total) ${e}${erpnextInvoicePath('ASW-26-00099')}`,
    `  ASW-26-00044  draft: no Generate IRN button  ${e}${erpnextInvoicePath('ASW-26-00044')}`,
    `  ASW-26-00045  goods only: try the e-way bill ${e}${erpnextInvoicePath('ASW-26-00045')}`,
    `  one-click login: ${erpLogin(erpnextInvoicePath('ASW-26-00042'))}`,
    '',
    `Fake Odoo 17 at ${o}   login: ${FAKE_ODOO_LOGIN.login} / ${FAKE_ODOO_LOGIN.password}`,
    `  INV/2026/00017   posted invoice   ${o}${odooInvoicePath(ODOO_MOVES.posted)}`,
    `                   (older URL form) ${o}${odooLegacyInvoicePath(ODOO_MOVES.posted)}`,
    `  RINV/2026/00003  credit note      ${o}${odooInvoicePath(ODOO_MOVES.creditNote)}`,
    `  draft            not posted       ${o}${odooInvoicePath(ODOO_MOVES.draft)}`,
    `  one-click login: ${o}/web/login?login=${FAKE_ODOO_LOGIN.login}&password=${FAKE_ODOO_LOGIN.password}&redirect=${encodeURIComponent(odooInvoicePath(ODOO_MOVES.posted))}`,
    '',
  ];
  if (d.companion) {
    const { url, port, pairingCode } = d.companion;
    lines.push(
      `Companion at ${url} — home ${opts.home}, port ${port}. DEMO profile on the embedded offline IRP.`,
      '',
      'Pair the extension:',
      '  1. Build it: npx -y pnpm@12.4.2 build, then load extension/.output/chrome-mv3 as an unpacked extension (chrome://extensions, Developer mode).',
      `  2. Open its Options page, set the companion address to ${url} and enter the pairing code` +
        (pairingCode ? `: ${pairingCode.code} (for the companion on port ${port} with home ${opts.home}; one use, expires ${new Date(pairingCode.expiresAt).toLocaleTimeString()})` : '.'),
      `  3. A new code any time: ${checkoutCommand('pair', opts.home, null)}`,
      `     The same companion later without the demo: ${checkoutCommand('start', opts.home, port)}`,
      '  4. Enable the extension on the ERP sites above (Options → Sites), open an invoice and click "Generate IRN".',
    );
  } else if (d.companionError) {
    lines.push(`The companion did not start: ${d.companionError}`,
      `The fake ERPs run anyway. If a companion already runs with home ${opts.home}, pair with a code from: ${checkoutCommand('pair', opts.home, null)}`,
      `Otherwise start one yourself with: ${checkoutCommand('start', opts.home, opts.companionPort || null)}`);
  }
  lines.push('', 'Write-backs to the ERPs are printed below as they happen. Ctrl-C stops everything.');
  return lines.join('\n');
}
