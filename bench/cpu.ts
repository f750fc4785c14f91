/** CPU time of a process (user + system) from /proc/<pid>/stat, in ms: who pays for each invoice. */
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** CPU ms of each process between `start()` and `stop()`. */
export function cpuMeter(pids: Record<string, number>) {
  const read = () => Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuMs(pid)]));
  const before = read();
  return () => {
    const after = read();
    return Object.fromEntries(Object.keys(pids).map((k) => [k, after[k] - before[k]])) as Record<string, number>;
  };
}
