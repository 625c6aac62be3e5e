import type { Vec3 } from '../types.ts';

/** Per-class priors used when fitting a box to a clicked object. */
export interface ClassDefaults {
  /**
   * Typical size [length, width, height], metres (KITTI class means, rounded; a pedestrian's
   * footprint is the middle of the datasets' means, nuScenes 0.73 × 0.67, KITTI 0.84 × 0.66,
   * Argoverse 2 about 0.65 square: nearly square, since a person's heading is the least sure).
   */
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
  /**
   * The sizes the class spans, [min, max] metres per axis (length, width, height), as in the
   * built-in edge-case dictionary. A fit keeps what it sees within these ranges and falls back
   * towards `size` only for what it cannot see.
   */
  range: { l: readonly [number, number]; w: readonly [number, number]; h: readonly [number, number] };
  /** How widely the class varies around `size`, one standard deviation per axis, metres. */
  spread: Vec3;
}

/**
 * Defaults by KITTI class name. Unknown labels get `GENERIC_DEFAULTS`. Ranges copy the size ranges
 * of the built-in edge-case dictionary (`checks/dictionary/defaultDictionary.ts`).
 */
export const CLASS_DEFAULTS: Readonly<Record<string, ClassDefaults>> = {
  Car: {
    size: [3.9, 1.6, 1.56],
    searchRadius: 4,
    clusterDistance: 0.6,
    boxShaped: true,
    range: { l: [3.0, 5.8], w: [1.35, 2.35], h: [1.15, 2.3] },
    spread: [0.45, 0.15, 0.15],
  },
  Van: {
    size: [5.0, 1.9, 2.2],
    searchRadius: 4.5,
    clusterDistance: 0.6,
    boxShaped: true,
    range: { l: [3.8, 7.0], w: [1.6, 2.5], h: [1.7, 3.0] },
    spread: [0.6, 0.2, 0.25],
  },
  Truck: {
    size: [10.0, 2.6, 3.2],
    searchRadius: 8,
    clusterDistance: 1.0,
    boxShaped: true,
    range: { l: [4.5, 20.0], w: [1.9, 3.2], h: [2.1, 4.6] },
    spread: [3.5, 0.3, 0.5],
  },
  Tram: {
    size: [15.0, 2.6, 3.5],
    searchRadius: 10,
    clusterDistance: 1.0,
    boxShaped: true,
    range: { l: [10.0, 40.0], w: [2.1, 3.3], h: [2.8, 4.2] },
    spread: [5, 0.2, 0.3],
  },
  Pedestrian: {
    size: [0.7, 0.65, 1.73],
    searchRadius: 1.5,
    clusterDistance: 0.4,
    boxShaped: false,
    range: { l: [0.2, 1.5], w: [0.25, 1.1], h: [0.9, 2.15] },
    spread: [0.2, 0.1, 0.12],
  },
  Person_sitting: {
    size: [0.8, 0.6, 1.25],
    searchRadius: 1.5,
    clusterDistance: 0.4,
    boxShaped: false,
    range: { l: [0.3, 1.6], w: [0.3, 1.1], h: [0.6, 1.6] },
    spread: [0.2, 0.1, 0.15],
  },
  Cyclist: {
    size: [1.76, 0.6, 1.73],
    searchRadius: 2,
    clusterDistance: 0.5,
    boxShaped: false,
    range: { l: [1.2, 2.4], w: [0.35, 1.1], h: [1.2, 2.15] },
    spread: [0.2, 0.12, 0.12],
  },
  Misc: {
    size: [2.0, 1.2, 1.5],
    searchRadius: 3,
    clusterDistance: 0.5,
    boxShaped: true,
    range: { l: [0.2, 20.0], w: [0.2, 4.0], h: [0.2, 4.6] },
    spread: [1.0, 0.5, 0.5],
  },
};

/** Defaults for a label that is not a KITTI class. */
export const GENERIC_DEFAULTS: ClassDefaults = {
  size: [2.0, 1.2, 1.5],
  searchRadius: 3,
  clusterDistance: 0.5,
  boxShaped: true,
  range: { l: [0.2, 20.0], w: [0.2, 4.0], h: [0.2, 4.6] },
  spread: [1.0, 0.5, 0.5],
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
