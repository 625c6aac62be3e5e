import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { PointCloudWorkerApi } from '../../workers/pointCloud.worker.ts';

let worker: Remote<PointCloudWorkerApi> | null = null;

/** The one point-cloud worker of the page, created on first use. */
export function getPointCloudWorker(): Remote<PointCloudWorkerApi> {
  if (!worker) {
    worker = wrap<PointCloudWorkerApi>(new Worker(new URL('../../workers/pointCloud.worker.ts', import.meta.url), { type: 'module' }));
  }
  return worker;
}
