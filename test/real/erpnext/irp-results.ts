/** Real IRP outcomes for the write-back tests: the offline IRP registers, cancels and issues e-way bills. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import { IrpSession } from '@irn-bridge/companion/irp/index';
import { startOfflineIrp } from '@irn-bridge/companion/offline-irp/index';

export interface TestIrp {
  generate(inv: Inv01Invoice): Promise<EInvoiceResult>;
  cancel(irn: string): Promise<string>;
  ewaybill(irn: string): Promise<{ ewbNo: string; ewbDt: string; ewbValidTill: string | null }>;
  close(): Promise<void>;
}

export async function startIrp(gstin: string): Promise<TestIrp> {
  const dir = mkdtempSync(join(tmpdir(), 'irn-real-erpnext-irp-'));
  const irp = await startOfflineIrp({ port: 0, dataDir: dir });
  const s = new IrpSession({ baseUrl: irp.baseUrl, gstin, ...irp.irp.credentials, publicKeyPem: irp.irp.publicKeyPem, timeoutMs: 15_000 }, { now: () => irp.irp.clock.now() });
  return {
    async generate(inv) {
      const d = (await s.generateIrn(inv)).data;
      return {
        irn: d.Irn, ackNo: String(d.AckNo), ackDt: d.AckDt, status: 'ACT', signedInvoice: d.SignedInvoice, signedQrCode: d.SignedQRCode, qr: null,
        document: { sellerGstin: gstin, fy: '2026-27', docType: inv.DocDtls.Typ as 'INV', docNo: inv.DocDtls.No, docDate: inv.DocDtls.Dt },
        buyerGstin: inv.BuyerDtls.Gstin, totalValue: inv.ValDtls.TotInvVal, profile: { name: 'offline', kind: 'offline', demo: true },
      } satisfies EInvoiceResult;
    },
    async cancel(irn) {
      return String((await s.cancelIrn({ irn, reason: '2', remark: 'Wrong rate entered' })).data.CancelDate);
    },
    async ewaybill(irn) {
      const d = (await s.generateEwbByIrn({ Irn: irn, Distance: 0, TransMode: '1', VehNo: 'KA01AB1234', VehType: 'R' })).data;
      return { ewbNo: String(d.EwbNo), ewbDt: String(d.EwbDt), ewbValidTill: d.EwbValidTill ? String(d.EwbValidTill) : null };
    },
    async close() {
      await irp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
