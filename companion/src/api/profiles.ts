import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ProfilesResponse } from '@irn-bridge/shared/api/contract';
import { profileSummary } from '../profiles/types';
import type { AppEnv, CompanionContext } from './context';
import { serve } from './contract-routes';

export function profileRoutes(ctx: CompanionContext, app: OpenAPIHono<AppEnv>): void {
  serve(app, 'profiles', (c) => {
    const def = ctx.profiles.defaultName();
    return c.json({ profiles: ctx.profiles.list().map((p) => profileSummary(p, def)) } satisfies ProfilesResponse);
  });
}
