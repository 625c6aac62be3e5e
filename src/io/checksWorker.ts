import type { ChecksWorkerApi } from '../../workers/checks.worker.ts';
import { lazyWorker, type WorkerHandle } from './workerHandle.ts';

/** A page's checks worker (pre-checks of every box on every change), started on first use. */
export function createChecksWorker(): WorkerHandle<ChecksWorkerApi> {
  return lazyWorker(() => new Worker(new URL('../../workers/checks.worker.ts', import.meta.url), { type: 'module' }));
}
