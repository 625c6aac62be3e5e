import createLazPerf from 'laz-perf/lib/worker/laz-perf.js';
import wasmUrl from 'laz-perf/lib/worker/laz-perf.wasm?url';
import type { LazBackend } from '../src/domain/las/LazBackend.ts';

let module: Promise<LazBackend> | null = null;

/**
 * The laz-perf WASM module in the point-cloud worker (its `lib/worker` build; the `.wasm` is
 * emitted by Vite as an asset and located by URL), loaded on the first LAZ file. `fresh` drops
 * the loaded one first (after a decode failed, the module may have aborted).
 */
export function loadLazBackend(fresh = false): Promise<LazBackend> {
  if (fresh) module = null;
  module ??= (createLazPerf({ locateFile: () => wasmUrl }) as Promise<unknown>).then((m) => m as LazBackend);
  return module;
}
