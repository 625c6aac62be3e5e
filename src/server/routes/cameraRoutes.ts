import { cameraParamsSchema, frameCamerasResponseSchema, type FrameCamerasResponse } from '../../domain/api/cameraSchemas.ts';
import { frameParamsSchema } from '../../domain/api/requestSchemas.ts';
import { CameraFolders } from '../dataset/cameraFolders.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import type { DatasetCamera } from '../dataset/DatasetCamera.ts';
import { frameCameras } from '../dataset/frameCameras.ts';
import { imageFileSize } from '../dataset/imageFileSize.ts';
import { HttpError, quoteInput } from '../http/HttpError.ts';
import { sendDatasetFile } from '../http/sendFile.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';

/** `[width, height]` of a camera's PNG or JPEG from its header, or null (no image, an unreadable file: the browser reads the size). */
async function cameraImageSize(frame: DatasetFrame, camera: DatasetCamera): Promise<[number, number] | null> {
  if (camera.image === null) return null;
  try {
    return await imageFileSize(frame, camera.image.path);
  } catch {
    return null;
  }
}

/**
 * Every camera of a frame: `GET /api/frames/:id/cameras` lists them (KITTI `image_0`–`image_3`
 * with `P0`–`P3`, nuScenes `CAM_*` with intrinsics and extrinsics; see `frameCameras`) with each
 * one's projection from the LiDAR frame; `GET /api/frames/:id/cameras/:camera/image` streams one
 * image (Range honoured) through the dataset's source, confined like `GET /image`. A malformed
 * calib answers 422 `calib_invalid` naming it; an unknown camera 404 `camera_not_found` naming the
 * frame's cameras; a camera whose file is missing 404 `no_image` naming the file.
 */
export function registerCameraRoutes(app: ZodApp, ctx: RouteContext): void {
  const folders = new CameraFolders(ctx.service.dataset.source);
  const camerasOf = (frame: DatasetFrame) => frameCameras(frame, folders, () => ctx.service.calib(frame));

  app.get(
    '/api/frames/:id/cameras',
    { schema: { params: frameParamsSchema, response: { 200: frameCamerasResponseSchema }, description: 'the cameras of a frame with their projections' } },
    async (request): Promise<FrameCamerasResponse> => {
      const frame = frameFromParams(ctx, request.params);
      const cameras = await camerasOf(frame);
      return {
        frameId: frame.id,
        cameras: await Promise.all(
          cameras.map(async (c) => ({
            name: c.name,
            label: c.label,
            colour: c.colour,
            file: c.file,
            hasImage: c.image !== null,
            imageSize: await cameraImageSize(frame, c),
            projection: c.projection,
            problem: c.problem,
          })),
        ),
      };
    },
  );

  app.get(
    '/api/frames/:id/cameras/:camera/image',
    { schema: { params: cameraParamsSchema, description: "one camera's image of the frame; Range honoured" } },
    async (request, reply) => {
      const frame = frameFromParams(ctx, request.params);
      // Only the image is needed: a frame whose calib is malformed still shows its pictures.
      const cameras = await frameCameras(frame, folders, async () => null);
      const camera = cameras.find((c) => c.name === request.params.camera);
      if (camera === undefined) {
        const names = cameras.map((c) => c.name).join(', ');
        throw new HttpError(
          404,
          'camera_not_found',
          `frame "${frame.id}" has no camera ${quoteInput(request.params.camera)} (its cameras: ${names || 'none'})`,
        );
      }
      if (camera.image === null)
        throw new HttpError(404, 'no_image', `frame "${frame.id}": camera ${camera.name} has no image file ${camera.file} in the dataset`);
      return sendDatasetFile(request, reply, frame, camera.image.path, { contentType: camera.image.contentType, ranges: true });
    },
  );
}
