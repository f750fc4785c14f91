/** The field-by-field comparison lives beside the Odoo module, so its fixture tests use the same rules. */
export { compareWithOdoo, formatDiffs, type Deliberate, type FieldDiff } from '@irn-bridge/shared/erps/odoo/odoo-json-diff';
