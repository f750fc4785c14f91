/** Whether the companion is set to start with the computer (the per-user entry of `irn-bridge service install`). */
import { existsSync } from 'node:fs';
import { platformFor } from '../service/platform';
import { ok, warn, type Finding } from './finding';

export function checkService(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Finding {
  const p = platformFor(platform, env);
  return existsSync(p.entry)
    ? ok('service', `The companion starts with the computer (${p.kind}: ${p.entry}).`, { entry: p.entry })
    : warn('service', 'The companion does not start with the computer, so it must be started by hand after every restart.',
      'Run irn-bridge service install.', { entry: p.entry });
}
