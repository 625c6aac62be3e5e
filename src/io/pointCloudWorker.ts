import type { PointCloudWorkerApi } from '../../workers/pointCloud.worker.ts';
import { lazyWorker, type WorkerHandle } from './workerHandle.ts';

/** A page's point-cloud worker (parsing, picking, fitting, counting, propagation), started on first use. */
export function createPointCloudWorker(): WorkerHandle<PointCloudWorkerApi> {
  return lazyWorker(() => new Worker(new URL('../../workers/pointCloud.worker.ts', import.meta.url), { type: 'module' }));
}
