/**
 * The offline IRP's taxpayer master: who may log in and what the GSTIN lookup returns (in the shape of NIC's GSTIN details).
 * NIC's sandbox test GSTINs fail the checksum but are accepted by the real sandbox, so they are here too.
 */
import type { GstinDetailsData } from '../irp/types';

type Row = Partial<GstinDetailsData> & Pick<GstinDetailsData, 'Gstin' | 'LegalName'>;

function tp(r: Row): GstinDetailsData {
  return {
    TradeName: r.LegalName,
    AddrBnm: null,
    AddrBno: null,
    AddrFlno: null,
    AddrSt: null,
    AddrLoc: null,
    StateCode: Number(r.Gstin.slice(0, 2)),
    AddrPncd: null,
    TxpType: 'REG',
    Status: 'ACT',
    BlkStatus: null,
    DtReg: '2017-07-01',
    DtDReg: null,
    ...r,
  };
}

export const TAXPAYERS: readonly GstinDetailsData[] = [
  // The fixture companies (shared/fixtures/erpnext, shared/fixtures/odoo).
  tp({ Gstin: '29AAHCA4821K1ZH', LegalName: 'Aruna Spice Works Private Limited', TradeName: 'Aruna Spice Works', AddrBno: 'No. 14', AddrSt: '2nd Cross, Peenya Industrial Area', AddrBnm: 'Phase 2', AddrLoc: 'Bengaluru', AddrPncd: 560058, TxpType: 'REG', DtReg: '2018-04-12' }),
  tp({ Gstin: '37AAGCR5310M1Z6', LegalName: 'Rangoli Foods Private Limited', TradeName: 'Rangoli Foods', AddrBno: 'D.No. 40-5-12', AddrSt: 'Benz Circle Road', AddrBnm: 'Labbipet', AddrLoc: 'Vijayawada', AddrPncd: 520010, DtReg: '2019-02-01' }),
  tp({ Gstin: '29AAKCB2045P1Z7', LegalName: 'Bhima Stores LLP', TradeName: 'Bhima Stores', AddrBno: '88', AddrSt: 'Residency Road', AddrLoc: 'Bengaluru', AddrPncd: 560025, DtReg: '2020-08-17' }),
  tp({ Gstin: '36AAKCP1187N1ZT', LegalName: 'Deccan Provisions Private Limited', TradeName: 'Deccan Provisions', AddrBno: '8-2-293', AddrSt: 'Road No. 12', AddrBnm: 'Banjara Hills', AddrLoc: 'Hyderabad', AddrPncd: 500034, DtReg: '2018-10-05' }),
  // A record as the NIC sandbox returns it.
  tp({ Gstin: '29AAACP7879D1Z0', LegalName: 'TALLY SOLUTIONS PVT LTD', TradeName: 'TALLY SOLUTIONS PVT LTD', AddrBnm: 'AMR TECH PARK II B', AddrLoc: 'HONGASANDRA', AddrPncd: 560068, TxpType: 'REG', DtReg: '2017-07-01' }),
  // NIC's sandbox test GSTINs (fail the checksum, accepted by the sandbox).
  tp({ Gstin: '29AWGPV7107B1Z1', LegalName: 'VIKASEXPORTS', TradeName: 'VIKAS EXPORTS', AddrBnm: 'RAMANAGARA', AddrBno: '562160', AddrFlno: '1st floor', AddrSt: '6th main', AddrLoc: 'CHANNAPATNA', AddrPncd: 562160, DtReg: '2021-05-03' }),
  tp({ Gstin: '37ARZPT4384Q1MT', LegalName: 'NIC company pvt ltd', TradeName: 'NIC Industries', AddrSt: '5th block, kuvempu layout', AddrLoc: 'GANDHINAGAR', AddrPncd: 518001 }),
  tp({ Gstin: '02AMBPG7773M002', LegalName: 'Test Sandbox Supplier', AddrLoc: 'Shimla', AddrPncd: 171001 }),
  tp({ Gstin: '01AMBPG7773M002', LegalName: 'Test Sandbox Supplier (J&K)', AddrLoc: 'Srinagar', AddrPncd: 190001 }),
  tp({ Gstin: '36AMBPG7773M002', LegalName: 'Test Sandbox Customer', AddrLoc: 'Hyderabad', AddrPncd: 500055 }),
  tp({ Gstin: '29AKLPM8755F1Z2', LegalName: 'Test Sandbox Trader', AddrLoc: 'Bengaluru', AddrPncd: 560001 }),
  tp({ Gstin: '29AABCT1332L000', LegalName: 'Test Sandbox Company', AddrLoc: 'Bengaluru', AddrPncd: 560001 }),
  // Made-up taxpayers with valid checksums, to exercise statuses.
  tp({ Gstin: '27AADCS0472N1Z2', LegalName: 'Sahyadri Agro Exports Private Limited', AddrLoc: 'Pune', AddrPncd: 411001 }),
  tp({ Gstin: '33AAECV1234R1Z3', LegalName: 'Vaigai Textiles Limited', AddrLoc: 'Madurai', AddrPncd: 625001, Status: 'CNL', DtDReg: '2023-03-31' }),
  tp({ Gstin: '24AAFCG5678K1Z6', LegalName: 'Gir Dairy Products Private Limited', AddrLoc: 'Rajkot', AddrPncd: 360001, Status: 'INA' }),
  tp({ Gstin: '07AAGCB9012L1ZK', LegalName: 'Barakhamba Traders Private Limited', AddrLoc: 'New Delhi', AddrPncd: 110001, BlkStatus: 'B' }),
  tp({ Gstin: '32AABCM7788Q1ZO', LegalName: 'Malabar Cashew Company Private Limited', AddrLoc: 'Kollam', AddrPncd: 691001, TxpType: 'SEZ' }),
];

const BY_GSTIN = new Map(TAXPAYERS.map((t) => [t.Gstin, t]));

export function findTaxpayer(gstin: string): GstinDetailsData | undefined {
  return BY_GSTIN.get(gstin.toUpperCase());
}
