/** Gathers validation issues, with a cap so a pathological invoice cannot produce an endless report. */
import type { ValidationIssue } from './issue';

export const MAX_ISSUES = 500;

export class IssueCollector {
  readonly issues: ValidationIssue[] = [];
  private dropped = 0;

  add(path: string, code: string, message: string, hint: string, severity: 'error' | 'warning' = 'error'): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.dropped++;
      return;
    }
    this.issues.push({ path, code, message, hint, severity });
  }

  warn(path: string, code: string, message: string, hint: string): void {
    this.add(path, code, message, hint, 'warning');
  }

  /** True when an error (not a warning) was recorded at `path` or below it. */
  hasErrorAt(path: string): boolean {
    return this.issues.some(
      (i) => i.severity === 'error' && (i.path === path || i.path.startsWith(path + '.') || i.path.startsWith(path + '[')),
    );
  }

  finish(): ValidationIssue[] {
    if (this.dropped > 0) {
      // An error, so a report cut short never reads as "only warnings".
      this.issues.push({
        path: '',
        code: 'TOO_MANY_ISSUES',
        message: `${this.dropped} more problems were found and are not listed.`,
        hint: 'Fix the problems listed first, then validate again.',
        severity: 'error',
      });
    }
    return this.issues;
  }
}

/** Formats an amount for a message. */
export function money(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : String(n);
}
