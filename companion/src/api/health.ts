import type { OpenAPIHono } from '@hono/zod-openapi';
import { API_VERSION, type HealthResponse } from '@irn-bridge/shared/api/contract';
import { profileRef } from '../profiles/types';
import { bearerKey } from '../security/auth';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export const COMPANION_VERSION = '0.1.0';

export function healthRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  serve(app, 'health', async (c) => {
    const key = bearerKey(c.req.header('authorization'));
    const info = key ? await ctx.keys.verify(key) : null;
    const body: HealthResponse = {
      service: 'irn-bridge-companion',
      version: COMPANION_VERSION,
      apiVersion: API_VERSION,
      paired: !!info,
      profiles: ctx.profiles.list().map(profileRef),
      defaultProfile: ctx.profiles.defaultName(),
      // Only to the key's holder: who the companion will name in the ledger for their requests.
      ...(info ? { user: info.userName, role: info.role } : {}),
      // Public (the certificate is anyway): the clerk compares it with what the admin read out at start.
      ...(ctx.served?.fingerprint ? { tlsFingerprint: ctx.served.fingerprint } : {}),
    };
    return c.json(body);
  });
}
