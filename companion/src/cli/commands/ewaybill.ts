/**
 * `irn-bridge ewaybill IRN --distance KM …`: an e-way bill for a registered IRN, through the same
 * DocumentService as POST /v1/einvoices/{irn}/ewaybill, so the shared e-way bill rules
 * (shared/src/ewaybill/rules.ts) check the fields exactly as the API and the extension do.
 */
import { IRN_PATTERN } from '../../domain';
import { profileForIrn } from '../../ledger/documents';
import { withServices } from '../runtime';
import { parse, printJson, UsageError, type Io } from '../io';

export const ewaybillUsage = `Usage:
  irn-bridge ewaybill IRN --distance KM [--mode 1|2|3|4] [--vehicle NO] [--vehicle-type R|O]
                          [--doc-no NO] [--doc-date dd/mm/yyyy] [--transporter GSTIN] [--profile NAME] [--json]
      --distance: kilometres to the buyer, 0 to let the IRP calculate it (at most 4000)
      --mode: 1 road (needs --vehicle), 2 rail, 3 air (need --doc-no and --doc-date), 4 ship
  irn-bridge ewaybill cancel IRN --reason 1|2|3|4 --remark TEXT   cancel it (within 24 hours), so the IRN can be cancelled`;

export async function ewaybill(args: string[], io: Io): Promise<number> {
  if (args[0] === 'cancel') return (await import('./ewaybill-cancel')).ewaybillCancel(args.slice(1), io);
  const { values, positionals } = parse(args, {
    profile: { type: 'string' }, json: { type: 'boolean' }, distance: { type: 'string' }, mode: { type: 'string' },
    vehicle: { type: 'string' }, 'vehicle-type': { type: 'string' }, 'doc-no': { type: 'string' }, 'doc-date': { type: 'string' },
    transporter: { type: 'string' },
  }, ewaybillUsage);
  if (values.help) return io.out(ewaybillUsage), 0;
  const irn = positionals[0]?.toLowerCase();
  if (!irn || !IRN_PATTERN.test(irn)) throw new UsageError('give the IRN (64 hexadecimal characters)', ewaybillUsage);
  const distanceText = values.distance as string | undefined;
  if (distanceText === undefined || !/^\d+$/.test(distanceText)) throw new UsageError('--distance must be a whole number of kilometres (0 lets the IRP calculate it)', ewaybillUsage);
  const fields = {
    distance: Number(distanceText),
    transMode: values.mode as '1' | undefined, vehNo: values.vehicle as string | undefined,
    vehType: (values['vehicle-type'] as 'R' | undefined) ?? (values.mode === '1' ? 'R' : undefined),
    transDocNo: values['doc-no'] as string | undefined, transDocDt: values['doc-date'] as string | undefined,
    transId: values.transporter as string | undefined,
  };
  return withServices(io, async (ctx) => {
    const res = await ctx.documents.ewaybill(await profileForIrn(ctx, irn, values.profile as string | undefined), irn, fields);
    if (values.json) printJson(io, res);
    else io.out(`EWB No ${res.ewbNo} of ${res.ewbDt}${res.ewbValidTill ? `, valid till ${res.ewbValidTill}` : ''}.`);
    return 0;
  });
}
