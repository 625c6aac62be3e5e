import path from 'node:path';
import type { DismissedRegion, LabelRegion } from '../../domain/checks/CheckContext.ts';
import { autoLabelRegion } from '../../domain/checks/autoLabelRegion.ts';
import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import { dismissedRegions } from '../../domain/document/dismissals.ts';
import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import { kittiToCuboid } from '../../domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../domain/kitti/parseKittiCalib.ts';
import { parseLabelFile } from '../labels/parseLabelFile.ts';
import { ringOf } from '../../domain/sensor/ringOf.ts';
import type { Cuboid } from '../../domain/types.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { readFramePoints } from '../dataset/readFramePoints.ts';
import { readImageSize } from '../dataset/frameFileInfo.ts';
import { frameFileName, readFrameFile } from '../dataset/frameFiles.ts';
import { displayPath, toDatasetFileError } from '../dataset/fileError.ts';
import { KittiError } from '../../domain/kitti/KittiError.ts';

/** Which part of a scan the labels cover: camera 2's view, all around, or decided per frame. */
export type { RegionMode } from '../../domain/checks/autoLabelRegion.ts';
import type { RegionMode } from '../../domain/checks/autoLabelRegion.ts';
import { FrameFileError } from '../dataset/FrameFileError.ts';

/** Everything `cuboid check` needs of one frame, read from the dataset folder (and database). */
export interface CheckFrameInput {
  frameId: string;
  /** x y z interleaved, LiDAR frame, metres. */
  positions: Float32Array;
  cuboids: Cuboid[];
  /** Where the boxes came from. */
  labelSource: 'database' | 'label_2' | 'dataset' | 'none';
  labelRegion: LabelRegion | undefined;
  /** A beam (ring / laser id) per point when the point file has one. */
  ring?: ArrayLike<number>;
  /** The stored document's "not an object" places (none for a frame read from `label_2`). */
  dismissed: DismissedRegion[];
  /**
   * Why the frame's calib could not be used (the file, line and reason), when the boxes did not
   * need it: they were checked without the camera (missed objects searched all around).
   */
  calibProblem?: string;
}

/**
 * Reads a frame's points (KITTI .bin or PCD), its calibration, and its boxes: the stored document
 * when there is one, else `label_2/ID.txt` converted to the LiDAR frame (box ids `ID#line`).
 *
 * The label region: `camera` limits missed-object search to camera 2's view minus DontCare
 * columns (KITTI labels only what the camera sees); `all` searches all around; `auto` picks
 * camera when the frame has a real calibration and every box has a 2D image box (KITTI-style
 * labels), else all.
 */
export async function readCheckFrame(frame: DatasetFrame, stored: FrameAnnotation | null, region: RegionMode): Promise<CheckFrameInput> {
  const cloud = await readFramePoints(frame);
  const positions = cloud.positions;
  const ring = ringOf(cloud);
  // label_2 lines are in camera coordinates: only they need the calib to be read at all. Boxes
  // stored or shipped in the LiDAR frame are checked without it when it is broken.
  const needsCalib = stored === null && frame.shipped == null && frame.labelPath !== null;
  const { calib, problem } = needsCalib || region === 'camera' ? { calib: await readFrameCalib(frame), problem: null } : await readCheckCalib(frame);
  let cuboids: Cuboid[] = [];
  let dontCare: number[][] = [];
  let labelSource: CheckFrameInput['labelSource'] = 'none';
  if (stored !== null) {
    cuboids = stored.cuboids;
    dontCare = stored.dontCare.map((d) => d.bbox);
    labelSource = 'database';
  } else if (frame.shipped != null) {
    // A sequence dataset's own labels (KITTI tracking label_02, nuScenes tables), already LiDAR boxes.
    if (frame.shipped.problem !== undefined) throw new FrameFileError('label_invalid', frame.shipped.problem);
    cuboids = frame.shipped.cuboids;
    dontCare = frame.shipped.dontCare.map((d) => d.bbox);
    labelSource = 'dataset';
  } else if (frame.labelPath !== null) {
    if (frame.calibMissing !== undefined) throw new FrameFileError('calib_invalid', frame.calibMissing);
    // The rules a save and an import hold a label file to (class names, at most 10,000 boxes).
    const objects = parseLabelFile((await readFrameFile(frame, frame.labelPath)).toString('utf8'), frameFileName(frame, frame.labelPath));
    objects.forEach((o, i) => {
      if (o.type === 'DontCare') dontCare.push(o.bbox);
      else cuboids.push(kittiToCuboid(o, calib, { id: `${frame.id}#${i + 1}` }));
    });
    labelSource = 'label_2';
  }

  const labelRegion = await frameLabelRegion(frame, calib, region, cuboids, dontCare);
  const dismissed = dismissedRegions(stored?.dismissals);
  return { frameId: frame.id, positions, ring, cuboids, labelSource, labelRegion, dismissed, ...(problem !== null ? { calibProblem: problem } : {}) };
}

/**
 * The frame's KITTI calibration, or null when it has none. @throws KittiError naming the file
 * relative to the dataset (`calib/ID.txt`), the line and the field; a file system error for a
 * missing or unreadable one.
 */
async function readFrameCalib(frame: DatasetFrame): Promise<KittiCalib | null> {
  return frame.calibPath === null
    ? null
    : parseKittiCalib((await readFrameFile(frame, frame.calibPath)).toString('utf8'), { fileName: displayPath(frame.root, frame.calibPath) });
}

/**
 * The calib for checks of LiDAR-frame boxes, which need it only to know camera 2's view: a
 * malformed, missing or unreadable file gives `calib: null` (missed objects are searched all
 * around, as the browser's checks panel does) and `problem` naming the file, line and reason.
 */
export async function readCheckCalib(frame: DatasetFrame): Promise<{ calib: KittiCalib | null; problem: string | null }> {
  try {
    return { calib: await readFrameCalib(frame), problem: null };
  } catch (err) {
    const file = toDatasetFileError(err, frame.root);
    if (file !== null) return { calib: null, problem: file.message };
    if (err instanceof KittiError) return { calib: null, problem: err.message };
    throw err;
  }
}

/** The part of the frame's scan its labels cover (see `readCheckFrame`). */
export async function frameLabelRegion(
  frame: DatasetFrame,
  calib: KittiCalib | null,
  region: RegionMode,
  cuboids: readonly Cuboid[],
  dontCare: number[][],
): Promise<LabelRegion | undefined> {
  const width = calib !== null && !calib.synthetic && region !== 'all' ? (await readImageSize(frame))[0] : 0;
  return autoLabelRegion(region, calib, width, cuboids, dontCare);
}
