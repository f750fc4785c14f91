/** The panel's preview check, answered by the background: the same issues `validateInvoice` gives. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateInvoice } from '@irn-bridge/shared/invoice/validate';
import { makeInvoice } from '../../companion/test/support/invoices';
import { validateForPanel } from './validate';

const errors = (issues: { severity: string }[]) => issues.filter((i) => i.severity === 'error');

test('a valid invoice: no errors', () => {
  assert.deepEqual(errors(validateForPanel({ invoice: makeInvoice() })), []);
});

test('an unknown HSN code is reported on the item, from the HSN master the page no longer carries', () => {
  const invoice = makeInvoice();
  invoice.ItemList[0].HsnCd = '98765432';
  const issues = errors(validateForPanel({ invoice }));
  assert.ok(issues.some((i) => (i as { path?: string }).path === 'ItemList[0].HsnCd'), JSON.stringify(issues));
  assert.deepEqual(validateForPanel({ invoice }), validateInvoice(invoice, { allowSandboxGstins: false }));
});

test('sandbox GSTINs are accepted only when the panel says the profile is a test system', () => {
  const invoice = makeInvoice({ buyerGstin: '29AWGPV7107B1Z1' });
  assert.deepEqual(validateForPanel({ invoice, allowSandboxGstins: true }), validateInvoice(invoice, { allowSandboxGstins: true }));
  assert.deepEqual(validateForPanel({ invoice }), validateInvoice(invoice, { allowSandboxGstins: false }));
});

test('anything that is not an invoice gives issues, never a throw', () => {
  assert.ok(errors(validateForPanel({ invoice: 'not an invoice' })).length > 0);
});
