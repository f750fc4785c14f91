/**
 * The fake ERPNext's whitelisted methods (`POST /api/method/<dotted.path>`), answering as the real
 * frappe 15 / India Compliance 15.25.6 do (see erpnext.ts): India Compliance's mark-as methods,
 * `frappe.client.cancel` and the desk's `add_comment`. The caller checks the session, the CSRF token
 * and the variant (India Compliance's methods exist only when it is installed).
 */
import type { Context } from 'hono';
import type { ErpnextSalesInvoice } from '@irn-bridge/shared/erps/erpnext/records';
import { clone, randomToken } from './common';
import type { ErpnextWrite } from './erpnext';
import { frappeError } from './frappe-http';

export const IC = 'india_compliance.gst_india.utils';
export const MARK_E_INVOICE_METHOD = `${IC}.e_invoice.mark_e_invoice_as_generated`;

type Write = Omit<ErpnextWrite, 'erp' | 'at'>;
export type MethodHandler = (c: Context, user: string, args: Record<string, unknown>) => Response | Promise<Response>;

export function erpnextMethods(deps: {
  invoices: Map<string, ErpnextSalesInvoice>;
  comments: Array<Record<string, unknown>>;
  docOf(doctype: string, name: string): Record<string, unknown> | undefined;
  record(w: Write): void;
}): Record<string, MethodHandler> {
  const { invoices, comments, docOf } = deps;
  const { record } = deps;
  const now = () => new Date().toISOString().replace('T', ' ').replace('Z', '');
  const invoiceArg = (args: Record<string, unknown>, key = 'docname') =>
    (String(args.doctype ?? 'Sales Invoice') === 'Sales Invoice' ? invoices.get(String(args[key] ?? args.name ?? '')) : undefined);
  const jsonArg = (v: unknown): Record<string, unknown> => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : ((v as Record<string, unknown>) ?? {}));

  return {
    [MARK_E_INVOICE_METHOD]: (c, user, args) => {
      const inv = invoiceArg(args);
      if (!inv) return frappeError(c, 404, 'DoesNotExistError', `Sales Invoice ${args.docname} not found`);
      const values = jsonArg(args.values);
      if (!values.irn) return frappeError(c, 417, 'ValidationError', 'IRN is required');
      Object.assign(inv, { irn: String(values.irn), einvoice_status: 'Manually Generated', modified: now() });
      record({ kind: 'mark_e_invoice_as_generated', doctype: 'Sales Invoice', name: inv.name, values: { irn: values.irn, ack_no: values.ack_no ?? null, ack_dt: values.ack_dt ?? null }, user });
      // India Compliance answers through send_updated_doc: the saved document in `docs`.
      return c.json({ docs: [clone(inv)] });
    },
    [`${IC}.e_invoice.mark_e_invoice_as_cancelled`]: (c, user, args) => {
      const inv = invoiceArg(args);
      if (!inv) return frappeError(c, 404, 'DoesNotExistError', `Sales Invoice ${args.docname} not found`);
      // India Compliance does nothing unless ERPNext has cancelled the invoice first.
      if (inv.docstatus !== 2) return c.json({});
      const values = jsonArg(args.values);
      Object.assign(inv, { irn: '', einvoice_status: 'Manually Cancelled', modified: now() });
      record({ kind: 'mark_e_invoice_as_cancelled', doctype: 'Sales Invoice', name: inv.name, values, user });
      return c.json({ docs: [clone(inv)] });
    },
    [`${IC}.e_waybill.mark_e_waybill_as_generated`]: (c, user, args) => {
      const inv = invoiceArg(args);
      if (!inv) return frappeError(c, 404, 'DoesNotExistError', `Sales Invoice ${args.docname} not found`);
      const values = jsonArg(args.values);
      if (!/^\d{12}$/.test(String(values.ewaybill ?? '').replace(/ /g, ''))) return frappeError(c, 417, 'ValidationError', 'e-Waybill Number should be 12 characters long');
      Object.assign(inv, { ewaybill: String(values.ewaybill), e_waybill_status: 'Manually Generated', modified: now() });
      record({ kind: 'mark_e_waybill_as_generated', doctype: 'Sales Invoice', name: inv.name, values, user });
      return c.json({ docs: [clone(inv)] });
    },
    // India Compliance 15 e_waybill.py: load_doc(..., "cancel"), then the e-way bill is cleared from the invoice and logged as cancelled.
    [`${IC}.e_waybill.mark_e_waybill_as_cancelled`]: (c, user, args) => {
      const inv = invoiceArg(args);
      if (!inv) return frappeError(c, 404, 'DoesNotExistError', `Sales Invoice ${args.docname} not found`);
      const values = jsonArg(args.values);
      Object.assign(inv, { ewaybill: '', e_waybill_status: 'Manually Cancelled', modified: now() });
      record({ kind: 'mark_e_waybill_as_cancelled', doctype: 'Sales Invoice', name: inv.name, values, user });
      return c.json({ docs: [clone(inv)] });
    },
    'frappe.client.cancel': (c, user, args) => {
      const inv = invoiceArg(args, 'name');
      if (!inv) return frappeError(c, 404, 'DoesNotExistError', `${args.doctype} ${args.name} not found`);
      if (inv.docstatus !== 1) return frappeError(c, 417, 'ValidationError', 'Cannot cancel before submitting. See Transition 1 to 2');
      Object.assign(inv, { docstatus: 2, modified: now() });
      record({ kind: 'cancel', doctype: 'Sales Invoice', name: inv.name, values: {}, user });
      return c.json({ message: clone(inv) });
    },
    'frappe.desk.form.utils.add_comment': (c, user, args) => {
      for (const k of ['reference_doctype', 'reference_name', 'content', 'comment_email', 'comment_by']) {
        if (args[k] === undefined) return frappeError(c, 417, 'ValidationError', `add_comment() missing 1 required positional argument: '${k}'`);
      }
      const refType = String(args.reference_doctype);
      const refName = String(args.reference_name);
      if (!docOf(refType, refName)) return frappeError(c, 404, 'DoesNotExistError', `${refType} ${refName} not found`);
      const comment = {
        name: randomToken(5), doctype: 'Comment', comment_type: 'Comment', reference_doctype: refType, reference_name: refName,
        content: String(args.content), comment_email: String(args.comment_email), comment_by: String(args.comment_by), owner: user, creation: now(),
      };
      comments.push(comment);
      record({ kind: 'comment', doctype: refType, name: refName, values: { comment_type: 'Comment', content: comment.content }, user });
      return c.json({ message: comment });
    },
  };
}
