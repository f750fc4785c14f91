/** Small readers shared by the business-rule checks: they never throw, whatever the input holds. */
import type { IssueCollector } from './collector';

export interface RuleOptions {
  allowSandboxGstins: boolean;
  now: Date;
  checkHsn: boolean;
  maxItems: number;
}

export interface RuleContext {
  c: IssueCollector;
  o: RuleOptions;
  /** A field is usable by a rule only if the schema found no error there. */
  ok: (path: string) => boolean;
}

/** The IRP's tolerance on computed amounts, in rupees. */
export const AMOUNT_TOLERANCE = 1;

export type Rec = Record<string, unknown>;

export const rec = (v: unknown): Rec | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;

export const field = (o: Rec | undefined, k: string): unknown =>
  o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

export const str = (o: Rec | undefined, k: string): string | undefined => {
  const v = field(o, k);
  return typeof v === 'string' ? v : undefined;
};

export const num = (o: Rec | undefined, k: string): number | undefined => {
  const v = field(o, k);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** True when two amounts differ by more than the tolerance. */
export const off = (a: number, b: number): boolean => Math.abs(a - b) > AMOUNT_TOLERANCE;
