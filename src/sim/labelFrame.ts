import { pointsInCuboids } from '../domain/geometry/pointsInCuboids.ts';
import { cuboidCameraBox } from '../domain/kitti/cuboidCameraBox.ts';
import { cuboidToKitti } from '../domain/kitti/cuboidToKitti.ts';
import { overlapsImage, projectedBounds } from '../domain/kitti/isVisibleInCamera.ts';
import { kittiBoxCorners } from '../domain/kitti/kittiBoxCorners.ts';
import type { KittiCalib } from '../domain/kitti/KittiCalib.ts';
import type { KittiObject } from '../domain/kitti/KittiObject.ts';
import type { Cuboid } from '../domain/types.ts';
import type { SimFrame, SimObject } from './simulateFrame.ts';

/** One simulated object with its ground-truth annotation. */
export interface LabelledObject {
  sim: SimObject;
  /** Points of the frame inside the box (box geometry, boundary inclusive). */
  pointsInBox: number;
  /** Whether the object gets a label line (enough points in its box). */
  labelled: boolean;
  /** Whether camera 2 can see the box (§2.5 step 6). */
  inCamera: boolean;
  /** KITTI occluded level derived from the LiDAR occlusion share: 0 (< 20 %), 1 (< 60 %), 2. */
  occluded: number;
  /** 1 − clipped/unclipped 2D box area; 1 when the box is outside the image. */
  truncated: number;
  cuboid: Cuboid;
  kitti: KittiObject;
}

export interface LabelFrameOptions {
  /** Minimum number of points in a box for a label line (default 5). */
  minPoints?: number;
  /** Image 2 size in pixels (default 1242×375). */
  imageSize?: [number, number];
}

/** KITTI occluded level from the share of the object hidden from the LiDAR. */
export function occlusionLevel(share: number): number {
  if (!(share >= 0.2)) return 0;
  return share < 0.6 ? 1 : 2;
}

/** Camera-2 visibility of a box and its truncation estimate (§2.5 steps 6–7). */
function cameraView(cuboid: Cuboid, calib: KittiCalib, imageSize: [number, number]): { visible: boolean; truncated: number } {
  const box = cuboidCameraBox(cuboid, calib);
  const raw = projectedBounds(kittiBoxCorners(box.location, box.dimensions, box.rotationY), calib.P2);
  if (raw === null || !overlapsImage(raw, imageSize)) return { visible: false, truncated: 1 };
  const area = (raw[2] - raw[0]) * (raw[3] - raw[1]);
  const cw = Math.min(raw[2], imageSize[0] - 1) - Math.max(raw[0], 0);
  const ch = Math.min(raw[3], imageSize[1] - 1) - Math.max(raw[1], 0);
  const kept = area > 0 ? (Math.max(0, cw) * Math.max(0, ch)) / area : 1;
  return { visible: true, truncated: Math.min(1, Math.max(0, 1 - kept)) };
}

/**
 * Builds the ground truth of a simulated frame: the LiDAR-frame cuboid of every object (id and
 * trackId = the object's track id), the number of frame points inside it, and its KITTI label
 * object (through `cuboidToKitti` with `calib`). Objects whose box holds fewer than `minPoints`
 * points are returned with `labelled = false`. Objects that camera 2 cannot see keep their label
 * (a LiDAR tool labels all around) with the bbox `0 0 0 0` that cuboidToKitti gives them and
 * truncated = 1.
 */
export function labelFrame(frame: SimFrame, calib: KittiCalib, opts: LabelFrameOptions = {}): LabelledObject[] {
  const minPoints = opts.minPoints ?? 5;
  const imageSize = opts.imageSize ?? [1242, 375];
  const shapes = frame.objects.map((o) => ({ center: o.center, size: o.size, yaw: o.yaw }));
  const { counts } = pointsInCuboids(frame.cloud.positions, shapes, { withIndices: false });
  return frame.objects.map((sim, i): LabelledObject => {
    const occluded = occlusionLevel(sim.occlusion);
    const cuboid: Cuboid = {
      id: sim.trackId,
      trackId: sim.trackId,
      label: sim.label,
      center: sim.center,
      size: sim.size,
      yaw: sim.yaw,
      attributes: { truncated: 0, occluded },
      source: 'manual',
    };
    const view = cameraView(cuboid, calib, imageSize);
    const truncated = view.truncated;
    cuboid.attributes.truncated = truncated;
    const kitti = cuboidToKitti(cuboid, calib, { imageSize });
    return {
      sim,
      pointsInBox: counts[i],
      labelled: counts[i] >= minPoints,
      inCamera: view.visible,
      occluded,
      truncated,
      cuboid,
      kitti,
    };
  });
}
