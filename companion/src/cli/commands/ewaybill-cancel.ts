/**
 * `irn-bridge ewaybill cancel IRN --reason N --remark TEXT`: cancels the IRN's e-way bill through the
 * same code as POST /v1/einvoices/{irn}/ewaybill/cancel (ledger/ewaybill-cancel.ts), so that the IRN
 * can then be cancelled (`irn-bridge cancel`). Reasons are the e-way bill system's, not the IRN's.
 */
import { EWB_CANCEL_REASON_CHOICES, EWB_CANCEL_REASON_CODES, EWB_CANCEL_REMARK_MAX, type EwbCancelReason } from '@irn-bridge/shared/codes/ewb-cancel-reasons';
import { IRN_PATTERN } from '../../domain';
import { profileForIrn } from '../../ledger/documents';
import { cancelEwaybill } from '../../ledger/ewaybill-cancel';
import { withServices } from '../runtime';
import { parse, printJson, UsageError, type Io } from '../io';

export const ewaybillCancelUsage = `Usage:
  irn-bridge ewaybill cancel IRN --reason 1|2|3|4 --remark TEXT [--profile NAME] [--json]
      --reason: ${EWB_CANCEL_REASON_CHOICES} (the e-way bill system's numbering)
      --remark: why, up to ${EWB_CANCEL_REMARK_MAX} characters
      Allowed within 24 hours of generating the e-way bill; then the IRN can be cancelled with irn-bridge cancel.`;

export async function ewaybillCancel(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { profile: { type: 'string' }, json: { type: 'boolean' }, reason: { type: 'string' }, remark: { type: 'string' } }, ewaybillCancelUsage);
  if (values.help) return io.out(ewaybillCancelUsage), 0;
  const irn = positionals[0]?.toLowerCase();
  if (!irn || !IRN_PATTERN.test(irn)) throw new UsageError('give the IRN whose e-way bill is cancelled (64 hexadecimal characters)', ewaybillCancelUsage);
  const reason = values.reason as string | undefined;
  if (!reason || !(EWB_CANCEL_REASON_CODES as readonly string[]).includes(reason)) throw new UsageError(`--reason must be ${EWB_CANCEL_REASON_CHOICES}`, ewaybillCancelUsage);
  const remark = values.remark as string | undefined;
  if (!remark?.trim() || remark.length > EWB_CANCEL_REMARK_MAX) throw new UsageError(`--remark is required (up to ${EWB_CANCEL_REMARK_MAX} characters)`, ewaybillCancelUsage);
  return withServices(io, async (ctx) => {
    const profile = await profileForIrn(ctx, irn, values.profile as string | undefined);
    const res = await cancelEwaybill({ ledger: ctx.ledger, sessionFor: (p) => ctx.sessions.sessionFor(p), now: ctx.now }, profile, irn,
      { reason: reason as EwbCancelReason, remark });
    if (values.json) printJson(io, res);
    else io.out(`E-way bill ${res.ewbNo} of IRN ${res.irn} cancelled on ${res.cancelDate}. The IRN can now be cancelled (irn-bridge cancel).`);
    return 0;
  });
}
