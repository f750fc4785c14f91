/** Turns the results into the printed tables (the JSON is the results object as is). */
import type { MachineInfo } from './machine';
import type { BatchCell } from './sections/batch';
import type { ColdStart, MemorySample } from './sections/companion';
import type { ExtensionResult } from './sections/extension';
import type { StackFloor } from './sections/stack-floor';
import type { ThroughputResult } from './sections/throughput';
import type { TeamResult } from './sections/team';
import { round } from './stats';

export interface BenchResults {
  takenAt: string;
  args: { invoices: number; concurrency: number[]; delays: number[]; quick: boolean; sections: string[] };
  machine: MachineInfo;
  throughput?: ThroughputResult & { derived: DerivedRow[] };
  batch?: BatchCell[];
  companion?: { freshStartMs: number; idleFresh: MemorySample; idleAfterBulk?: MemorySample; ledgerRows?: number; coldStart?: ColdStart; floor?: StackFloor };
  extension?: ExtensionResult;
  team?: TeamResult;
}

export interface DerivedRow {
  delayMs: number;
  concurrency: number;
  /** Companion p50 / direct IrpSession p50. */
  overheadP50: number;
  /** Bare relay p50 / direct p50: what one more local hop and process cost before any companion code (bench/relay-host.ts). */
  floorP50: number;
  /** Companion invoices/s / naive invoices/s. */
  speedupOverNaive: number;
}

export function derive(t: ThroughputResult): DerivedRow[] {
  const rows: DerivedRow[] = [];
  const find = (client: string, d: number, c: number) => t.cells.find((x) => x.client === client && x.delayMs === d && x.concurrency === c);
  for (const cell of t.cells.filter((x) => x.client === 'companion')) {
    const direct = find('direct', cell.delayMs, cell.concurrency);
    const naive = find('naive', cell.delayMs, cell.concurrency);
    const relay = find('relay', cell.delayMs, cell.concurrency);
    rows.push({
      delayMs: cell.delayMs, concurrency: cell.concurrency,
      overheadP50: direct ? round(cell.p50 / direct.p50, 2) : NaN,
      floorP50: direct && relay ? round(relay.p50 / direct.p50, 2) : NaN,
      speedupOverNaive: naive ? round(cell.perSecond / naive.perSecond, 2) : NaN,
    });
  }
  return rows;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(cells[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

/** Markdown tables, so the output can be pasted into docs/performance.md. */
export function render(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`Machine: ${m.nproc} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average ${m.loadAtStart} at start, ${m.loadAtEnd ?? '?'} at end`);
  if (r.throughput) {
    out.push('', 'Generate one invoice per request (IRP on loopback; "delay" = every IRP reply held back that long)', '');
    out.push(table(['client', 'IRP delay ms', 'conc.', 'n', 'invoices/s', 'p50 ms', 'p95 ms', 'IRP logins', 'errors', 'CPU ms/invoice: companion · IRP · client'],
      r.throughput.cells.map((c) => [c.client, c.delayMs, c.concurrency, c.n, c.perSecond, c.p50, c.p95, c.irpAuthCalls, c.errors,
        `${c.client === 'companion' || c.client === 'relay' ? c.cpuMsPerInvoice.companion : '–'} · ${c.cpuMsPerInvoice.irp} · ${c.cpuMsPerInvoice.client}`])));
    out.push('', table(['IRP delay ms', 'conc.', 'companion p50 / direct p50', 'floor: bare relay p50 / direct p50', 'companion ÷ naive (invoices/s)'],
      r.throughput.derived.map((d) => [d.delayMs, d.concurrency, `${d.overheadP50}×`, `${d.floorP50}×`, `${d.speedupOverNaive}×`])));
    const auth = r.throughput.companionAuthCalls;
    out.push('', `IRP logins by the companion over the whole run: ${auth}${auth === 1 ? ' (as it should be)' : '  ⚠ EXPECTED 1'}`);
  }
  if (r.team) {
    out.push('', `Team mode: the same ${r.team.cells[0]?.clients ?? 16} clients spread over the processes (one database; IRP delay as above)`, '');
    out.push(table(['storage', 'processes', 'IRP delay ms', 'n', 'invoices/s', 'p50 ms', 'p95 ms', 'IRP logins', 'errors'],
      r.team.cells.map((c) => [c.storage === 'sqlite' ? 'SQLite (one desk)' : 'PostgreSQL', c.processes, c.delayMs, c.n, c.perSecond, c.p50, c.p95, c.irpAuthCalls, c.errors])));
    if (r.team.skipped) out.push('', `PostgreSQL cells not run: ${r.team.skipped}`);
  }
  if (r.batch?.length) {
    out.push('', 'POST /v1/einvoices/batch (wait: true)', '');
    out.push(table(['IRP delay ms', 'batch conc.', 'n', 'invoices/s', 'wall s', 'ok', 'failed', 'IRP logins'],
      r.batch.map((b) => [b.delayMs, b.concurrency, b.n, b.perSecond, round(b.wallMs / 1000, 2), b.succeeded, b.failed, b.irpAuthCalls])));
  }
  if (r.companion) {
    const c = r.companion;
    out.push('', 'Companion process', '');
    const rows: (string | number)[][] = [
      ['first start on an empty home (spawn → 200 /v1/health)', `${c.freshStartMs} ms`],
      ['resident memory, idle after start', `${c.idleFresh.rssMiB} MiB (${c.idleFresh.privateMiB} MiB private; the rest is the node binary's code, shared by every Node process)`],
    ];
    if (c.idleAfterBulk) {
      rows.push(['resident memory, idle after the bulk run', `${c.idleAfterBulk.rssMiB} MiB (peak ${c.idleAfterBulk.peakMiB} MiB)`]);
    }
    if (c.floor) {
      rows.push(['floor: Hono + @hono/node-server + zod + better-sqlite3 alone, idle after one request (bench/stack-floor-host.cjs)', `${c.floor.stack.rssMiB} MiB (${c.floor.stack.privateMiB} MiB private)`]);
      rows.push(['floor: a bare node process, idle', `${c.floor.bareNode.rssMiB} MiB (${c.floor.bareNode.privateMiB} MiB private)`]);
      rows.push(["the companion's own share of its idle memory (idle after start − the stack alone)", `${round(c.idleFresh.rssMiB - c.floor.stack.rssMiB)} MiB`]);
    }
    if (c.coldStart) rows.push([`cold start, median of ${c.coldStart.samplesMs.length} (ledger of ${c.ledgerRows ?? '?'} rows)`, `${c.coldStart.medianMs} ms`]);
    out.push(table(['measure', 'value'], rows));
  }
  if (r.extension) {
    const e = r.extension;
    out.push('', 'Extension', '');
    out.push(table(['entry point', 'file', 'bytes', 'gzip bytes'], e.entries.map((x) => [x.entry, x.file, x.bytes, x.gzipBytes])));
    out.push('');
    if (e.click) {
      out.push(table(['measure', 'median ms', 'samples ms'], [
        ['Confirm click → IRN in the page (DOM)', e.click.clickToIrnMedianMs, e.click.clickToIrnMs.join(', ')],
        ['Confirm click → IRN painted (next frame)', e.click.clickToIrnPaintedMedianMs, e.click.clickToIrnPaintedMs.join(', ')],
        ['same, as the Playwright driver sees it', e.click.driverClickToIrnMedianMs, e.click.driverClickToIrnMs.join(', ')],
        ['Generate click → preview painted', e.click.generateToPreviewMedianMs, e.click.generateToPreviewMs.join(', ')],
        ['the API call alone (POST /v1/einvoices)', e.click.apiMedianMs, e.click.apiMs.join(', ')],
      ]));
    } else out.push(`Click → IRN: not measured (${e.clickSkipped ?? 'skipped'})`);
  }
  return out.join('\n');
}
