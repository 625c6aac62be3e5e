import type { Cuboid } from '../domain/types.ts';
import { getPointCloudWorker } from '../io/pointCloudWorker.ts';

/** Points of the frame inside `box`, counted in the point-cloud worker; null if the frame is not loaded. */
export async function countPointsInBox(frameId: string, box: Pick<Cuboid, 'center' | 'size' | 'yaw'>): Promise<number | null> {
  const counts = await getPointCloudWorker().countPoints(frameId, [{ center: box.center, size: box.size, yaw: box.yaw }]);
  return counts ? counts[0] : null;
}
