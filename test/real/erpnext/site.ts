/**
 * What an administrator sets up once on the real ERPNext (as Administrator, through the REST API) and
 * what the tests then create as an ordinary user would. Idempotent: runs again and again on one site.
 * - GST Settings: e-invoicing on from the start of the financial year (it saves without API
 *   credentials), reverse charge in sales and overseas transactions on, and one row of the user's own UOM map.
 * - A Sales Invoice naming series short enough for GST (India Compliance refuses names over 16 characters).
 * - An ordinary Accounts User (no System Manager), who creates and submits the invoices and runs the
 *   write-back tests, and an Accounts Manager, the role ERPNext requires to cancel an invoice.
 * - IRN Bridge's print format (shared/src/erps/erpnext/print/), as the admin installs it once.
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrappeClient } from './frappe-client';

export const COMPANY = process.env.ERP_COMPANY ?? 'Aruna Spice Works Private Limited';
export const ABBR = process.env.ERP_ABBR ?? 'ASW';
export const SERIES = 'IRB-.YY.-.#####';
export const ACCOUNTS_USER = { usr: 'irn.bridge.accounts@example.com', pwd: 'Irn-Bridge-Accounts-2026!', first_name: 'IRN Bridge Accounts', role: 'Accounts User' };
/** ERPNext 15 lets only an Accounts Manager cancel a Sales Invoice (and so India Compliance's e-Invoice cancel). */
export const ACCOUNTS_MANAGER = { usr: 'irn.bridge.manager@example.com', pwd: 'Irn-Bridge-Manager-2026!', first_name: 'IRN Bridge Manager', role: 'Accounts Manager' };
/** A unit only the user's own map knows: India Compliance (and the project) must read GST Settings to send BAG. */
export const MAPPED_UOM = { uom: 'IRNB Sack', gst_uom: 'BAG (Bags)' };
export const PRINT_FORMAT = 'IRN Bridge e-Invoice';
const PRINT_HTML = new URL('../../../shared/src/erps/erpnext/print/irn-bridge-e-invoice.html', import.meta.url);

/** The test files run in parallel: one process at a time checks and creates the site's setup. */
async function withSetupLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'irn-bridge-erpnext15-setup.lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      if (i > 600) throw new Error(`The site setup lock ${lock} is held for too long.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function prepareSite(admin: FrappeClient): Promise<void> {
  return withSetupLock(() => setUp(admin));
}

async function setUp(admin: FrappeClient): Promise<void> {
  await ensureCompanyAddress(admin);
  await ensureUsdDebtors(admin);
  await ensureGstSettings(admin);
  await ensureNamingSeries(admin);
  for (const u of [ACCOUNTS_USER, ACCOUNTS_MANAGER]) await ensureUser(admin, u);
  await ensurePrintFormat(admin);
}

/** The setup wizard makes no company address; the e-invoice's seller details come from it. */
export const COMPANY_ADDRESS = 'Aruna Spice Works Bengaluru';
async function ensureCompanyAddress(admin: FrappeClient): Promise<void> {
  if ((await admin.list('Address', [['address_title', '=', COMPANY_ADDRESS]])).length) return;
  await admin.insert({
    doctype: 'Address', address_title: COMPANY_ADDRESS, address_type: 'Billing', address_line1: 'No. 14, 2nd Cross, Peenya Industrial Area',
    address_line2: 'Phase 2', city: 'Bengaluru', state: 'Karnataka', pincode: '560058', country: 'India', gstin: '29AAHCA4821K1ZH',
    gst_category: 'Registered Regular', is_your_company_address: 1, is_primary_address: 1, links: [{ link_doctype: 'Company', link_name: COMPANY }],
  });
}

/** An export customer billed in USD needs a receivable account in USD (ERPNext: party account currency = invoice currency). */
export const USD_DEBTORS = `Debtors USD - ${ABBR}`;
async function ensureUsdDebtors(admin: FrappeClient): Promise<void> {
  if ((await admin.list('Account', [['name', '=', USD_DEBTORS]])).length) return;
  await admin.insert({
    doctype: 'Account', account_name: 'Debtors USD', parent_account: `Accounts Receivable - ${ABBR}`, company: COMPANY,
    account_type: 'Receivable', account_currency: 'USD',
  });
}

async function ensureGstSettings(admin: FrappeClient): Promise<void> {
  if (!(await admin.list('UOM', [['name', '=', MAPPED_UOM.uom]])).length) {
    await admin.insert({ doctype: 'UOM', uom_name: MAPPED_UOM.uom, must_be_whole_number: 0 });
  }
  const s = await admin.get<Record<string, unknown> & { gst_uom_map?: Array<Record<string, unknown>> }>('GST Settings', 'GST Settings');
  const map = s.gst_uom_map ?? [];
  const flags = { enable_e_invoice: 1, enable_reverse_charge_in_sales: 1, enable_overseas_transactions: 1 };
  const wanted = {
    ...flags,
    e_invoice_applicable_from: '2026-04-01',
    gst_uom_map: map.some((r) => r.uom === MAPPED_UOM.uom) ? map : [...map, { uom: MAPPED_UOM.uom, gst_uom: MAPPED_UOM.gst_uom }],
  };
  const same = Object.entries(flags).every(([k, v]) => s[k] === v) && s.e_invoice_applicable_from === wanted.e_invoice_applicable_from && wanted.gst_uom_map === map;
  if (!same) await admin.update('GST Settings', 'GST Settings', wanted);
}

async function ensureNamingSeries(admin: FrappeClient): Promise<void> {
  const options = await admin.call<string | { options?: string }>('frappe.core.doctype.document_naming_settings.document_naming_settings.get_options', { doctype: 'Sales Invoice' }).catch(() => '');
  const text = typeof options === 'string' ? options : options?.options ?? '';
  if (text.split('\n').includes(SERIES)) return;
  const current = await admin.list<{ name: string; value: string }>('Property Setter', [['doc_type', '=', 'Sales Invoice'], ['field_name', '=', 'naming_series'], ['property', '=', 'options']], ['name', 'value']);
  const value = [...new Set([...(current[0]?.value ?? text ?? '').split('\n').filter(Boolean), SERIES])].join('\n');
  if (current[0]) await admin.update('Property Setter', current[0].name, { value });
  else {
    await admin.insert({
      doctype: 'Property Setter', doctype_or_field: 'DocField', doc_type: 'Sales Invoice', field_name: 'naming_series',
      property: 'options', property_type: 'Text', value,
    });
  }
}

async function ensureUser(admin: FrappeClient, u: typeof ACCOUNTS_USER): Promise<void> {
  if ((await admin.list('User', [['name', '=', u.usr]])).length) return;
  await admin.insert({ doctype: 'User', email: u.usr, first_name: u.first_name, send_welcome_email: 0, new_password: u.pwd, roles: [{ role: u.role }] });
}

async function ensurePrintFormat(admin: FrappeClient): Promise<void> {
  const html = readFileSync(PRINT_HTML, 'utf8');
  const doc = { doc_type: 'Sales Invoice', module: 'Accounts', standard: 'No', custom_format: 1, print_format_type: 'Jinja', html, disabled: 0 };
  const found = await admin.list<{ name: string }>('Print Format', [['name', '=', PRINT_FORMAT]]);
  if (found.length) await admin.update('Print Format', PRINT_FORMAT, doc);
  else await admin.insert({ doctype: 'Print Format', name: PRINT_FORMAT, ...doc });
}
