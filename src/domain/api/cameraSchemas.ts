import { z } from 'zod';

/** `/api/frames/:id/cameras/:camera`: a camera name as `GET /api/frames/:id/cameras` lists it (`image_3`, `CAM_FRONT_LEFT`). */
export const cameraParamsSchema = z.object({
  id: z.string(),
  camera: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .describe('a camera name from GET /api/frames/:id/cameras'),
});

/** One camera of a frame (see `server/dataset/DatasetCamera`). */
export const frameCameraSchema = z.object({
  name: z.string().describe('stable across frames: image_2, CAM_FRONT'),
  label: z.string(),
  colour: z.boolean().nullable().describe('false for a grey camera (KITTI 0 and 1); null when unknown'),
  /** The image file relative to the dataset. */
  file: z.string(),
  hasImage: z.boolean().describe('false when the file the calib or tables name is not in the dataset (its image route answers 404)'),
  /** `[width, height]` in pixels from the PNG header, or null (a JPEG: the browser reads it). */
  imageSize: z.tuple([z.number(), z.number()]).nullable(),
  projection: z
    .object({
      P: z.array(z.number()).length(12).describe('3×4 row-major: camera frame → pixels'),
      lidarToCamera: z.array(z.number()).length(16).describe('4×4 row-major: LiDAR frame → camera frame, metres'),
    })
    .nullable(),
  problem: z.string().nullable().describe('why projection is null'),
});

/** `GET /api/frames/:id/cameras`: the frame's cameras, in rig order (KITTI 0–3; nuScenes channels by name). */
export const frameCamerasResponseSchema = z.object({
  frameId: z.string(),
  cameras: z.array(frameCameraSchema),
});

export type FrameCamerasResponse = z.output<typeof frameCamerasResponseSchema>;
