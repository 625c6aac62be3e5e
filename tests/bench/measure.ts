/**
 * Timing helpers: median of N runs after one warm-up, with a full GC before every run so one
 * case's garbage is not collected on the next case's clock.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Runs a full garbage collection (available without starting node with --expose-gc). */
export function collectGarbage(): void {
  gc();
}

export interface Measurement<T> {
  medianMs: number;
  minMs: number;
  runs: number;
  /** The value returned by the last run (kept for sanity checks). */
  result: T;
}

export interface MeasureOptions {
  /** Timed runs after the warm-up. */
  runs: number;
  /** When one warm-up call takes longer than this, time fewer runs (at most 2). */
  slowMs?: number;
  /** Keep warming up (up to 5 calls) while the warm-up has taken less than this; default 300 ms. */
  warmupMs?: number;
}

/**
 * Warms up (at least one call; short cases get up to 5 so the JIT has tiered up), then calls
 * `fn` `runs` times and returns the median wall time.
 * The result of each run is dropped before the next one, except the last.
 */
export function measure<T>(fn: () => T, options: MeasureOptions): Measurement<T> {
  collectGarbage();
  let t0 = performance.now();
  let result = fn();
  const warmMs = performance.now() - t0;
  const warmBudget = options.warmupMs ?? 300;
  for (let calls = 1, spent = warmMs; calls < 5 && spent < warmBudget; calls++) {
    result = undefined as T;
    t0 = performance.now();
    result = fn();
    spent += performance.now() - t0;
  }
  let runs = options.runs;
  if (options.slowMs !== undefined && warmMs > options.slowMs) runs = Math.max(1, Math.min(runs, 2));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    result = undefined as T; // let the previous output be collected before timing
    collectGarbage();
    t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { medianMs, minMs: times[0], runs, result };
}
