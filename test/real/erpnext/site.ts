/**
 * What an administrator sets up once on the real ERPNext (as Administrator, through the REST API) and
 * what the tests then create as an ordinary user would. Idempotent: runs again and again on one site.
 * - GST Settings: e-invoicing on from the start of the financial year (it saves without API
 *   credentials), reverse charge in sales on, and one row of the user's own UOM map.
 * - A Sales Invoice naming series short enough for GST (India Compliance refuses names over 16 characters).
 * - An ordinary Accounts User (no System Manager), who creates and submits the invoices and runs the
 *   write-back tests.
 * - IRN Bridge's print format (shared/src/erps/erpnext/print/), as the admin installs it once.
 */
import { readFileSync } from 'node:fs';
import { FrappeClient } from './frappe-client';

export const COMPANY = process.env.ERP_COMPANY ?? 'Aruna Spice Works Private Limited';
export const ABBR = process.env.ERP_ABBR ?? 'ASW';
export const SERIES = 'IRB-.YY.-.#####';
export const ACCOUNTS_USER = { usr: 'irn.bridge.accounts@example.com', pwd: 'Irn-Bridge-Accounts-2026!', first_name: 'IRN Bridge Accounts' };
/** A unit only the user's own map knows: India Compliance (and the project) must read GST Settings to send BAG. */
export const MAPPED_UOM = { uom: 'IRNB Sack', gst_uom: 'BAG (Bags)' };
export const PRINT_FORMAT = 'IRN Bridge e-Invoice';
const PRINT_HTML = new URL('../../../shared/src/erps/erpnext/print/irn-bridge-e-invoice.html', import.meta.url);

export async function prepareSite(admin: FrappeClient): Promise<void> {
  await ensureGstSettings(admin);
  await ensureNamingSeries(admin);
  await ensureAccountsUser(admin);
  await ensurePrintFormat(admin);
}

async function ensureGstSettings(admin: FrappeClient): Promise<void> {
  if (!(await admin.list('UOM', [['name', '=', MAPPED_UOM.uom]])).length) {
    await admin.insert({ doctype: 'UOM', uom_name: MAPPED_UOM.uom, must_be_whole_number: 0 });
  }
  const s = await admin.get<Record<string, unknown> & { gst_uom_map?: Array<Record<string, unknown>> }>('GST Settings', 'GST Settings');
  const map = s.gst_uom_map ?? [];
  const wanted = {
    enable_e_invoice: 1,
    e_invoice_applicable_from: '2026-04-01',
    enable_reverse_charge_in_sales: 1,
    gst_uom_map: map.some((r) => r.uom === MAPPED_UOM.uom) ? map : [...map, { uom: MAPPED_UOM.uom, gst_uom: MAPPED_UOM.gst_uom }],
  };
  if (s.enable_e_invoice !== 1 || s.e_invoice_applicable_from !== wanted.e_invoice_applicable_from || s.enable_reverse_charge_in_sales !== 1 || wanted.gst_uom_map !== map) {
    await admin.update('GST Settings', 'GST Settings', wanted);
  }
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

async function ensureAccountsUser(admin: FrappeClient): Promise<void> {
  const found = await admin.list('User', [['name', '=', ACCOUNTS_USER.usr]]);
  if (!found.length) {
    await admin.insert({
      doctype: 'User', email: ACCOUNTS_USER.usr, first_name: ACCOUNTS_USER.first_name, send_welcome_email: 0,
      new_password: ACCOUNTS_USER.pwd, roles: [{ role: 'Accounts User' }],
    });
  }
}

async function ensurePrintFormat(admin: FrappeClient): Promise<void> {
  const html = readFileSync(PRINT_HTML, 'utf8');
  const doc = { doc_type: 'Sales Invoice', module: 'Accounts', standard: 'No', custom_format: 1, print_format_type: 'Jinja', html, disabled: 0 };
  const found = await admin.list<{ name: string }>('Print Format', [['name', '=', PRINT_FORMAT]]);
  if (found.length) await admin.update('Print Format', PRINT_FORMAT, doc);
  else await admin.insert({ doctype: 'Print Format', name: PRINT_FORMAT, ...doc });
}
