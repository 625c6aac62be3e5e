/**
 * Timing helpers: median of N runs after a warm-up, with a full GC before every run so one
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
  /** The first call's time, before any warm-up: includes compiling the code. */
  firstMs: number;
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
  /** Warm-up calls made whatever their time (default 1): for code that needs many calls before the JIT has optimized it. */
  warmupCalls?: number;
}

/** Warm-up: at least one call; short cases get up to 5 so the JIT has tiered up. Returns the first call's time. */
function warmUp(fn: () => unknown, budgetMs: number, minCalls: number): number {
  collectGarbage();
  let t0 = performance.now();
  fn();
  const firstMs = performance.now() - t0;
  for (let calls = 1, spent = firstMs; calls < minCalls || (calls < 5 && spent < budgetMs); calls++) {
    t0 = performance.now();
    fn();
    spent += performance.now() - t0;
  }
  return firstMs;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times several functions against each other: each is warmed up, then the timed runs go round
 * robin (a, b, c, a, b, c, ...) with a GC before each call, so a burst of load from another
 * process slows every contender alike instead of one. Returns the median per function.
 */
export function measureAll<F extends Record<string, () => unknown>>(fns: F, options: MeasureOptions): { [K in keyof F]: Measurement<ReturnType<F[K]>> } {
  type K = keyof F & string;
  const keys = Object.keys(fns) as K[];
  let runs = options.runs;
  const firstCall = new Map<K, number>();
  for (const k of keys) {
    const firstMs = warmUp(fns[k], options.warmupMs ?? 300, options.warmupCalls ?? 1);
    firstCall.set(k, firstMs);
    if (options.slowMs !== undefined && firstMs > options.slowMs) runs = Math.max(1, Math.min(runs, 2));
  }
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  const results = new Map<K, unknown>();
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      results.delete(k); // let the previous output be collected before timing
      collectGarbage();
      const t0 = performance.now();
      const r = fns[k]();
      (times.get(k) as number[]).push(performance.now() - t0);
      results.set(k, r);
    }
  }
  const out: Record<string, Measurement<unknown>> = {};
  for (const k of keys) {
    const t = times.get(k) as number[];
    out[k] = { medianMs: median(t), minMs: Math.min(...t), firstMs: firstCall.get(k) as number, runs, result: results.get(k) };
  }
  return out as { [K in keyof F]: Measurement<ReturnType<F[K]>> };
}

/** `measureAll` for a single function. */
export function measure<T>(fn: () => T, options: MeasureOptions): Measurement<T> {
  return measureAll({ fn }, options).fn;
}
