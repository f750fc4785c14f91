/** Command-line flags of `pnpm bench`. */
import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** Invoices per cell with the IRP answering at once. */
  invoices: number;
  concurrency: number[];
  /** IRP reply delays to run, in ms (default 0 and 200, as the real IRP). */
  delays: number[];
  /** Sections to run (default all). */
  only: Set<string>;
  /** Click-to-IRN samples in Chromium. */
  clicks: number;
  quick: boolean;
  out: string;
  /** Directory for a V8 CPU profile of the companion process (--cpu-prof), if asked. */
  profileDir?: string;
}

export const SECTIONS = ['throughput', 'batch', 'companion', 'team', 'extension'] as const;

export const usage = `Usage: pnpm bench [--quick] [--invoices N] [--concurrency 1,4,16] [--delays 0,200]
                  [--only throughput,batch,companion,team,extension] [--clicks K] [--out FILE] [--profile DIR]

--quick        200 invoices per cell, 3 clicks (a look in about two minutes)
--invoices N   invoices per cell with the IRP answering at once (default 1000); with a delay the
               count is scaled down at low concurrency so a run stays under ten minutes
--out FILE     where the JSON goes (default bench/results/latest.json)
--profile DIR  write a V8 CPU profile of the companion process there (read it with
               node --import tsx bench/profile-summary.ts DIR/<largest>.cpuprofile)`;

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

export function parseBenchArgs(argv: string[]): BenchArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' }, invoices: { type: 'string' }, concurrency: { type: 'string' }, delays: { type: 'string' },
      only: { type: 'string' }, clicks: { type: 'string' }, out: { type: 'string' }, profile: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const quick = !!values.quick;
  const int = (raw: string | undefined, fallback: number, name: string) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const only = new Set(values.only ? list(values.only) : SECTIONS);
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only: unknown section "${s}" (${SECTIONS.join(', ')})`);
  const concurrency = values.concurrency ? list(values.concurrency).map((c) => int(c, 1, 'concurrency')) : [1, 4, 16];
  const delays = values.delays ? list(values.delays).map(Number) : [0, 200];
  if (delays.some((d) => !Number.isFinite(d) || d < 0)) throw new Error('--delays must be non-negative milliseconds');
  return {
    invoices: int(values.invoices, quick ? 200 : 1000, 'invoices'),
    concurrency, delays, only, quick,
    clicks: int(values.clicks, quick ? 3 : 5, 'clicks'),
    out: values.out ?? new URL('./results/latest.json', import.meta.url).pathname,
    ...(values.profile ? { profileDir: values.profile } : {}),
  };
}

/**
 * Invoices for one cell. With a delay a cell is bound by round trips, so at concurrency c it runs
 * N·c/16 invoices (at least 50): every cell then takes about the same wall time.
 */
export function cellCount(args: BenchArgs, delayMs: number, concurrency: number): number {
  if (delayMs === 0) return args.invoices;
  const top = Math.max(...args.concurrency);
  return Math.min(args.invoices, Math.max(50, Math.round((args.invoices * concurrency) / top)));
}
