/**
 * validateInvoice: everything the IRP would reject that can be checked without its live masters,
 * reported per field with the IRP's own error code where one exists.
 *
 * Unknown keys are reported as SCHEMA *warnings*: the IRP's behaviour on extra keys is not
 * documented and blocking a clerk on a harmless extra field would be worse than letting the IRP
 * decide. Keys are matched case-insensitively, as the IRP does.
 */
import type { ValidationIssue } from './issue';
import { IssueCollector } from './collector';
import { normalizeInvoiceKeys } from './normalize';
import { INV01_SCHEMA } from './schema';
import { checkSchema } from './validate-schema';
import { checkRules } from './validate-rules';

export interface ValidateOptions {
  /** Accept NIC's sandbox test GSTINs, which fail the checksum (sandbox and demo profiles only). */
  allowSandboxGstins?: boolean;
  /** The current instant, for "date not in the future" (default: now). */
  now?: Date;
  /** Check HSN codes against the HSN/SAC master (default true). */
  checkHsn?: boolean;
  /** Most items accepted (default 1000, the IRP's limit; NIC can raise it on request). */
  maxItems?: number;
}

/** Validates an INV-01 invoice. Never throws: any input gives a list of issues (empty when valid). */
export function validateInvoice(invoice: unknown, options: ValidateOptions = {}): ValidationIssue[] {
  const c = new IssueCollector();
  try {
    const maxItems = Number.isInteger(options.maxItems) && (options.maxItems as number) > 0 ? (options.maxItems as number) : 1000;
    const now = options.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date();
    const normalized = normalizeInvoiceKeys(invoice);
    checkSchema(normalized, INV01_SCHEMA, c, { maxItems });
    checkRules(normalized, c, {
      allowSandboxGstins: options.allowSandboxGstins === true,
      now,
      checkHsn: options.checkHsn !== false,
      maxItems,
    });
  } catch (e) {
    // Only reachable with hostile inputs (e.g. a Proxy or a getter that throws); report, never crash.
    c.add('', 'INTERNAL', 'The invoice could not be checked.', `Send plain JSON data. (${e instanceof Error ? e.name : 'error'})`);
  }
  return c.finish();
}

/** True when any issue blocks generation (severity error). */
export function hasBlockingIssues(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
