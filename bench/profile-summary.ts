/**
 * Reads a V8 .cpuprofile (from `pnpm bench --profile DIR`) and prints where the time went: self
 * time by area (SQLite, crypto, HTTP server, HTTP client, validation, …) and the top functions by
 * self and by inclusive time. Usage: node --import tsx bench/profile-summary.ts FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** First match wins: an area per call frame, from its script URL and name. */
const AREAS: [string, (url: string, fn: string) => boolean][] = [
  ['idle', (_u, f) => f === '(idle)'],
  ['garbage collection', (_u, f) => f === '(garbage collector)'],
  ['SQLite (better-sqlite3)', (u) => u.includes('better-sqlite3')],
  ['ledger and API keys (companion/src/ledger, security)', (u) => /companion\/src\/(ledger|security)\//.test(u)],
  ['IRP client (companion/src/irp)', (u) => u.includes('companion/src/irp/')],
  ['crypto (node:crypto)', (u) => /node:internal\/crypto|node:crypto/.test(u)],
  ['invoice validation (shared/src)', (u) => u.includes('shared/src/')],
  ['outbound HTTP (undici fetch)', (u) => u.includes('undici') || u.includes('internal/deps/undici')],
  ['inbound HTTP (@hono/node-server)', (u) => u.includes('@hono/node-server')],
  ['routing and middleware (hono)', (u) => u.includes('/hono/dist')],
  ['other companion code', (u) => u.includes('companion/src/')],
  ['TypeScript loading (tsx, esbuild)', (u) => /tsx|esbuild/.test(u)],
  ['node internals (streams, net, timers)', (u) => u.startsWith('node:')],
  ['native / program', (u, f) => u === '' || f === '(program)'],
  ['other', () => true],
];

const short = (url: string) => url.replace(/^file:\/\/.*?\/(companion|shared|node_modules)\//, '$1/').replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');

export function summarizeProfile(p: Profile, top = 20): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, v]) => a + v, 0);
  const busy = total - idle;

  const area = new Map<string, number>();
  const selfByFn = new Map<string, number>();
  const key = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const a = AREAS.find(([, test]) => test(n.callFrame.url, n.callFrame.functionName))![0];
    area.set(a, (area.get(a) ?? 0) + ms);
    selfByFn.set(key(n), (selfByFn.get(key(n)) ?? 0) + ms);
  }
  // Inclusive time per function, counting a function once per stack (recursion-safe).
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + ms);
    }
  }
  const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`profile: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (percentages are of busy time)`, '', 'self time by area:'];
  for (const [a, ms] of [...area].filter(([a]) => a !== 'idle').sort((x, y) => y[1] - x[1])) lines.push(`  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${a}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [k, ms] of [...selfByFn].filter(([k]) => !k.startsWith('(idle)')).sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(ms)}  ${k}`);
  lines.push('', `top ${top} functions by inclusive time:`);
  for (const [k, ms] of [...incl].filter(([k]) => !/^\((idle|root|program)\)/.test(k)).sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(ms)}  ${k}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx bench/profile-summary.ts FILE.cpuprofile [TOP]');
    process.exitCode = 2;
  } else {
    console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top) || 20));
  }
}
