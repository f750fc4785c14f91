/**
 * Validation issues in the ERP's words: the sentence first, naming the ERP's own item or customer
 * (with a link to it when the ERP has one), then the fix where that ERP sets the field; the INV-01
 * path and the IRP code stay as details for support.
 */
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import { pathParts, type ErpLink } from '@irn-bridge/shared/erps/page-ui';
import { rupeesInText } from '../lib/format';
import { h } from './dom';

/** What the panel knows of the ERP's names for this invoice. */
export interface ErpNames {
  /** The ERP's name as the clerk knows it ("ERPNext"). */
  erp: string;
  lines: ErpLink[];
  customer: ErpLink | null;
  fixFor(path: string, code: string): string | null;
}

/** The validator names a line "Item 1 (Sl. No. 1, HSN 09103920)"; the mapping "Item 1 (TURMERIC-1KG)". */
const LINE_NAME = /^Item (\d+)(?: \([^)]*\))?/;

export interface IssueText {
  sentence: string;
  fix: string;
  link: ErpLink | null;
  /** The IRP's own words, for support: path, code and the validator's hint when the ERP fix replaced it. */
  details: string;
}

export function issueText(i: ValidationIssue, names: ErpNames | null): IssueText {
  const { section, line } = pathParts(i.path);
  let link: ErpLink | null = null;
  let sentence = i.message;
  if (names && section === 'ItemList' && line !== null && names.lines[line]) {
    link = names.lines[line];
    sentence = sentence.replace(LINE_NAME, `${link.label} (row ${line + 1})`);
  } else if (names && (section === 'BuyerDtls' || section === 'ShipDtls')) {
    link = names.customer;
  }
  // The module wrote ERP_MAPPING hints in its ERP's words already; the validator's speak INV-01.
  const erpFix = i.code === 'ERP_MAPPING' ? null : names?.fixFor(i.path, i.code) ?? null;
  const fix = erpFix ?? i.hint ?? '';
  const details = [`${i.path} · ${i.code === 'ERP_MAPPING' ? 'read from the ERP' : `IRP code ${i.code}`}`, erpFix && i.hint ? `IRP's fix: ${rupeesInText(i.hint)}` : '']
    .filter(Boolean).join(' — ');
  return { sentence: rupeesInText(sentence), fix: rupeesInText(fix), link, details };
}

export function issuesView(doc: Document, issues: ValidationIssue[], names: ErpNames | null = null): HTMLElement {
  return h(doc, 'ul', { class: 'issues', testid: 'irn-issues' }, ...issues.map((i) => {
    const t = issueText(i, names);
    return h(doc, 'li', { class: `issue ${i.severity}`, testid: 'irn-issue', 'data-path': i.path, 'data-code': i.code, 'data-severity': i.severity },
      h(doc, 'div', { testid: 'irn-issue-message' }, t.sentence),
      t.fix ? h(doc, 'div', { class: 'hint', testid: 'irn-issue-fix' }, t.fix) : null,
      t.link?.href ? h(doc, 'a', { href: t.link.href, target: '_blank', rel: 'noopener', testid: 'irn-issue-link' }, `Open ${t.link.label} in ${names?.erp ?? 'the ERP'}`) : null,
      h(doc, 'div', { class: 'path', testid: 'irn-issue-details' }, t.details));
  }));
}
