/**
 * Where the ERP and the ledger disagree about one invoice (issue 11, item 1): the IRN was cancelled
 * elsewhere (the history page, the CLI, another tool or clerk) but the ERP still shows it valid, an
 * e-way bill or its cancellation the ERP does not show, or a registration whose write-back failed.
 * The ledger is the IRP's side; what to write into the ERP is the event its module already records.
 */
import type { EInvoiceResult } from '../api/contract';
import { isCancelReason } from '../codes/cancel-reasons';
import { EWB_CANCEL_REASON_CODES, type EwbCancelReason } from '../codes/ewb-cancel-reasons';
import type { ErpEvent, ErpRecorded } from './module';

export interface ErpDrift {
  /** The event that brings the ERP in line, for the module's record(). */
  event: ErpEvent;
  /** What differs, in the clerk's words. */
  differs: string;
  /** The button. */
  action: string;
  /** What the button will write, as the panel's own action would have. */
  writes: string;
}

const short = (irn: string) => `${irn.slice(0, 12)}…`;

/**
 * `recorded` is what the ERP module read (`ErpInvoiceSummary.recorded`); `irn` the summary's IRN, used
 * when the module cannot say more (then only a missing registration is noticed). Null when they agree.
 */
export function driftOf(r: EInvoiceResult, recorded: ErpRecorded | null | undefined, irn: string | null, erp: string): ErpDrift | null {
  const shown: ErpRecorded = recorded ?? { irn, irnCancelled: false, ewbNo: null, ewbCancelled: false };
  if (r.status === 'CNL') {
    // Only an IRN the ERP still shows as valid needs telling; an ERP that never had it has nothing to cancel.
    if (shown.irn !== r.irn || shown.irnCancelled && (shown.cancelledIrn ?? r.irn) === r.irn) return null;
    return {
      event: {
        kind: 'cancelled', result: r, cancelDate: r.cancelDate ?? '',
        reason: isCancelReason(r.cancelReason) ? r.cancelReason : '4', remark: r.cancelRemark ?? '',
      },
      differs: `${erp} still shows IRN ${short(r.irn)} as valid, but it was cancelled at the IRP${r.cancelDate ? ` on ${r.cancelDate}` : ''}.${shown.cancellationNoted
        ? ` The cancellation is already noted on the invoice; cancelling the invoice itself in ${erp} needs ${shown.cancellationNoted}, who can record it here.` : ''}`,
      action: `Record the cancellation in ${erp}`,
      writes: `This writes the cancellation (date, reason${r.cancelRemark ? `, remark "${r.cancelRemark}"` : ''}) into ${erp}, as Cancel IRN here does.`,
    };
  }
  if (shown.irn !== r.irn && !(shown.irnCancelled && (shown.cancelledIrn ?? r.irn) === r.irn)) {
    return {
      event: { kind: 'generated', result: r },
      differs: `${erp} does not show this invoice's IRN ${short(r.irn)} (Ack No ${r.ackNo}), registered at the IRP${r.ackDt ? ` on ${r.ackDt}` : ''}.`,
      action: `Record the IRN in ${erp}`,
      writes: `This writes the IRN, Ack No and Date and the signed QR code into ${erp}, as Generate IRN here does.`,
    };
  }
  if (!recorded || !r.ewbNo) return null;
  if (!r.ewbCancelDate && shown.ewbNo !== r.ewbNo) {
    return {
      event: { kind: 'ewaybill', result: r, ewbNo: r.ewbNo, ewbDt: r.ewbDt ?? '', ewbValidTill: r.ewbValidTill ?? null },
      differs: `${erp} does not show the e-way bill ${r.ewbNo}${r.ewbDt ? ` of ${r.ewbDt}` : ''}${r.ewbValidTill ? `, valid till ${r.ewbValidTill}` : ''}.`,
      action: `Record the e-way bill in ${erp}`,
      writes: `This writes the e-way bill's number, date and validity into ${erp}.`,
    };
  }
  const ewbShownCancelled = shown.ewbCancelled && (shown.cancelledEwbNo ?? r.ewbNo) === r.ewbNo;
  // An e-way bill the ERP never showed has nothing to take back there.
  if (r.ewbCancelDate && shown.ewbNo === r.ewbNo && !ewbShownCancelled) {
    const reason = (EWB_CANCEL_REASON_CODES as readonly string[]).includes(r.ewbCancelReason ?? '') ? r.ewbCancelReason as EwbCancelReason : '4';
    return {
      event: { kind: 'ewaybill-cancelled', result: r, ewbNo: r.ewbNo, cancelDate: r.ewbCancelDate, reason, remark: r.ewbCancelRemark ?? '' },
      differs: `${erp} still shows the e-way bill ${r.ewbNo} as active, but it was cancelled on ${r.ewbCancelDate}.`,
      action: `Record the e-way bill's cancellation in ${erp}`,
      writes: `This writes the e-way bill's cancellation (date, reason${r.ewbCancelRemark ? `, remark "${r.ewbCancelRemark}"` : ''}) into ${erp}; the IRN stays registered.`,
    };
  }
  return null;
}
