/**
 * The panel's preview check, run here and not in the page: `validateInvoice` brings the HSN/SAC
 * master and the INV-01 schema, which would make the content script several times larger (every
 * ERP page pays for it). Same rule, same issues: the panel only shows what this returns.
 */
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import { validateInvoice } from '@irn-bridge/shared/invoice/validate';
import type { Protocol } from '../lib/messages';

export function validateForPanel(req: Protocol['invoice.validate']['req']): ValidationIssue[] {
  return validateInvoice(req.invoice, { allowSandboxGstins: req.allowSandboxGstins === true });
}
