/**
 * The invoice, normalised and validated once per request at the edge (API route, batch item, CLI
 * file) and passed down typed: generation trusts a CheckedInvoice and never re-checks it.
 */
import type { DocumentKey } from '@irn-bridge/shared/api/contract';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import { allowsSandboxGstins, sellerGstinOf, type ProfileWish } from '@irn-bridge/shared/profiles/choice';
import { documentKeyOf, hasBlockingIssues, normalizeInvoiceKeys, validateInvoice } from '../domain';
import { CompanionError } from '../errors';
import type { ProfileConfig } from '../profiles/types';

const checked = Symbol('checked invoice');

/** An invoice that passed validateInvoice for its profile, with its document key. */
export interface CheckedInvoice {
  readonly [checked]: true;
  readonly invoice: Inv01Invoice;
  readonly key: DocumentKey;
}

export interface InvoiceInspection {
  profile: ProfileConfig;
  invoice: unknown;
  issues: ValidationIssue[];
}

/** Normalises the keys, chooses the profile (named, else the seller's, else the default) and validates for it. */
export function inspectInvoice(raw: unknown, resolve: (wish: ProfileWish) => ProfileConfig, explicit: string | null | undefined, now?: Date): InvoiceInspection {
  const invoice = normalizeInvoiceKeys(raw);
  const profile = resolve({ profile: explicit, sellerGstin: sellerGstinOf(invoice) });
  return { profile, invoice, issues: validateInvoice(invoice, { allowSandboxGstins: allowsSandboxGstins(profile), now }) };
}

/** As inspectInvoice, and refuses an invoice with blocking issues (422 INVALID_INVOICE, nothing sent). */
export function checkInvoice(raw: unknown, resolve: (wish: ProfileWish) => ProfileConfig, explicit: string | null | undefined, now?: Date): { profile: ProfileConfig; checked: CheckedInvoice } {
  const { profile, invoice, issues } = inspectInvoice(raw, resolve, explicit, now);
  if (hasBlockingIssues(issues)) {
    throw new CompanionError('INVALID_INVOICE', 'The invoice has problems the IRP would reject; nothing was sent.', { issues });
  }
  const inv = invoice as Inv01Invoice;
  return { profile, checked: { [checked]: true, invoice: inv, key: documentKeyOf(inv) } };
}
