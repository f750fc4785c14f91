/**
 * ERPNext UOM → the IRP's unit code, in India Compliance's order (gst_india/utils/__init__.py
 * `get_gst_uom`): the user's own map in GST Settings first ("BAG (Bags)" → BAG), then a UOM that is
 * itself a code ("NOS"), then one spelled as a code's name ("NUMBERS"). Where India Compliance stops at
 * OTH, the project also knows common spellings ("Kg" → KGS): a deliberate difference.
 */
import { unitCode } from '../util';
import type { ErpnextUomMapRow } from './records';

/** India Compliance's UOM_MAP (gst_india/constants/__init__.py): code → name. */
const UOM_NAMES: Record<string, string> = {
  BAG: 'BAGS', BAL: 'BALE', BDL: 'BUNDLES', BKL: 'BUCKLES', BOU: 'BILLION OF UNITS', BOX: 'BOX', BTL: 'BOTTLES', BUN: 'BUNCHES',
  CAN: 'CANS', CBM: 'CUBIC METERS', CCM: 'CUBIC CENTIMETERS', CMS: 'CENTIMETERS', CTN: 'CARTONS', DOZ: 'DOZENS', DRM: 'DRUMS',
  GGK: 'GREAT GROSS', GMS: 'GRAMMES', GRS: 'GROSS', GYD: 'GROSS YARDS', KGS: 'KILOGRAMS', KLR: 'KILOLITRE', KME: 'KILOMETRE',
  LTR: 'LITRES', MLT: 'MILILITRE', MTR: 'METERS', MTS: 'METRIC TON', NOS: 'NUMBERS', OTH: 'OTHERS', PAC: 'PACKS', PCS: 'PIECES',
  PRS: 'PAIRS', QTL: 'QUINTAL', ROL: 'ROLLS', SET: 'SETS', SQF: 'SQUARE FEET', SQM: 'SQUARE METERS', SQY: 'SQUARE YARDS',
  TBS: 'TABLETS', TGM: 'TEN GROSS', THD: 'THOUSANDS', TON: 'TONNES', TUB: 'TUBES', UGS: 'US GALLONS', UNT: 'UNITS', YDS: 'YARDS',
};

export function gstUnit(uom: string, userMap: readonly ErpnextUomMapRow[]): string {
  const mapped = userMap.find((r) => r.uom === uom);
  if (mapped?.gst_uom) return String(mapped.gst_uom).split('(')[0].trim();
  const upper = uom.toUpperCase();
  if (upper in UOM_NAMES) return upper;
  const byName = Object.keys(UOM_NAMES).find((k) => UOM_NAMES[k] === upper);
  return byName ?? unitCode(uom) ?? 'OTH';
}
