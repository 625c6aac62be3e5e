import type { Cuboid } from '../types.ts';
import type { KittiCalib } from '../kitti/KittiCalib.ts';
import type { LabelRegion } from './CheckContext.ts';
import { labelRegionFromCamera } from './labelRegionFromCamera.ts';

export type RegionMode = 'auto' | 'camera' | 'all';

/**
 * Which part of the scan the labels are meant to cover, for the missed-object search. `camera`:
 * camera 2's view minus DontCare columns; `all`: everywhere; `auto`: the camera view when the frame
 * has a real calibration and every box read from a KITTI label has a real image box (a
 * camera-labelled dataset such as KITTI itself), else everywhere. Boxes made in the app have no
 * image box and do not count, so adding one does not widen the search.
 */
export function autoLabelRegion(
  mode: RegionMode,
  calib: KittiCalib | null,
  imageWidth: number,
  cuboids: readonly Cuboid[],
  dontCare: readonly (readonly number[])[],
): LabelRegion | undefined {
  if (mode === 'all' || calib === null || calib.synthetic) return undefined;
  // Only boxes that came from KITTI label lines carry an image box; boxes drawn, fitted or carried
  // in the app have none and say nothing about how the dataset was labelled.
  const cameraLabels = cuboids.every((c) => c.kitti2d === undefined || c.kitti2d.bbox.some((v) => v !== 0));
  if (mode === 'camera' || cameraLabels) return labelRegionFromCamera(calib, imageWidth, dontCare);
  return undefined;
}
