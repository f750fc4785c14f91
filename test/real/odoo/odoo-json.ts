/**
 * Odoo's own e-invoice JSON for posted moves, from the real 17.0 code: `odoo-bin shell` runs
 * `account.edi.format._l10n_in_edi_generate_invoice_json(move)` (addons/l10n_in_edi/models/account_edi_format.py)
 * for every move in ONE process start (each start costs seconds), prints one JSON line, and rolls back.
 * It needs the Odoo source on this machine (ODOO_HOME, as ../shared/odoo17/setup.sh installs it).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ODOO_HOME = process.env.ODOO_HOME ?? '/opt/irn-odoo17';
const ODOO_DATA = process.env.ODOO_DATA ?? `${ODOO_HOME}-data`;
const ODOO_DB = process.env.ODOO_DB ?? 'irn_odoo17';
const MARK = 'IRN_BRIDGE_ODOO_JSON=';

export interface OdooGenerated {
  /** What Odoo would send to the IRP, or null when it raised. */
  json: Record<string, unknown> | null;
  /** `_check_move_configuration`: what Odoo itself would refuse to send. */
  configErrors: string[];
  /** The exception Odoo raised while generating, if any. */
  raised: string | null;
}

// Negative lines: Odoo folds them into discounts only with this parameter set (l10n_in_edi account_move.py
// `_l10n_in_edi_is_managing_invoice_negative_lines_allowed`); without it, it refuses them. Set inside the
// rolled-back transaction, so the server's settings are untouched.
const SCRIPT = (ids: number[]) => `
import json, traceback
env['ir.config_parameter'].sudo().set_param('l10n_in_edi.manage_invoice_negative_lines', 'True')
fmt = env['account.edi.format'].search([('code', '=', 'in_einvoice_1_03')], limit=1)
out = {}
for move in env['account.move'].browse(${JSON.stringify(ids)}):
    row = {'json': None, 'configErrors': [], 'raised': None}
    try:
        row['configErrors'] = [str(e) for e in fmt._check_move_configuration(move)]
    except Exception as e:
        row['configErrors'] = [str(e)]
    try:
        row['json'] = fmt._l10n_in_edi_generate_invoice_json(move)
    except Exception:
        row['raised'] = traceback.format_exc(limit=3)
    out[str(move.id)] = row
print(${JSON.stringify(MARK)} + json.dumps(out, default=str))
env.cr.rollback()
`;

export function odooGeneratedJson(ids: number[]): Promise<Map<number, OdooGenerated>> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [
      join(ODOO_HOME, 'odoo-bin'), 'shell', '-c', join(ODOO_DATA, 'odoo.conf'), '-d', ODOO_DB, '--no-http', '--logfile=/dev/null',
    ], { cwd: ODOO_HOME, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(MARK));
      if (!line) return reject(new Error(`odoo-bin shell (exit ${code}) printed no JSON:\n${stderr.slice(-2000)}${stdout.slice(-2000)}`));
      const parsed = JSON.parse(line.slice(MARK.length)) as Record<string, OdooGenerated>;
      resolve(new Map(Object.entries(parsed).map(([id, row]) => [Number(id), row])));
    });
    child.stdin.end(SCRIPT(ids));
  });
}
