/** Is the companion running on its port, and if something else holds the port, who. */
import { basename, dirname, resolve } from 'node:path';
import { commandFor, defaultHome, homeLayout } from '../home';
import { fail, ok, type Finding } from './finding';
import { portOwner, type PortOwner } from './port-owner';

interface Health { service?: string; version?: string; profiles?: { name: string }[] }

async function askHealth(url: string): Promise<{ health: Health | null; refused: boolean }> {
  try {
    const res = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(3000) });
    const health = (await res.json().catch(() => null)) as Health | null;
    return { health, refused: false };
  } catch (e) {
    return { health: null, refused: (e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED' };
  }
}

const describe = (o: PortOwner | null) => (o ? `process ${o.pid} (${o.command.slice(0, 120)})` : 'a program this user cannot see (perhaps another user\'s)');

export async function checkPort(home: string, port: number, platform: NodeJS.Platform = process.platform): Promise<Finding> {
  const url = `http://127.0.0.1:${port}`;
  const { health, refused } = await askHealth(url);
  const owner = refused ? null : portOwner(port, platform);
  if (refused || (!health && !owner)) {
    return fail('port', `The companion is not running: nothing answers on ${url}.`,
      `Start it with ${commandFor('start', home, port)}, or have it start with the computer: ${commandFor('service install', home, port)}.`, { port, running: false });
  }
  if (health?.service !== 'irn-bridge-companion') {
    return fail('port', `Port ${port} is in use by ${describe(owner)}, which is not the IRN Bridge companion.`,
      `Stop that program, or run the companion on another port (irn-bridge start --port ${port + 1}) and set that address in the extension's options.`,
      { port, running: false, pid: owner?.pid ?? null });
  }
  const ownerHome = homeOfOwner(owner, home, platform);
  if (ownerHome && ownerHome !== resolve(home)) {
    return fail('port', `The companion on ${url} (${describe(owner)}) uses the home ${ownerHome}, not ${home}: pairing codes and profiles made here are not the ones it uses.`,
      `Run doctor and pair with IRN_BRIDGE_HOME=${ownerHome}, or stop that companion and start it with this home.`,
      { port, running: true, pid: owner!.pid, home: ownerHome });
  }
  return ok('port', `The IRN Bridge companion ${health.version ?? ''} answers on ${url}${owner ? ` (process ${owner.pid})` : ''}.`.replace('  ', ' '),
    { port, running: true, pid: owner?.pid ?? null, home: ownerHome });
}

/**
 * The home the companion holding the port uses: the folder of the ledger it has open (certain), else
 * for an `irn-bridge start` process the home its environment names; null when neither can be seen.
 */
function homeOfOwner(owner: PortOwner | null, home: string, platform: NodeJS.Platform): string | null {
  const ledgerName = basename(homeLayout(home).database);
  const homes = (owner?.files ?? []).filter((f) => basename(f) === ledgerName).map((f) => dirname(f));
  if (homes.length) return homes.includes(resolve(home)) ? resolve(home) : homes[0];
  if (owner?.env && /irn-bridge\S*\s+start\b/.test(owner.command)) return resolve(defaultHome(owner.env, platform));
  return null;
}
