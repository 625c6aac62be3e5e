import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import type { CuboidShape } from '../domain/geometry/CuboidShape.ts';
import { pointFileKindOf } from '../domain/pointcloud/pointFileKind.ts';
import type { PageIo } from './pageIo.ts';

/**
 * The points around a box in one frame, as the point-cloud worker gathered them: `positions` x y z
 * interleaved, LiDAR frame of that frame, metres; every point within `margin` metres of a face of
 * `box` (the box the crop was made around).
 */
export interface TileCrop {
  frameId: string;
  box: CuboidShape;
  margin: number;
  positions: Float32Array;
}

/** The part of the page's engine the crops use. */
export type BatchCropIo = { api: Pick<PageIo['api'], 'pointsUrl'>; worker: () => Pick<ReturnType<PageIo['worker']>, 'ensureFrame' | 'pointsNearBox' | 'fit'> };

export interface BatchCrops {
  /**
   * The points of frame `frame` within `margin` metres of `box`: the worker fetches and parses the
   * frame if it does not hold it, gathers the neighbourhood and transfers only that. Null when the
   * frame has no point file.
   */
  crop(frame: FrameListItem, box: CuboidShape, margin: number): Promise<TileCrop | null>;
  /** Runs `fn` with frame `frame` parsed in the worker (for a refit there). */
  withFrame<T>(frame: FrameListItem, fn: () => Promise<T>): Promise<T>;
}

/**
 * Crops for the batch view's tiles, one request at a time: the worker keeps only a few parsed
 * frames, so asking for eight at once would evict each before its crop is taken. A crop that
 * finds its frame gone (another load pushed it out in between) loads it once more.
 */
export function createBatchCrops(io: BatchCropIo): BatchCrops {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const ensure = async (frame: FrameListItem): Promise<boolean> => {
    if (frame.pointsFile === null) return false;
    const kind = pointFileKindOf(frame.pointsFile) ?? 'pcd';
    await io.worker().ensureFrame(frame.id, io.api.pointsUrl(frame.id), kind);
    return true;
  };
  return {
    crop: (frame, box, margin) =>
      serial(async () => {
        const shape: CuboidShape = { center: [...box.center], size: [...box.size], yaw: box.yaw };
        for (let attempt = 0; attempt < 2; attempt++) {
          if (!(await ensure(frame))) return null;
          const near = await io.worker().pointsNearBox(frame.id, shape, margin, 'none');
          if (near) return { frameId: frame.id, box: shape, margin, positions: near.positions };
        }
        throw new Error(`batch view: the points of frame ${frame.id} could not be kept in the worker`);
      }),
    withFrame: (frame, fn) =>
      serial(async () => {
        if (!(await ensure(frame))) throw new Error(`batch view: frame ${frame.id} has no point file`);
        return fn();
      }),
  };
}
