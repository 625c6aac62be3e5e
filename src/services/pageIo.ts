import type { Remote } from 'comlink';
import type { PointCloudWorkerApi } from '../../workers/pointCloud.worker.ts';
import type { ChecksWorkerApi } from '../../workers/checks.worker.ts';
import type { MergeWorkerApi } from '../../workers/merge.worker.ts';
import { api, type ApiClient } from '../io/apiClient.ts';
import { FrameCache } from '../io/frameCache.ts';
import { createGroundCache, type GroundCache } from '../io/groundCache.ts';
import { createFrameLoads, type FrameLoads } from '../io/frameLoads.ts';
import { createPointCloudWorker } from '../io/pointCloudWorker.ts';
import { createChecksWorker } from '../io/checksWorker.ts';
import { createMergeWorker } from '../io/mergeWorker.ts';
import { MergedClouds } from '../io/mergedClouds.ts';

/**
 * The engine a page runs on: the server client, the workers, the frame and ground caches, the
 * point streams and the storage the journal lives in. Everything a page does outside its store
 * goes through this object, so a host (or a test) decides what the editor talks to.
 */
export interface PageIo {
  api: ApiClient;
  /** The point-cloud worker (parsing, picking, fitting, counting, propagation). */
  worker: () => Remote<PointCloudWorkerApi>;
  /** The checks worker (the pre-checks of the open frame). */
  checksWorker: () => Remote<ChecksWorkerApi>;
  /** The multi-sweep merge worker (merge, LOD order, pick and fit on the merge). */
  mergeWorker: () => Remote<MergeWorkerApi>;
  /** Merged multi-sweep clouds (drawn by the main view). */
  mergedClouds: MergedClouds;
  /** Parsed points per frame, byte-bounded (drawn by the views). */
  frameCache: FrameCache;
  /** Ground-height maps per frame (synchronous lookups for drags). */
  groundCache: Pick<GroundCache, 'fetch' | 'groundZ'>;
  requestFrame: FrameLoads['requestFrame'];
  detachProgress: FrameLoads['detachProgress'];
  /** Where the local journal of unsaved edits lives. */
  storage: Storage;
  /**
   * Tears the engine down: terminates its workers, forgets its caches and listeners. A later call
   * starts fresh workers on demand (React's strict mode mounts an editor twice). Absent on fakes.
   */
  dispose?(): void;
}

/**
 * A browser engine of its own: three workers (each started on first use), a frame cache, a
 * ground cache, the point streams and the merged clouds. Every `<CuboidEditor>` that is not given
 * one builds its own, so two editors on one page share none of these; `dispose` ends them.
 */
export function browserPageIo(): PageIo {
  const pointCloud = createPointCloudWorker();
  const checks = createChecksWorker();
  const merge = createMergeWorker();
  const frameCache = new FrameCache();
  const mergedClouds = new MergedClouds();
  const worker = () => pointCloud.get();
  const groundCache = createGroundCache(worker);
  const loads = createFrameLoads({ frameCache, worker });
  return {
    api,
    worker,
    checksWorker: () => checks.get(),
    mergeWorker: () => merge.get(),
    mergedClouds,
    frameCache,
    groundCache,
    requestFrame: (...a) => loads.requestFrame(...a),
    detachProgress: (frameId) => loads.detachProgress(frameId),
    storage: window.localStorage,
    dispose() {
      loads.dispose();
      pointCloud.terminate();
      checks.terminate();
      merge.terminate();
      groundCache.clear();
      mergedClouds.clear();
      frameCache.close();
    },
  };
}
