import { performance } from 'node:perf_hooks';

/** Milliseconds by label, summed over a run: the benchmark's breakdown (`--timings`). */
export type Timings = Record<string, number>;

export function addElapsed(timings: Timings | undefined, label: string, since: number): void {
  if (timings) timings[label] = (timings[label] ?? 0) + performance.now() - since;
}
