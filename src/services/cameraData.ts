import type { KittiCalib } from '../domain/kitti/KittiCalib.ts';
import type { PageIo } from './pageIo.ts';

/** What the camera panel reads: a frame's calib, its image and its points projected into it. */
export interface CameraData {
  /** A frame's calibration and image size from the server (null calib: the frame has none). */
  loadCalib(frameId: string): Promise<{ calib: KittiCalib | null; imageSize: [number, number] }>;
  /** URL of the frame's camera image. */
  imageUrl(frameId: string): string;
  /** The frame's points projected into the image, computed in the worker (u, v, depth per point). */
  projectFramePoints(frameId: string, calib: KittiCalib): Promise<Float32Array | null>;
}

export function createCameraData(io: Pick<PageIo, 'api' | 'worker'>): CameraData {
  return {
    loadCalib: (frameId) => io.api.getCalib(frameId),
    imageUrl: (frameId) => io.api.imageUrl(frameId),
    projectFramePoints: (frameId, calib) => io.worker().projectPoints(frameId, calib),
  };
}
