import type { KittiCalib } from '../domain/kitti/KittiCalib.ts';
import { api } from '../io/apiClient.ts';
import { getPointCloudWorker } from '../io/pointCloudWorker.ts';

/** A frame's calibration and image size from the server (null calib: the frame has none). */
export function loadCalib(frameId: string): Promise<{ calib: KittiCalib | null; imageSize: [number, number] }> {
  return api.getCalib(frameId);
}

/** URL of the frame's camera image. */
export function imageUrl(frameId: string): string {
  return api.imageUrl(frameId);
}

/** The frame's points projected into the image, computed in the worker (u, v, depth per point). */
export function projectFramePoints(frameId: string, calib: KittiCalib): Promise<Float32Array | null> {
  return getPointCloudWorker().projectPoints(frameId, calib);
}
