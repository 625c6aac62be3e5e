import type { PointCloud } from '../types.ts';

/** Attribute names that hold a point's beam (ring / laser) index, as drivers and datasets write them. */
const RING_NAMES = ['ring', 'laser_id', 'laser_number', 'laser', 'line', 'channel', 'beam'];

/** The cloud's beam index per point, when it carries one under a known name (else undefined). */
export function ringOf(cloud: Pick<PointCloud, 'count' | 'attributes'>): ArrayLike<number> | undefined {
  for (const name of RING_NAMES) {
    const a = cloud.attributes[name];
    if (a !== undefined && a.length === cloud.count && !(a instanceof BigInt64Array || a instanceof BigUint64Array)) return a;
  }
  return undefined;
}
