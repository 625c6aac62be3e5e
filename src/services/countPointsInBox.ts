import type { Cuboid } from '../domain/types.ts';
import type { PageIo } from './pageIo.ts';

/** Counts a frame's points inside `box` (LiDAR frame, metres, radians); null if the frame is not loaded. */
export type PointCounter = (frameId: string, box: Pick<Cuboid, 'center' | 'size' | 'yaw'>) => Promise<number | null>;

/** Points of the frame inside a box, counted in the point-cloud worker. */
export function createPointCounter(io: Pick<PageIo, 'worker'>): PointCounter {
  return async (frameId, box) => {
    const counts = await io.worker().countPoints(frameId, [{ center: box.center, size: box.size, yaw: box.yaw }]);
    return counts ? counts[0] : null;
  };
}
