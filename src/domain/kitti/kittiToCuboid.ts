import type { Cuboid } from '../types.ts';
import type { KittiCalib } from './KittiCalib.ts';
import { kittiError } from './KittiError.ts';
import type { KittiObject } from './KittiObject.ts';
import { calibOrSynthetic } from './defaultCalib.ts';
import { radians } from '../units/angles.ts';
import { cameraPoint, cameraToLidar, rotationYToYaw } from '../units/frames.ts';

export interface KittiToCuboidOptions {
  /** Id of the new cuboid; default `kitti-<n>` from a module counter (pass real ids when you can). */
  id?: string;
  /** Track id; default `null`. */
  trackId?: string | null;
}

let nextId = 1;

/**
 * Converts a KITTI label object (rectified camera 0, bottom centre, `h w l`) to a LiDAR-frame
 * cuboid, the exact inverse of `cuboidToKitti` (§2.7):
 * - bottom = `rect2velo · location` (general 4×4 inverse), centre = bottom + h/2 on LiDAR z;
 * - `size` = `[l, w, h]`, `yaw` = wrap(−rotation_y − π/2) into [−π, π);
 * - `label` = `type`, `attributes` = `{truncated, occluded}`, `source` = `'import'`, `score` if
 *   present, and `kitti2d = {alpha, bbox}` copied from the line so that an unchanged box writes
 *   back the same text.
 *
 * With `calib === null` the §2.8.3 axis convention (`syntheticCalib`) is used.
 *
 * DontCare lines describe image regions, not 3D boxes: this function throws for them, and callers
 * keep DontCare objects in a separate list (and pass them back to `formatKittiLabel`).
 *
 * @throws KittiError for a DontCare object or a non-finite 3D value.
 */
export function kittiToCuboid(obj: KittiObject, calib: KittiCalib | null, opts: KittiToCuboidOptions = {}): Cuboid {
  if (obj.type === 'DontCare') {
    throw kittiError('kittiToCuboid', { field: 'type' }, 'a DontCare line has no 3D box; keep DontCare objects separately');
  }
  const [h, w, l] = obj.dimensions;
  const [x, y, z] = obj.location;
  const checks: [string, number][] = [
    ['h', h],
    ['w', w],
    ['l', l],
    ['x', x],
    ['y', y],
    ['z', z],
    ['rotation_y', obj.rotationY],
  ];
  for (const [field, value] of checks) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw kittiError('kittiToCuboid', { field }, `${String(value)} is not a finite number (${obj.type})`);
    }
  }
  const bottom = cameraToLidar(cameraPoint(x, y, z), calibOrSynthetic(calib));
  const cuboid: Cuboid = {
    id: opts.id ?? `kitti-${nextId++}`,
    trackId: opts.trackId ?? null,
    label: obj.type,
    center: [bottom[0], bottom[1], bottom[2] + h / 2],
    size: [l, w, h],
    yaw: rotationYToYaw(radians(obj.rotationY)),
    attributes: { truncated: obj.truncated, occluded: obj.occluded },
    source: 'import',
    kitti2d: { alpha: obj.alpha, bbox: [...obj.bbox] },
  };
  if (obj.score !== undefined) cuboid.score = obj.score;
  return cuboid;
}
