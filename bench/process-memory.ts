/** Resident memory of a process from /proc (Linux): VmRSS, VmHWM, and the private part of the resident set. */
import { readFileSync } from 'node:fs';

export interface ProcessMemory { rssKiB: number; hwmKiB: number; privateKiB: number }

/** RSS also counts the node binary's code pages, which every Node process on the machine shares; smaps_rollup's Private_* do not. */
export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const part = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN);
  return { rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM'), privateKiB: part('Private_Clean') + part('Private_Dirty') };
}
