import { createLazPerf } from 'laz-perf';
import type { LazBackend } from '../../domain/las/LazBackend.ts';

let module: Promise<LazBackend> | null = null;

/**
 * The laz-perf WASM module for Node (its `lib/node` build reads the `.wasm` beside it), loaded
 * once per thread on first use. `fresh` drops the loaded one first (after a decode failed, the
 * module may have aborted).
 */
export function loadLazBackend(fresh = false): Promise<LazBackend> {
  if (fresh) module = null;
  module ??= (createLazPerf() as Promise<unknown>).then((m) => m as LazBackend);
  return module;
}
