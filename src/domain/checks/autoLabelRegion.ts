import type { Cuboid } from '../types.ts';
import type { KittiCalib } from '../kitti/KittiCalib.ts';
import type { LabelRegion } from './CheckContext.ts';
import { labelRegionFromCamera } from './labelRegionFromCamera.ts';

export type RegionMode = 'auto' | 'camera' | 'all';

/**
 * Which part of the scan the labels are meant to cover, for the missed-object search. `camera`:
 * camera 2's view minus DontCare columns; `all`: everywhere; `auto`: the camera view when the frame
 * has a real calibration and every box carries a real KITTI image box (a camera-labelled dataset
 * such as KITTI itself), else everywhere.
 */
export function autoLabelRegion(
  mode: RegionMode,
  calib: KittiCalib | null,
  imageWidth: number,
  cuboids: readonly Cuboid[],
  dontCare: readonly (readonly number[])[],
): LabelRegion | undefined {
  if (mode === 'all' || calib === null || calib.synthetic) return undefined;
  const cameraLabels = cuboids.every((c) => c.kitti2d !== undefined && c.kitti2d.bbox.some((v) => v !== 0));
  if (mode === 'camera' || cameraLabels) return labelRegionFromCamera(calib, imageWidth, dontCare);
  return undefined;
}
