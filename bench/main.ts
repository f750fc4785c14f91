/**
 * `pnpm bench`: what users feel, measured against the offline IRP on loopback, with the IRP
 * answering at once and with every reply held back 200 ms as the real IRP's are. Prints markdown
 * tables and writes the figures to bench/results/latest.json. See docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseBenchArgs, usage } from './args';
import { COMPANION_BIN, makeBenchHome, startCompanionProcess, type CompanionProcess } from './companion-process';
import { startIrpProcess, type IrpProcess } from './irp-process';
import { currentLoad, machineInfo } from './machine';
import { derive, render, type BenchResults } from './report';
import { runBatch } from './sections/batch';
import { coldStarts, idleMemory } from './sections/companion';
import { stackFloor } from './sections/stack-floor';
import { buildAge, clickTiming, entrySizes } from './sections/extension';
import { runThroughput } from './sections/throughput';
import { runTeam } from './sections/team';
import { round } from './stats';

const COLD_START_RUNS = 5;
const log = (line: string) => process.stderr.write(line + '\n');

async function main(): Promise<number> {
  let args;
  try {
    const parsed = parseBenchArgs(process.argv.slice(2));
    if (parsed === 'help') return console.log(usage), 0;
    args = parsed;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  const results: BenchResults = {
    takenAt: new Date().toISOString(),
    args: { invoices: args.invoices, concurrency: args.concurrency, delays: args.delays, quick: args.quick, sections: [...args.only] },
    machine: machineInfo(),
  };
  const began = performance.now();
  log(`IRN Bridge bench: ${args.invoices} invoices per cell, concurrency ${args.concurrency.join('/')}, IRP delay ${args.delays.join('/')} ms`);

  const needsIrp = ['throughput', 'batch', 'companion', 'team'].some((s) => args.only.has(s));
  let irp: IrpProcess | null = null;
  let companion: CompanionProcess | null = null;
  let home: { home: string; remove(): void } | null = null;
  try {
    if (needsIrp) {
      irp = await startIrpProcess();
      home = makeBenchHome(irp);
      companion = await startCompanionProcess(home.home, { profileDir: args.profileDir });
      const idleFresh = await idleMemory(() => companion!.memory(), 1000);
      results.companion = { freshStartMs: round(companion.startMs), idleFresh };
      log(`companion ${COMPANION_BIN}`);
      log(`companion pid ${companion.pid} up in ${round(companion.startMs)} ms, ${idleFresh.rssMiB} MiB resident; offline IRP pid ${irp.pid}`);

      if (args.only.has('throughput')) {
        log('throughput: companion over HTTP vs IrpSession direct vs naive client');
        const t = await runThroughput(args, irp, companion, log);
        results.throughput = { ...t, derived: derive(t) };
      }
      if (args.only.has('batch')) {
        log('batch route');
        results.batch = await runBatch(args, irp, companion, log);
      }
      if (args.only.has('companion')) {
        results.companion.idleAfterBulk = await idleMemory(() => companion!.memory());
        const list = await companion.get('/v1/einvoices?limit=1');
        results.companion.ledgerRows = list.json?.total;
        log(`companion idle after the run: ${results.companion.idleAfterBulk.rssMiB} MiB resident (peak ${results.companion.idleAfterBulk.peakMiB} MiB)`);
      }
      await companion.stop();
      companion = null;
      if (args.only.has('companion')) {
        results.companion.coldStart = await coldStarts(home.home, COLD_START_RUNS, log);
        results.companion.floor = await stackFloor(1000, log);
      }
      if (args.only.has('team')) {
        log('team mode: single-desk SQLite vs 1, 2, 3 processes on one PostgreSQL');
        process.env.IRN_BRIDGE_BENCH_BIN ??= COMPANION_BIN;
        results.team = await runTeam(args, irp, log);
      }
    }

    if (args.only.has('extension')) {
      log('extension');
      results.extension = { buildDir: `extension/.output/chrome-mv3 (built ${buildAge()})`, entries: entrySizes() };
      try {
        results.extension.click = await clickTiming(args.clicks, log);
      } catch (e) {
        results.extension.clickSkipped = `the e2e harness failed: ${String((e as Error)?.message ?? e).split('\n')[0].slice(0, 200)}`;
        log(`  click timing not measured: ${results.extension.clickSkipped}`);
      }
    }
  } finally {
    await companion?.stop().catch(() => undefined);
    await irp?.close().catch(() => undefined);
    home?.remove();
  }

  results.machine.loadAtEnd = currentLoad();
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n');
  console.log(render(results));
  log(`\nwrote ${args.out} (${round((performance.now() - began) / 1000)} s)`);
  const auth = results.throughput?.companionAuthCalls;
  return auth !== undefined && auth !== 1 ? 1 : 0;
}

process.exitCode = await main();
