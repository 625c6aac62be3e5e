import type { Vec3 } from '../types.ts';
import { CLASS_DEFAULTS, GENERIC_DEFAULTS, classDefaults } from '../geometry/classDefaults.ts';

/**
 * Default box size per KITTI class, [length, width, height] in metres: the same priors the fit
 * uses (`geometry/classDefaults.ts`), so that a box placed without fitting matches what a fit of
 * a sparse object would give. Used for shift-create, a fit that finds nothing, and the height of
 * a rectangle drawn in the top view.
 */
export const KITTI_CLASS_SIZES: Readonly<Record<string, Vec3>> = Object.fromEntries(Object.entries(CLASS_DEFAULTS).map(([label, d]) => [label, d.size]));

/**
 * The default [l, w, h] (metres) for `label`: from `sizes` (the configurable palette; default
 * `KITTI_CLASS_SIZES`), else the fit's class defaults (KITTI names case-insensitive, generic
 * 2 × 1.2 × 1.5 m for anything else).
 */
export function classDefaultSize(label: string, sizes: Readonly<Record<string, Vec3>> = KITTI_CLASS_SIZES): Vec3 {
  if (Object.prototype.hasOwnProperty.call(sizes, label)) return sizes[label];
  // `classDefaults` indexes a plain object, so a label like "toString" must not reach it unchecked.
  const d = Object.prototype.hasOwnProperty.call(CLASS_DEFAULTS, label) ? CLASS_DEFAULTS[label] : classDefaults(label);
  return Array.isArray(d?.size) ? d.size : GENERIC_DEFAULTS.size;
}
