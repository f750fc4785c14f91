/** Pieces both fake ERPs share: fixture loading, the write log, sessions, HTML escaping. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The project's own fixtures, never ../shared: `erpnext/…` and `odoo/…` are the ERP modules' (shared/src/erps/<erp>/fixtures). */
export function loadFixture<T = unknown>(relativePath: string): T {
  const [erp, ...rest] = relativePath.split('/');
  return JSON.parse(readFileSync(new URL(`../../shared/src/erps/${erp}/fixtures/${rest.join('/')}`, import.meta.url), 'utf8')) as T;
}

/** One write the fake accepted, in the order it arrived. Tests and the demo read these. */
export interface RecordedWrite {
  erp: 'erpnext' | 'odoo';
  /**
   * ERPNext: `mark_e_invoice_as_generated` (India Compliance), `update` (PUT on the document),
   * `comment` (POST Comment). Odoo: `message_post`.
   */
  kind: 'mark_e_invoice_as_generated' | 'update' | 'comment' | 'message_post';
  /** ERPNext doctype, or Odoo model. */
  doctype: string;
  /** ERPNext document name, or Odoo record id as a string. */
  name: string;
  /** What was written: the fields set, the comment, or the message_post kwargs. */
  values: Record<string, unknown>;
  /** The logged-in user who wrote it. */
  user: string;
  at: string;
}

export const randomToken = (bytes = 16) => randomBytes(bytes).toString('hex');

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON for an inline <script>: `</script>` and friends cannot end the element early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export const clone = <T>(v: T): T => structuredClone(v);
