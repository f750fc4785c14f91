/**
 * A closed-loop load generator: `concurrency` workers each take the next job as soon as their
 * previous one finished, like clerks (or a batch script) that wait for each answer.
 */
import { summarize, type Summary } from './stats';

export interface LoadResult extends Summary {
  /** First few error messages, for the report (never request bodies or secrets). */
  errorSamples: string[];
}

export async function runLoad(count: number, concurrency: number, job: (index: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      try {
        await job(index);
        latencies.push(performance.now() - started);
      } catch (e) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(String((e as Error)?.message ?? e).slice(0, 200));
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const wallMs = performance.now() - started;
  return { ...summarize(latencies, wallMs, errors), errorSamples };
}
