/** Decrypted `Data` shapes of the IRP endpoints, with NIC's field names. */
import type { CancelReason } from '@irn-bridge/shared/codes/cancel-reasons';

/** Generate IRN, get by IRN, get by document details. */
export interface IrnResponseData {
  /** 15-digit acknowledgement number (a JSON number). */
  AckNo: number;
  /** IST `yyyy-MM-dd HH:mm:ss`. */
  AckDt: string;
  Irn: string;
  /** RS256 compact JWS of the registered invoice. */
  SignedInvoice: string;
  /** RS256 compact JWS of the QR payload. */
  SignedQRCode: string;
  /** "ACT" or "CNL"; only on the get calls, may be absent on generate. */
  Status?: string;
  EwbNo: number | null;
  EwbDt: string | null;
  EwbValidTill: string | null;
  Remarks: string | null;
}

export interface GstinDetailsData {
  Gstin: string;
  TradeName: string | null;
  LegalName: string | null;
  AddrBnm: string | null;
  AddrBno: string | null;
  AddrFlno: string | null;
  AddrSt: string | null;
  AddrLoc: string | null;
  StateCode: number | null;
  AddrPncd: number | null;
  TxpType: string | null;
  /** ACT, CNL, INA or PRO. */
  Status: string | null;
  /** "B" = e-way bill generation blocked; "U" or null = not blocked. */
  BlkStatus: string | null;
  DtReg: string | null;
  DtDReg: string | null;
}

/** IRN cancel reasons: the domain's list (shared/src/codes/cancel-reasons.ts). */
export type { CancelReason };

export interface CancelIrnRequest {
  irn: string;
  /** As text or as a number: NIC accepts both. */
  reason: CancelReason | 1 | 2 | 3 | 4;
  /** Up to CANCEL_REMARK_MAX (100) characters. */
  remark: string;
}

export interface CancelIrnData {
  Irn: string;
  /** IST `yyyy-MM-dd HH:mm:ss`. */
  CancelDate: string;
}

export interface EwbAddress {
  Addr1?: string;
  Addr2?: string;
  Loc?: string;
  Pin?: number;
  Stcd?: string;
}

/** Generate e-way bill by IRN. */
export interface EwbByIrnRequest {
  Irn: string;
  Distance: number;
  TransMode?: '1' | '2' | '3' | '4' | string;
  TransId?: string;
  TransName?: string;
  TransDocDt?: string;
  TransDocNo?: string;
  VehNo?: string;
  /** R regular, O over-dimensional cargo. */
  VehType?: 'R' | 'O' | string;
  ExpShipDtls?: EwbAddress;
  DispDtls?: EwbAddress & { Nm?: string };
}

export interface EwbData {
  EwbNo: number;
  EwbDt: string;
  /** Null when only Part A was generated (transporter id, no vehicle). */
  EwbValidTill: string | null;
  Remarks: string | null;
}

/** Cancel e-way bill (NIC's sandbox-only CANEWB, ../shared/irp-spec.md §1 row 10): e-way bill numbering of reasons. */
export interface CancelEwbRequest {
  ewbNo: number;
  /** 1 duplicate, 2 order cancelled, 3 data entry mistake, 4 others. */
  reason: '1' | '2' | '3' | '4';
  /** Up to 50 characters. */
  remark: string;
}

export interface CancelEwbData {
  ewayBillNo: string;
  /** `dd/MM/yyyy hh:mm:ss AM`. */
  cancelDate: string;
}

export interface EwbDetailsData {
  EwbNo: number;
  /** "ACT" or "CNL". */
  Status: string;
  GenGstin: string;
  EwbDt: string;
  EwbValidTill: string | null;
}

/** The outcome of any successful IRP call. */
export interface IrpResult<T> {
  /** Decrypted (or plain) Data. */
  data: T;
  /** InfoDtls as sent (e.g. EWBPPD, EWBERR), or null. */
  info: unknown[] | null;
  /** The raw response envelope (Data still encrypted). */
  raw: unknown;
  status: number;
}

/** NIC's authentication response Data (plain, not encrypted). */
export interface AuthResponseData {
  ClientId: string;
  UserName: string;
  AuthToken: string;
  /** Session key encrypted with the AppKey, base64. */
  Sek: string;
  TokenExpiry: string;
}
