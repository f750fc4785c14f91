/** Whether the companion is set to start with the computer (the per-user entry of `irn-bridge service install`). */
import { existsSync, readFileSync } from 'node:fs';
import { platformFor, readSpec } from '../service/platform';
import { fail, ok, warn, type Finding } from './finding';

export function checkService(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Finding {
  const p = platformFor(platform, env);
  if (!existsSync(p.entry)) {
    return warn('service', 'The companion does not start with the computer, so it must be started by hand after every restart.',
      'Run irn-bridge service install.', { entry: p.entry });
  }
  // A Node.js upgrade or a moved package leaves the entry pointing at nothing: it then fails at every login.
  const { node, script } = readSpec(readFileSync(p.entry, 'utf8'));
  const gone = [node, script].find((f) => f && !existsSync(f));
  if (gone) {
    return fail('service', `The ${p.kind} (${p.entry}) runs ${gone}, which no longer exists, so the companion cannot start with the computer.`,
      'Run irn-bridge service install again: it writes the entry for this Node.js and this irn-bridge.', { entry: p.entry, missing: gone });
  }
  return ok('service', `The companion starts with the computer (${p.kind}: ${p.entry}).`, { entry: p.entry });
}
