import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { MergeWorkerApi } from '../../workers/merge.worker.ts';

let worker: Remote<MergeWorkerApi> | null = null;

/** The page's multi-sweep merge worker (fetch, merge, LOD order, pick and fit on the merge), created on first use. */
export function getMergeWorker(): Remote<MergeWorkerApi> {
  if (!worker) {
    worker = wrap<MergeWorkerApi>(new Worker(new URL('../../workers/merge.worker.ts', import.meta.url), { type: 'module' }));
  }
  return worker;
}
