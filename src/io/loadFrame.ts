import { proxy } from 'comlink';
import type { Remote } from 'comlink';
import type { FrameCache } from './frameCache.ts';
import type { PointCloudWorkerApi } from '../../workers/pointCloud.worker.ts';
import type { PointFileKind } from '../domain/pointcloud/pointFileKind.ts';
import type { LoadEvent, LoadSummary } from '../../workers/loadPointStream.ts';
import type { FieldInfo } from '../../workers/loadPointStream.ts';

export type { FieldInfo, LoadSummary };

const PROGRESS_INTERVAL_MS = 50;

/** What a caller hears while a frame streams in (throttled to one progress event per 50 ms). */
export type LoadProgressEvent =
  | { type: 'header'; totalPoints: number; bytesTotal: number; fields: FieldInfo[] }
  | { type: 'progress'; bytesLoaded: number; bytesTotal: number; pointsLoaded: number; renderCount: number };

/** The page's frame cache and point-cloud worker a load runs through. */
export interface LoadFrameEngine {
  frameCache: FrameCache;
  worker: () => Remote<PointCloudWorkerApi>;
}

/**
 * Streams a frame's points through the page's worker into its frame cache. Points are drawable as soon as the
 * first batch lands in the cache; resolves with the worker's summary when the file is complete.
 */
export async function loadFrame(
  { frameCache, worker }: LoadFrameEngine,
  frameId: string,
  url: string,
  kind: PointFileKind,
  onProgress: (event: LoadProgressEvent) => void,
): Promise<LoadSummary> {
  let buffers = frameCache.create(frameId, 0);
  let lastProgress = 0;
  let received = 0;
  let expected = Infinity;
  let allReceived: () => void = () => undefined;
  const complete = new Promise<void>((resolve) => {
    allReceived = resolve;
  });
  const onEvent = proxy((event: LoadEvent) => {
    if (event.type === 'header') {
      buffers = frameCache.create(frameId, event.totalPoints);
      onProgress(event);
      return;
    }
    buffers.append(event.batch);
    frameCache.notifyChange(frameId);
    received++;
    if (received >= expected) {
      allReceived();
      return;
    }
    const now = performance.now();
    if (now - lastProgress > PROGRESS_INTERVAL_MS) {
      lastProgress = now;
      onProgress({
        type: 'progress',
        bytesLoaded: event.bytesLoaded,
        bytesTotal: event.bytesTotal,
        pointsLoaded: event.pointsParsed,
        renderCount: buffers.renderCount,
      });
    }
  });
  try {
    const summary = await worker().loadFrame(frameId, url, kind, onEvent);
    // Batches come through the callback's own port: wait until every one has landed.
    expected = summary.batches;
    if (received >= expected) allReceived();
    await complete;
    buffers.complete = true;
    buffers.version++;
    frameCache.notifyChange(frameId);
    frameCache.evict(frameId);
    return summary;
  } catch (err) {
    frameCache.delete(frameId);
    throw err;
  }
}
