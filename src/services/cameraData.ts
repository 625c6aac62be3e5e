import { cameraCalib } from '../domain/camera/CameraProjection.ts';
import type { KittiCalib } from '../domain/kitti/KittiCalib.ts';
import { ApiError } from '../io/apiClient.ts';
import type { PageIo } from './pageIo.ts';

/** One camera of a frame as the panel draws it. */
export interface FrameCameraView {
  /** Stable across frames: `image_2`, `CAM_FRONT`. */
  name: string;
  label: string;
  /** False for a grey camera; null when unknown. */
  colour: boolean | null;
  /** The image file relative to the dataset (for messages). */
  file: string;
  hasImage: boolean;
  /** `[width, height]` in pixels when the server read it (PNG), else null: the image's own size once loaded. */
  imageSize: [number, number] | null;
  /**
   * A calib whose image-2 projections draw into this camera (`cameraCalib`: `P2` = this camera's
   * `P`, `velo2rect` = LiDAR → this camera), or null with `problem` saying why.
   */
  calib: KittiCalib | null;
  problem: string | null;
  imageUrl: string;
}

/** What the camera panel reads: a frame's cameras, their images and the frame's points projected into one. */
export interface CameraData {
  /** The frame's cameras from the server, in rig order (empty: the frame has no camera image). */
  loadCameras(frameId: string): Promise<FrameCameraView[]>;
  /** The frame's points projected into a camera (`calib` of a `FrameCameraView`), computed in the worker (u, v, depth per point). */
  projectFramePoints(frameId: string, calib: KittiCalib): Promise<Float32Array | null>;
}

export function createCameraData(io: Pick<PageIo, 'api' | 'worker'>): CameraData {
  return {
    async loadCameras(frameId) {
      let cameras;
      try {
        cameras = (await io.api.getCameras(frameId)).cameras;
      } catch (err) {
        // A malformed calib (422 naming it): show image 2 as it is, with the reason boxes are missing.
        if (!(err instanceof ApiError && err.error === 'calib_invalid')) throw err;
        return [
          {
            name: 'image_2',
            label: 'Camera 2 (left colour)',
            colour: true,
            file: 'image_2',
            hasImage: true,
            imageSize: null,
            calib: null,
            problem: err.detail,
            imageUrl: io.api.cameraImageUrl(frameId, 'image_2'),
          },
        ];
      }
      return cameras.map((c) => {
        let calib: KittiCalib | null = null;
        let problem = c.problem;
        if (c.projection !== null) {
          try {
            calib = cameraCalib(c.projection);
          } catch (err) {
            problem = `${c.name}: ${err instanceof Error ? err.message : String(err)}`;
          }
        }
        return {
          name: c.name,
          label: c.label,
          colour: c.colour,
          file: c.file,
          hasImage: c.hasImage,
          imageSize: c.imageSize,
          calib,
          problem,
          imageUrl: io.api.cameraImageUrl(frameId, c.name),
        };
      });
    },
    projectFramePoints: (frameId, calib) => io.worker().projectPoints(frameId, calib),
  };
}
