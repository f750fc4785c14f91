/** GSTIN details and Sync GSTIN (NIC's Get GSTIN Details and Sync GSTIN endpoints), answered from the taxpayer master. */
import type { Context } from 'hono';
import { GSTIN_SCHEMA_PATTERN, hasValidGstinChecksum, NIC_SANDBOX_TEST_GSTINS } from '@irn-bridge/shared/gstin';
import { authorise, isWireError } from './auth';
import type { OfflineContext } from './context';
import { findTaxpayer } from './taxpayers';
import { err, fail, ok } from './wire';

export function handleGstinDetails(ctx: OfflineContext, c: Context) {
  const auth = authorise(ctx, c);
  if (isWireError(auth)) return fail(c, [auth]);
  const gstin = (c.req.param('gstin') ?? '').toUpperCase();
  const known = findTaxpayer(gstin);
  if (known) return ok(c, known, auth.sek);
  const wellFormed = GSTIN_SCHEMA_PATTERN.test(gstin) && (hasValidGstinChecksum(gstin) || NIC_SANDBOX_TEST_GSTINS.includes(gstin));
  return fail(c, [wellFormed ? err('3001', 'Requested data is not available') : err('3028', 'GSTIN is invalid')]);
}
