import type { Vec3 } from '../types.ts';

/** Per-class priors used when fitting a box to a clicked object. */
export interface ClassDefaults {
  /** Typical size [length, width, height], metres (KITTI class means, rounded). */
  size: Vec3;
  /** Points farther than this (bird's-eye view, metres) from the click are not considered. */
  searchRadius: number;
  /** Two points belong to the same object when this close in bird's-eye view (metres). */
  clusterDistance: number;
  /**
   * Whether the object looks like a rectangle from above (vehicles: heading by L-shape fit) or
   * not (people, riders: heading by the direction of largest spread).
   */
  boxShaped: boolean;
}

/** Defaults by KITTI class name. Unknown labels get `GENERIC_DEFAULTS`. */
export const CLASS_DEFAULTS: Readonly<Record<string, ClassDefaults>> = {
  Car: { size: [3.9, 1.6, 1.56], searchRadius: 4, clusterDistance: 0.6, boxShaped: true },
  Van: { size: [5.0, 1.9, 2.2], searchRadius: 4.5, clusterDistance: 0.6, boxShaped: true },
  Truck: { size: [10.0, 2.6, 3.2], searchRadius: 8, clusterDistance: 1.0, boxShaped: true },
  Tram: { size: [15.0, 2.6, 3.5], searchRadius: 10, clusterDistance: 1.0, boxShaped: true },
  Pedestrian: { size: [0.8, 0.6, 1.73], searchRadius: 1.5, clusterDistance: 0.4, boxShaped: false },
  Person_sitting: { size: [0.8, 0.6, 1.25], searchRadius: 1.5, clusterDistance: 0.4, boxShaped: false },
  Cyclist: { size: [1.76, 0.6, 1.73], searchRadius: 2, clusterDistance: 0.5, boxShaped: false },
  Misc: { size: [2.0, 1.2, 1.5], searchRadius: 3, clusterDistance: 0.5, boxShaped: true },
};

/** Defaults for a label that is not a KITTI class. */
export const GENERIC_DEFAULTS: ClassDefaults = {
  size: [2.0, 1.2, 1.5],
  searchRadius: 3,
  clusterDistance: 0.5,
  boxShaped: true,
};

/** The defaults for a label (KITTI class names, case-insensitive), or `GENERIC_DEFAULTS`. */
export function classDefaults(label: string | undefined): ClassDefaults {
  if (label === undefined) return GENERIC_DEFAULTS;
  const hit = CLASS_DEFAULTS[label];
  if (hit !== undefined) return hit;
  const lower = label.toLowerCase();
  for (const [name, d] of Object.entries(CLASS_DEFAULTS)) if (name.toLowerCase() === lower) return d;
  return GENERIC_DEFAULTS;
}
