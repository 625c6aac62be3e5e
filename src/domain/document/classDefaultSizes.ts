import type { Vec3 } from '../types.ts';

/**
 * Typical box sizes per KITTI class, [length, width, height] in metres (rounded means of the KITTI
 * training labels). Used for a box created without fitting and for its height when drawn as a
 * rectangle in the top view.
 */
export const KITTI_CLASS_SIZES: Readonly<Record<string, Vec3>> = {
  Car: [3.9, 1.6, 1.55],
  Van: [5.1, 1.9, 2.2],
  Truck: [10.1, 2.6, 3.25],
  Pedestrian: [0.85, 0.65, 1.75],
  Person_sitting: [0.8, 0.6, 1.25],
  Cyclist: [1.75, 0.6, 1.75],
  Tram: [16.1, 2.6, 3.5],
  Misc: [3.6, 1.5, 1.9],
  DontCare: [1, 1, 1],
};

/** Size used for a class that has no entry: a 1 m cube. */
export const FALLBACK_CLASS_SIZE: Vec3 = [1, 1, 1];

/**
 * The default [l, w, h] (metres) for `label`, looked up in `sizes` (default `KITTI_CLASS_SIZES`),
 * else `FALLBACK_CLASS_SIZE`.
 */
export function classDefaultSize(label: string, sizes: Readonly<Record<string, Vec3>> = KITTI_CLASS_SIZES): Vec3 {
  return Object.prototype.hasOwnProperty.call(sizes, label) ? sizes[label] : FALLBACK_CLASS_SIZE;
}
