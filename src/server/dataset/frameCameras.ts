import { KITTI_CAMERAS, kittiCameraProjection } from '../../domain/camera/kittiCameras.ts';
import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import type { CameraFolders } from './cameraFolders.ts';
import type { DatasetFrame } from './Dataset.ts';
import { frameFileName } from './frameFiles.ts';
import { cameraImageType, type DatasetCamera } from './DatasetCamera.ts';

/**
 * The cameras of a frame. A nuScenes frame has them from its scan (`frame.cameras`: every `CAM_*`
 * keyframe of its sample). Otherwise the KITTI rig: camera i when `image_i/ID.png` exists
 * (`image_0i/SEQ/NNNNNN.png` in KITTI tracking), paired with `P_i` of the frame's calib (all four
 * share `R0_rect` and `Tr_velo_to_cam`), in camera order. A camera whose calib lacks `P_i`, or a
 * frame without a calib, still lists its image, with `projection` null and `problem` saying why.
 *
 * @param calib the frame's parsed calib (throws for a malformed file: the route answers 422)
 */
export async function frameCameras(frame: DatasetFrame, folders: CameraFolders, calib: () => Promise<KittiCalib | null>): Promise<DatasetCamera[]> {
  if (frame.cameras !== undefined) return frame.cameras;
  const seq = frame.sequence;
  const stem = seq === undefined ? frame.id : frame.id.slice(seq.length + 1);
  const found = await Promise.all(
    KITTI_CAMERAS.map(async (spec) => {
      const dir = seq === undefined ? spec.folder : `${spec.trackingFolder}/${seq}`;
      // Image 2 of a per-folder layout is the dataset index's own (the same file `GET /image` serves).
      if (seq === undefined && spec.index === 2)
        return { spec, image: frame.image === null ? null : { ...frame.image, file: frameFileName(frame, frame.image.path) } };
      const file = await folders.find(dir, stem);
      return { spec, image: file === undefined ? null : { path: file.ref, contentType: cameraImageType(file.name), file: `${dir}/${file.name}` } };
    }),
  );
  const present = found.filter((f) => f.image !== null);
  if (present.length === 0) return [];
  const c = await calib();
  const calibFile = frame.calibPath !== null ? frameFileName(frame, frame.calibPath) : seq === undefined ? `calib/${frame.id}.txt` : `calib/${seq}.txt`;
  return present.map(({ spec, image }) => {
    const img = image as { path: string; contentType: string; file: string };
    const projection = c === null ? null : kittiCameraProjection(c, spec);
    return {
      name: spec.folder,
      label: spec.label,
      colour: spec.colour,
      file: img.file,
      image: { path: img.path, contentType: img.contentType },
      projection,
      problem:
        c === null
          ? `the frame has no calibration (${calibFile}): boxes cannot be projected`
          : projection === null
            ? `${calibFile} has no ${spec.calibKey}: boxes cannot be projected into ${spec.folder}`
            : null,
    };
  });
}
