import type { MergeWorkerApi } from '../../workers/merge.worker.ts';
import { lazyWorker, type WorkerHandle } from './workerHandle.ts';

/** A page's multi-sweep merge worker (fetch, merge, LOD order, pick and fit on the merge), started on first use. */
export function createMergeWorker(): WorkerHandle<MergeWorkerApi> {
  return lazyWorker(() => new Worker(new URL('../../workers/merge.worker.ts', import.meta.url), { type: 'module' }));
}
