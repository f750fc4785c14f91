/** What `irn-bridge doctor` reports: one plain sentence per check, and how to fix it when it is wrong. */
export type FindingStatus = 'ok' | 'warn' | 'fail';

export interface Finding {
  /** A stable name for scripts (--json): node, home, file-mode, ledger, port, extension, profile, clock, service. */
  check: string;
  status: FindingStatus;
  message: string;
  hint?: string;
  /** Facts a script may want (paths, port, pid, profile name); never a secret. */
  facts?: Record<string, string | number | boolean | null>;
}

export const ok = (check: string, message: string, facts?: Finding['facts']): Finding => ({ check, status: 'ok', message, ...(facts ? { facts } : {}) });
export const warn = (check: string, message: string, hint?: string, facts?: Finding['facts']): Finding =>
  ({ check, status: 'warn', message, ...(hint ? { hint } : {}), ...(facts ? { facts } : {}) });
export const fail = (check: string, message: string, hint?: string, facts?: Finding['facts']): Finding =>
  ({ check, status: 'fail', message, ...(hint ? { hint } : {}), ...(facts ? { facts } : {}) });
