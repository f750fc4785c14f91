/**
 * INV-01 (schema Version "1.1"): the e-invoice JSON the IRP accepts on `POST /eicore/v1.03/Invoice`.
 * Field names are the IRP's own spelling. Optional fields may be omitted; a few may be null where the
 * IRP itself sends or accepts null (e.g. `EcmGstin`).
 */

/** `dd/mm/yyyy` */
export type DocDateString = string;
/** `"Y"` or `"N"` */
export type YesNo = 'Y' | 'N';
export type Inv01SupplyType = 'B2B' | 'SEZWP' | 'SEZWOP' | 'EXPWP' | 'EXPWOP' | 'DEXP';
export type Inv01DocType = 'INV' | 'CRN' | 'DBN';

export interface Inv01TranDtls {
  /** Always "GST". */
  TaxSch: string;
  /** One of {@link Inv01SupplyType}; the IRP compares it case-insensitively. */
  SupTyp: Inv01SupplyType | string;
  /** Reverse charge. */
  RegRev?: YesNo;
  /** GSTIN of the e-commerce operator, when one collects tax at source. */
  EcmGstin?: string | null;
  /** IGST charged on an intra-state supply (e.g. supplies to SEZ-like situations). */
  IgstOnIntra?: YesNo;
}

export interface Inv01DocDtls {
  /** INV, CRN or DBN (case-insensitive). */
  Typ: Inv01DocType | string;
  /** Document number, 1–16 characters, `[A-Za-z1-9][A-Za-z0-9/-]{0,15}`. */
  No: string;
  Dt: DocDateString;
}

/** Seller (supplier) details. */
export interface Inv01Party {
  Gstin: string;
  LglNm: string;
  TrdNm?: string;
  Addr1: string;
  Addr2?: string;
  Loc: string;
  Pin: number;
  /** State code, "1"–"99" (a leading zero is optional). */
  Stcd: string;
  Ph?: string;
  Em?: string;
}
export type Inv01SellerDtls = Inv01Party;

export interface Inv01Buyer {
  /** GSTIN, or "URP" (unregistered person) for exports. */
  Gstin: string;
  LglNm: string;
  TrdNm?: string;
  /** Place of supply (state code; "96" for a place outside India). */
  Pos: string;
  Addr1: string;
  Addr2?: string;
  Loc: string;
  Pin?: number;
  Stcd: string;
  Ph?: string;
  Em?: string;
}
export type Inv01BuyerDtls = Inv01Buyer;

/** Where the goods are dispatched from, when not the seller's address. */
export interface Inv01DispDtls {
  Nm: string;
  Addr1: string;
  Addr2?: string;
  Loc: string;
  Pin: number;
  Stcd: string;
}

/** Where the goods are shipped to, when not the buyer's address. */
export interface Inv01ShipDtls {
  Gstin?: string;
  LglNm: string;
  TrdNm?: string;
  Addr1: string;
  Addr2?: string;
  Loc: string;
  Pin: number;
  Stcd: string;
}

export interface Inv01BchDtls {
  Nm: string;
  ExpDt?: DocDateString;
  WrDt?: DocDateString;
}

export interface Inv01AttribDtls {
  Nm?: string;
  Val?: string;
}

export interface Inv01Item {
  /** Serial number, digits, unique within the invoice. */
  SlNo: string;
  PrdDesc?: string;
  /** "Y" for a service (SAC code), "N" for goods. */
  IsServc: YesNo;
  HsnCd: string;
  Barcde?: string;
  Qty?: number;
  FreeQty?: number;
  /** Unit quantity code (UQC), e.g. NOS, KGS. */
  Unit?: string;
  UnitPrice: number;
  /** Qty × UnitPrice. */
  TotAmt: number;
  Discount?: number;
  PreTaxVal?: number;
  /** Taxable value: TotAmt − Discount. */
  AssAmt: number;
  /** Combined GST rate in percent, e.g. 18 (not split into CGST/SGST halves). */
  GstRt: number;
  IgstAmt?: number;
  CgstAmt?: number;
  SgstAmt?: number;
  CesRt?: number;
  CesAmt?: number;
  CesNonAdvlAmt?: number;
  StateCesRt?: number;
  StateCesAmt?: number;
  StateCesNonAdvlAmt?: number;
  OthChrg?: number;
  /** AssAmt + all taxes and cesses + OthChrg. */
  TotItemVal: number;
  OrdLineRef?: string;
  OrgCntry?: string;
  PrdSlNo?: string;
  BchDtls?: Inv01BchDtls;
  AttribDtls?: Inv01AttribDtls[];
}

export interface Inv01ValDtls {
  AssVal: number;
  CgstVal?: number;
  SgstVal?: number;
  IgstVal?: number;
  CesVal?: number;
  StCesVal?: number;
  Discount?: number;
  OthChrg?: number;
  RndOffAmt?: number;
  TotInvVal: number;
  TotInvValFc?: number;
}

export interface Inv01PayDtls {
  Nm?: string;
  AccDet?: string;
  Mode?: string;
  FinInsBr?: string;
  PayTerm?: string;
  PayInstr?: string;
  CrTrn?: string;
  DirDr?: string;
  CrDay?: number;
  PaidAmt?: number;
  PaymtDue?: number;
}

export interface Inv01DocPerdDtls {
  InvStDt: DocDateString;
  InvEndDt: DocDateString;
}

/** The original invoice a credit or debit note refers to. */
export interface Inv01PrecDocDtls {
  InvNo: string;
  InvDt: DocDateString;
  OthRefNo?: string;
}

export interface Inv01ContrDtls {
  RecAdvRefr?: string;
  RecAdvDt?: DocDateString;
  TendRefr?: string;
  ContrRefr?: string;
  ExtRefr?: string;
  ProjRefr?: string;
  PORefr?: string;
  PORefDt?: DocDateString;
}

export interface Inv01RefDtls {
  InvRm?: string;
  DocPerdDtls?: Inv01DocPerdDtls;
  PrecDocDtls?: Inv01PrecDocDtls[];
  ContrDtls?: Inv01ContrDtls[];
}

export interface Inv01AddlDocDtls {
  Url?: string;
  Docs?: string;
  Info?: string;
}

export interface Inv01ExpDtls {
  ShipBNo?: string;
  ShipBDt?: DocDateString;
  Port?: string;
  RefClm?: YesNo;
  ForCur?: string;
  CntCode?: string;
  ExpDuty?: number;
}

/** Transport details, when the e-way bill is requested together with the IRN. */
export interface Inv01EwbDtls {
  TransId?: string;
  TransName?: string;
  /** "1" Road, "2" Rail, "3" Air, "4" Ship. */
  TransMode?: '1' | '2' | '3' | '4' | string;
  /** Kilometres, 0–4000; 0 lets the IRP compute it from the PIN codes. */
  Distance: number;
  TransDocNo?: string;
  TransDocDt?: DocDateString;
  VehNo?: string;
  /** "R" regular, "O" over-dimensional cargo. */
  VehType?: 'R' | 'O' | string;
}

export interface Inv01Invoice {
  Version: string;
  /** Never send: the IRP computes it. */
  Irn?: string;
  TranDtls: Inv01TranDtls;
  DocDtls: Inv01DocDtls;
  SellerDtls: Inv01Party;
  BuyerDtls: Inv01Buyer;
  DispDtls?: Inv01DispDtls;
  ShipDtls?: Inv01ShipDtls;
  ItemList: Inv01Item[];
  ValDtls: Inv01ValDtls;
  PayDtls?: Inv01PayDtls;
  RefDtls?: Inv01RefDtls;
  AddlDocDtls?: Inv01AddlDocDtls[];
  ExpDtls?: Inv01ExpDtls;
  EwbDtls?: Inv01EwbDtls;
}
