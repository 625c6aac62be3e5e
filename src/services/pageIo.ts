import type { Remote } from 'comlink';
import type { PointCloudWorkerApi } from '../../workers/pointCloud.worker.ts';
import type { ChecksWorkerApi } from '../../workers/checks.worker.ts';
import { api, type ApiClient } from '../io/apiClient.ts';
import { frameCache } from '../io/frameCache.ts';
import { groundCache } from '../io/groundCache.ts';
import { detachProgress, requestFrame } from '../io/frameLoads.ts';
import { getPointCloudWorker } from '../io/pointCloudWorker.ts';
import { getChecksWorker } from '../io/checksWorker.ts';
import type { MergeWorkerApi } from '../../workers/merge.worker.ts';
import { getMergeWorker } from '../io/mergeWorker.ts';
import { mergedClouds } from '../io/mergedClouds.ts';

/**
 * The engine a page runs on: the server client, the two workers, the frame and ground caches, the
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
  mergedClouds: typeof mergedClouds;
  /** Parsed points per frame, byte-bounded (drawn by the views). */
  frameCache: typeof frameCache;
  /** Ground-height maps per frame (synchronous lookups for drags). */
  groundCache: typeof groundCache;
  requestFrame: typeof requestFrame;
  detachProgress: typeof detachProgress;
  /** Where the local journal of unsaved edits lives. */
  storage: Storage;
}

/**
 * The browser's shared engine: one point-cloud worker, one checks worker and one frame cache per
 * browser tab (created on first use), shared by every editor mounted on the page.
 */
export function browserPageIo(): PageIo {
  return {
    api,
    worker: getPointCloudWorker,
    checksWorker: getChecksWorker,
    mergeWorker: getMergeWorker,
    mergedClouds,
    frameCache,
    groundCache,
    requestFrame,
    detachProgress,
    storage: window.localStorage,
  };
}
