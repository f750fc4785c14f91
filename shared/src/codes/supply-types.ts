/** INV-01 `TranDtls.SupTyp` values. The IRP compares them case-insensitively. */
export const SUPPLY_TYPES = Object.freeze({
  B2B: 'Business to business',
  SEZWP: 'Supply to SEZ with payment of tax',
  SEZWOP: 'Supply to SEZ without payment of tax',
  EXPWP: 'Export with payment of tax',
  EXPWOP: 'Export without payment of tax',
  DEXP: 'Deemed export',
} as const);

export type SupplyType = keyof typeof SUPPLY_TYPES;

/** The canonical (upper-case) supply type, or null when unknown. */
export function normalizeSupplyType(s: string): SupplyType | null {
  if (typeof s !== 'string') return null;
  const u = s.toUpperCase();
  return Object.prototype.hasOwnProperty.call(SUPPLY_TYPES, u) ? (u as SupplyType) : null;
}

/** Exports: the buyer may be unregistered (URP) and the place of supply is 96. */
export function isExportSupply(s: string): boolean {
  const t = normalizeSupplyType(s);
  return t === 'EXPWP' || t === 'EXPWOP';
}
