/**
 * Valid INV-01 test invoices for every companion test: Aruna Spice Works (29AAHCA4821K1ZH, Karnataka)
 * selling spices to Rangoli Foods (37AAGCR5310M1Z6, Andhra Pradesh, inter-state, IGST 5%) or, with
 * `intraState`, to Bhima Stores (29AAKCB2045P1Z7, Karnataka, CGST + SGST). Amounts add up exactly.
 */
import { randomBytes } from 'node:crypto';
import { formatIstDocDate } from '@irn-bridge/shared/dates';
import type { Inv01EwbDtls, Inv01Invoice, Inv01Item } from '@irn-bridge/shared/invoice/types';

export const SELLER_GSTIN = '29AAHCA4821K1ZH';
export const BUYER_GSTIN = '37AAGCR5310M1Z6';
export const INTRA_BUYER_GSTIN = '29AAKCB2045P1Z7';

export interface InvoiceOverrides {
  /** Default: a fresh random number like `IB/7K2M9Q4X1Z`, so tests never collide. */
  docNo?: string;
  /** dd/mm/yyyy; default: today in IST (of `now`, if given). */
  docDate?: string;
  docType?: 'INV' | 'CRN' | 'DBN';
  /** Used for the default docDate. */
  now?: Date;
  /** Sell to Bhima Stores in Karnataka (CGST + SGST) instead of Rangoli Foods in Andhra Pradesh (IGST). */
  intraState?: boolean;
  /** Replace the buyer GSTIN (state code and place of supply follow its first two digits). */
  buyerGstin?: string;
  /** Inline e-way bill details. */
  ewb?: Inv01EwbDtls;
  /** Only a service line (SAC 998431), e.g. to test "no e-way bill for services". */
  servicesOnly?: boolean;
}

export function randomDocNo(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `IB/${s}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function item(slNo: string, desc: string, hsn: string, isServc: 'Y' | 'N', qty: number, unitPrice: number, rate: number, intra: boolean): Inv01Item {
  const assAmt = round2(qty * unitPrice);
  const tax = round2((assAmt * rate) / 100);
  const half = round2(tax / 2);
  return {
    SlNo: slNo,
    PrdDesc: desc,
    IsServc: isServc,
    HsnCd: hsn,
    ...(isServc === 'N' ? { Qty: qty, Unit: 'KGS' } : { Qty: qty, Unit: 'OTH' }),
    UnitPrice: unitPrice,
    TotAmt: assAmt,
    Discount: 0,
    AssAmt: assAmt,
    GstRt: rate,
    IgstAmt: intra ? 0 : tax,
    CgstAmt: intra ? half : 0,
    SgstAmt: intra ? half : 0,
    TotItemVal: round2(assAmt + (intra ? 2 * half : tax)),
  } as Inv01Item;
}

/** A valid invoice that the offline IRP (and validateInvoice) accepts. */
export function makeInvoice(o: InvoiceOverrides = {}): Inv01Invoice {
  const buyerGstin = o.buyerGstin ?? (o.intraState ? INTRA_BUYER_GSTIN : BUYER_GSTIN);
  const buyerState = buyerGstin.slice(0, 2);
  const intra = buyerState === '29';
  const docType = o.docType ?? 'INV';
  const docDate = o.docDate ?? formatIstDocDate(o.now ?? new Date());
  const items = o.servicesOnly
    ? [item('1', 'Spice blending consultancy', '998431', 'Y', 1, 5000, 18, intra)]
    : [
        item('1', 'Turmeric Powder 1 kg', '09103020', 'N', 100, 248, 5, intra),
        item('2', 'Kashmiri Saffron 1 g', '09102010', 'N', 10, 500, 5, intra),
      ];
  const sum = (k: keyof Inv01Item) => round2(items.reduce((s, it) => s + Number(it[k] ?? 0), 0));
  const buyer = intra
    ? { LglNm: 'Bhima Stores LLP', Addr1: '88 Residency Road', Loc: 'Bengaluru', Pin: 560025 }
    : buyerGstin === BUYER_GSTIN
      ? { LglNm: 'Rangoli Foods Private Limited', Addr1: 'D.No. 40-5-12, Benz Circle Road', Addr2: 'Labbipet', Loc: 'Vijayawada', Pin: 520010 }
      : { LglNm: 'Test Buyer Private Limited', Addr1: 'Test Street 1', Loc: 'Test City', Pin: 0 };

  const invoice: Inv01Invoice = {
    Version: '1.1',
    TranDtls: { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N', IgstOnIntra: 'N' },
    DocDtls: { Typ: docType, No: o.docNo ?? randomDocNo(), Dt: docDate },
    SellerDtls: {
      Gstin: SELLER_GSTIN,
      LglNm: 'Aruna Spice Works Private Limited',
      TrdNm: 'Aruna Spice Works',
      Addr1: 'No. 14, 2nd Cross, Peenya Industrial Area',
      Addr2: 'Phase 2',
      Loc: 'Bengaluru',
      Pin: 560058,
      Stcd: '29',
      Ph: '9845012345',
      Em: 'accounts@arunaspice.example',
    },
    BuyerDtls: { Gstin: buyerGstin, Pos: buyerState, Stcd: buyerState, ...buyer } as Inv01Invoice['BuyerDtls'],
    ItemList: items,
    ValDtls: {
      AssVal: sum('AssAmt'),
      CgstVal: sum('CgstAmt'),
      SgstVal: sum('SgstAmt'),
      IgstVal: sum('IgstAmt'),
      TotInvVal: sum('TotItemVal'),
    },
  };
  if (buyer.Pin === 0) delete (invoice.BuyerDtls as { Pin?: number }).Pin;
  if (docType !== 'INV') {
    invoice.RefDtls = { PrecDocDtls: [{ InvNo: 'IB/ORIGINAL1', InvDt: docDate }] };
  }
  if (o.ewb) invoice.EwbDtls = o.ewb;
  return invoice;
}
