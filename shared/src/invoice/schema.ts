/**
 * INV-01 v1.1 as data: each section's fields with type, lengths, patterns and ranges. Drives both
 * key normalisation (canonical spellings per level) and the schema part of validateInvoice.
 */

export interface StrSpec {
  t: 'str';
  req?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** What the pattern means, for the hint. */
  patternHint?: string;
  /** Allowed values; compared case-insensitively when `ci`. */
  enum?: readonly string[];
  ci?: boolean;
  /** The IRP forbids double quotes in this field. */
  noDq?: boolean;
  /** `dd/mm/yyyy`. */
  date?: boolean;
  nullable?: boolean;
}
export interface NumSpec {
  t: 'num';
  req?: boolean;
  min?: number;
  max?: number;
}
export interface ObjSpec {
  t: 'obj';
  req?: boolean;
  fields: Readonly<Record<string, FieldSpec>>;
}
export interface ArrSpec {
  t: 'arr';
  req?: boolean;
  of: ObjSpec;
}
export type FieldSpec = StrSpec | NumSpec | ObjSpec | ArrSpec;

const str = (min: number, max: number, extra: Partial<StrSpec> = {}): StrSpec => ({ t: 'str', min, max, ...extra });
const num = (min = 0, max = 9_999_999_999_999.99, extra: Partial<NumSpec> = {}): NumSpec => ({ t: 'num', min, max, ...extra });
const req = <T extends FieldSpec>(f: T): T => ({ ...f, req: true });
const obj = (fields: Record<string, FieldSpec>, extra: Partial<ObjSpec> = {}): ObjSpec => ({ t: 'obj', fields, ...extra });
const arr = (of: ObjSpec, extra: Partial<ArrSpec> = {}): ArrSpec => ({ t: 'arr', of, ...extra });

const YN = ['Y', 'N'] as const;
const date = (): StrSpec => str(10, 10, { date: true });
const name = (min = 3, max = 100) => str(min, max, { noDq: true });
const STCD = /^(?!0+$)([0-9]{1,2})$/;
const stcd = () => req(str(1, 2, { pattern: STCD, patternHint: 'a state code of 1 or 2 digits, e.g. 29' }));
const pin = () => num(100000, 999999);
const GSTIN_OR_URP = /^(([0-9]{2}[0-9A-Z]{13})|URP)$/;

export const DOC_NO_PATTERN = /^([a-zA-Z1-9][a-zA-Z0-9/-]{0,15})$/;

export const TRAN_DTLS = obj({
  TaxSch: req(str(3, 10, { enum: ['GST'], ci: true })),
  SupTyp: req(str(3, 10, { enum: ['B2B', 'SEZWP', 'SEZWOP', 'EXPWP', 'EXPWOP', 'DEXP'], ci: true })),
  RegRev: str(1, 1, { enum: YN }),
  EcmGstin: str(15, 15, { pattern: /^([0-9]{2}[0-9A-Z]{13})$/, patternHint: 'a 15-character GSTIN', nullable: true }),
  IgstOnIntra: str(1, 1, { enum: YN }),
}, { req: true });

export const DOC_DTLS = obj({
  Typ: req(str(3, 3, { enum: ['INV', 'CRN', 'DBN'], ci: true })),
  No: req(str(1, 16, {
    pattern: DOC_NO_PATTERN,
    patternHint: 'letters, digits, / and - only, not starting with 0, / or -',
  })),
  Dt: req(date()),
}, { req: true });

export const SELLER_DTLS = obj({
  Gstin: req(str(15, 15, { pattern: /^[0-9]{2}[0-9A-Z]{13}$/, patternHint: 'a 15-character GSTIN in capitals' })),
  LglNm: req(name()),
  TrdNm: name(),
  Addr1: req(name(1, 100)),
  Addr2: name(),
  Loc: req(name(3, 50)),
  Pin: req(pin()),
  Stcd: stcd(),
  Ph: str(6, 12, { pattern: /^[0-9]+$/, patternHint: 'digits only' }),
  Em: str(6, 100, { pattern: /^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$/, patternHint: 'an e-mail address' }),
}, { req: true });

export const BUYER_DTLS = obj({
  Gstin: req(str(3, 15, { pattern: GSTIN_OR_URP, patternHint: 'a 15-character GSTIN in capitals, or URP' })),
  LglNm: req(name()),
  TrdNm: name(),
  Pos: req(str(1, 2, { pattern: STCD, patternHint: 'a state code of 1 or 2 digits (96 outside India)' })),
  Addr1: req(name(1, 100)),
  Addr2: name(),
  Loc: req(name(3, 100)),
  Pin: pin(),
  Stcd: stcd(),
  Ph: SELLER_DTLS.fields.Ph,
  Em: SELLER_DTLS.fields.Em,
}, { req: true });

export const DISP_DTLS = obj({
  Nm: req(name()),
  Addr1: req(name(1, 100)),
  Addr2: name(),
  Loc: req(name(3, 100)),
  Pin: req(pin()),
  Stcd: stcd(),
});

export const SHIP_DTLS = obj({
  Gstin: str(3, 15, { pattern: GSTIN_OR_URP, patternHint: 'a 15-character GSTIN in capitals, or URP' }),
  LglNm: req(name()),
  TrdNm: name(),
  Addr1: req(name(1, 100)),
  Addr2: name(),
  Loc: req(name(3, 100)),
  Pin: req(pin()),
  Stcd: stcd(),
});

const rate = () => num(0, 999.999);
export const ITEM = obj({
  SlNo: req(str(1, 6, { pattern: /^[0-9]{1,6}$/, patternHint: 'digits only' })),
  PrdDesc: str(3, 300),
  IsServc: req(str(1, 1, { enum: YN })),
  HsnCd: req(str(4, 8, { pattern: /^(?!0+$)([0-9]{4}|[0-9]{6}|[0-9]{8})$/, patternHint: '4, 6 or 8 digits' })),
  Barcde: str(3, 30),
  Qty: num(0, 9_999_999_999.999),
  FreeQty: num(0, 9_999_999_999.999),
  Unit: str(3, 8, { pattern: /^[A-Za-z]{3,8}$/, patternHint: 'a unit code such as NOS or KGS' }),
  UnitPrice: req(num(0, 999_999_999_999.999)),
  TotAmt: req(num(0, 999_999_999_999.99)),
  Discount: num(),
  PreTaxVal: num(),
  AssAmt: req(num()),
  GstRt: req(rate()),
  IgstAmt: num(),
  CgstAmt: num(),
  SgstAmt: num(),
  CesRt: rate(),
  CesAmt: num(),
  CesNonAdvlAmt: num(),
  StateCesRt: rate(),
  StateCesAmt: num(),
  StateCesNonAdvlAmt: num(),
  OthChrg: num(),
  TotItemVal: req(num()),
  OrdLineRef: str(1, 50),
  OrgCntry: str(2, 2, { pattern: /^[A-Za-z]{2}$/, patternHint: 'a 2-letter country code' }),
  PrdSlNo: str(1, 20),
  BchDtls: obj({ Nm: req(str(3, 20)), ExpDt: date(), WrDt: date() }),
  AttribDtls: arr(obj({ Nm: str(1, 100), Val: str(1, 100) })),
});

export const VAL_DTLS = obj({
  AssVal: req(num(0, 99_999_999_999_999.99)),
  CgstVal: num(0, 99_999_999_999_999.99),
  SgstVal: num(0, 99_999_999_999_999.99),
  IgstVal: num(0, 99_999_999_999_999.99),
  CesVal: num(0, 99_999_999_999_999.99),
  StCesVal: num(0, 99_999_999_999_999.99),
  Discount: num(),
  OthChrg: num(),
  RndOffAmt: num(-99.99, 99.99),
  TotInvVal: req(num(0, 99_999_999_999_999.99)),
  TotInvValFc: num(0, 99_999_999_999_999.99),
}, { req: true });

export const PAY_DTLS = obj({
  Nm: str(1, 100),
  AccDet: str(1, 18),
  Mode: str(1, 18),
  FinInsBr: str(1, 11),
  PayTerm: str(1, 100),
  PayInstr: str(1, 100),
  CrTrn: str(1, 100),
  DirDr: str(1, 100),
  CrDay: num(0, 9999),
  PaidAmt: num(),
  PaymtDue: num(),
});

export const REF_DTLS = obj({
  InvRm: str(3, 100),
  DocPerdDtls: obj({ InvStDt: req(date()), InvEndDt: req(date()) }),
  PrecDocDtls: arr(obj({
    InvNo: req(str(1, 16, { pattern: /^[1-9a-zA-Z][0-9a-zA-Z/-]{0,15}$/, patternHint: 'letters, digits, / and - only, not starting with 0' })),
    InvDt: req(date()),
    OthRefNo: str(1, 20),
  })),
  ContrDtls: arr(obj({
    RecAdvRefr: str(1, 20),
    RecAdvDt: date(),
    TendRefr: str(1, 20),
    ContrRefr: str(1, 20),
    ExtRefr: str(1, 20),
    ProjRefr: str(1, 20),
    PORefr: str(1, 16),
    PORefDt: date(),
  })),
});

export const ADDL_DOC_DTLS = arr(obj({ Url: str(3, 100), Docs: str(3, 1000), Info: str(3, 1000) }));

export const EXP_DTLS = obj({
  ShipBNo: str(1, 20),
  ShipBDt: date(),
  Port: str(2, 10),
  RefClm: str(1, 1, { enum: YN }),
  ForCur: str(3, 16),
  CntCode: str(2, 2, { pattern: /^[A-Z]{2}$/, patternHint: 'a 2-letter country code in capitals' }),
  ExpDuty: num(),
});

export const EWB_DTLS = obj({
  TransId: str(15, 15, { pattern: /^[0-9A-Z]{15}$/, patternHint: 'the transporter GSTIN or TRANSIN' }),
  TransName: str(3, 100),
  TransMode: str(1, 1, { enum: ['1', '2', '3', '4'] }),
  Distance: req(num(0, 4000)),
  TransDocNo: str(1, 15, { pattern: /^[a-zA-Z0-9/-]{1,15}$/, patternHint: 'letters, digits, / and - only' }),
  TransDocDt: date(),
  VehNo: str(4, 20, { pattern: /^[a-zA-Z0-9]+$/, patternHint: 'letters and digits only, no spaces' }),
  VehType: str(1, 1, { enum: ['O', 'R'] }),
});

export const INV01_SCHEMA: ObjSpec = obj({
  Version: req(str(1, 6, { enum: ['1.1'] })),
  Irn: str(64, 64),
  TranDtls: TRAN_DTLS,
  DocDtls: DOC_DTLS,
  SellerDtls: SELLER_DTLS,
  BuyerDtls: BUYER_DTLS,
  DispDtls: DISP_DTLS,
  ShipDtls: SHIP_DTLS,
  ItemList: req(arr(ITEM)),
  ValDtls: VAL_DTLS,
  PayDtls: PAY_DTLS,
  RefDtls: REF_DTLS,
  AddlDocDtls: ADDL_DOC_DTLS,
  ExpDtls: EXP_DTLS,
  EwbDtls: EWB_DTLS,
}, { req: true });

/** Human names of the sections, for messages. */
export const SECTION_NAMES: Readonly<Record<string, string>> = {
  TranDtls: 'transaction details',
  DocDtls: 'document details',
  SellerDtls: 'seller details',
  BuyerDtls: 'buyer details',
  DispDtls: 'dispatch-from details',
  ShipDtls: 'ship-to details',
  ItemList: 'items',
  ValDtls: 'invoice totals',
  PayDtls: 'payment details',
  RefDtls: 'reference details',
  AddlDocDtls: 'additional documents',
  ExpDtls: 'export details',
  EwbDtls: 'e-way bill details',
};
