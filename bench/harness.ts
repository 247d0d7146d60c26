/**
 * A tiny benchmark harness: each case reports a figure and the target it must meet, and the
 * runner prints them with the ratio to a baseline measured in the same run, so numbers from
 * different machines can be compared.
 */
export interface BenchResult {
  /** The measured figure (ms, bytes, frames/s... as `unit` says). */
  readonly value: number;
  readonly unit: string;
  /** The limit it must stay under (or above, when `higherIsBetter`). */
  readonly target?: number;
  readonly higherIsBetter?: boolean;
  /** The same-run baseline this figure is compared with, and what it is. */
  readonly baseline?: { readonly value: number; readonly what: string };
  readonly detail?: string;
}

export interface BenchCase {
  readonly name: string;
  readonly run: () => BenchResult | Promise<BenchResult>;
}

export interface BenchSuite {
  readonly name: string;
  readonly cases: readonly BenchCase[];
}

/**
 * Median wall time of `fn` in ms over `iterations` runs, after a warm-up (by default half as many
 * runs again, at least 5) so that the figure is the JIT-compiled steady state, not the first calls.
 */
export function timeMedian(fn: () => unknown, iterations = 50, warmup = Math.max(5, Math.ceil(iterations / 2))): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}
