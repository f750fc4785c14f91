import { Hono } from 'hono';
import type { ProfilesResponse } from '@irn-bridge/shared/api/contract';
import { profileSummary } from '../profiles/types';
import type { AppEnv, CompanionContext } from './context';

export function profileRoutes(ctx: CompanionContext) {
  return new Hono<AppEnv>().get('/v1/profiles', (c) => {
    const def = ctx.profiles.defaultName();
    return c.json({ profiles: ctx.profiles.list().map((p) => profileSummary(p, def)) } satisfies ProfilesResponse);
  });
}
