/** The companion process itself: resident memory, and cold start (spawn → first 200 from /v1/health). */
import { startCompanionProcess } from '../companion-process';
import type { ProcessMemory } from '../process-memory';
import { median, round } from '../stats';

export interface MemorySample { rssMiB: number; peakMiB: number; privateMiB: number }

export const toMiB = (m: ProcessMemory): MemorySample =>
  ({ rssMiB: round(m.rssKiB / 1024), peakMiB: round(m.hwmKiB / 1024), privateMiB: round(m.privateKiB / 1024) });

/** Waits, then samples: "idle" means no request for `idleMs`. */
export async function idleMemory(read: () => ProcessMemory, idleMs = 3000): Promise<MemorySample> {
  await new Promise((r) => setTimeout(r, idleMs));
  return toMiB(read());
}

export interface ColdStart { samplesMs: number[]; medianMs: number; ledgerRows?: number }

/** Cold starts on an existing home (with the ledger the bulk run left behind): median of `runs`. */
export async function coldStarts(home: string, runs: number, progress: (line: string) => void): Promise<ColdStart> {
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = await startCompanionProcess(home, { pair: false });
    samplesMs.push(round(c.startMs));
    await c.stop();
  }
  const result = { samplesMs, medianMs: round(median(samplesMs)) };
  progress(`  cold start: ${samplesMs.join(', ')} ms → median ${result.medianMs} ms`);
  return result;
}
