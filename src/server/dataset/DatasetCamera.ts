import type { CameraProjection } from '../../domain/camera/CameraProjection.ts';

/**
 * One camera image of a frame: KITTI `image_0`…`image_3` with `P0`…`P3`, or a nuScenes `CAM_*`
 * keyframe with its intrinsics and extrinsics. The image ref comes from a listing of the source
 * (opaque; read it through `sourceFor(frame.source)`), never from a request.
 */
export interface DatasetCamera {
  /** Stable across frames: `image_2`, `CAM_FRONT`. */
  name: string;
  /** For people: `Camera 2 (left colour)`, `CAM_FRONT`. */
  label: string;
  /** False for a grey camera (KITTI 0 and 1); null when unknown. */
  colour: boolean | null;
  /** The image file relative to the dataset (`image_3/000001.png`), for messages. */
  file: string;
  /** The listed image, or null when the file the calib or tables name is not in the dataset. */
  image: { path: string; contentType: string } | null;
  /** LiDAR → pixels of this camera, or null with `problem` saying why (no calib, no `P3`, a bad intrinsic). */
  projection: CameraProjection | null;
  problem: string | null;
}

/** MIME types of the camera images the server serves, by lower-case extension. */
export const CAMERA_IMAGE_TYPES: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** The MIME type of an image file name. */
export function cameraImageType(name: string): string {
  const dot = name.lastIndexOf('.');
  return CAMERA_IMAGE_TYPES[dot < 0 ? '' : name.slice(dot).toLowerCase()] ?? 'application/octet-stream';
}
