import type { KittiCalib } from '../../../domain/kitti/KittiCalib.ts';
import { parseKittiCalib } from '../../../domain/kitti/parseKittiCalib.ts';
import { groupByFrame, parseTrackingLabels, type TrackingLabel } from '../../../domain/kittiTracking/parseTrackingLabels.ts';
import { trackingFrameLabels } from '../../../domain/kittiTracking/trackingFrames.ts';
import type { Pose } from '../../../domain/poses/Pose.ts';
import { oxtsToLidarPoses, parseOxts } from '../../../domain/poses/oxtsToPoses.ts';
import type { DatasetSource, ListedFile } from '../DatasetSource.ts';
import { isValidFrameId } from '../frameId.ts';
import type { SequenceFrameFiles, SequenceScan } from './SequenceScan.ts';

/** A KITTI tracking sequence name: digits (`0000`–`0020` in the benchmark), or any valid id. */
const txtStem = (name: string): string | null => (name.toLowerCase().endsWith('.txt') ? name.slice(0, -4) : null);

/**
 * True for a KITTI tracking layout: a `label_02/`, `oxts/` or `calib/` file `SEQ.txt` whose
 * `velodyne/SEQ/` is a folder (the first few files of each are tried; in the object-detection
 * layout `velodyne/` holds the point files themselves).
 */
export async function isKittiTrackingLayout(source: DatasetSource): Promise<boolean> {
  if (!(await source.isFolder('velodyne'))) return false;
  for (const dir of ['label_02', 'oxts', 'calib']) {
    const listed = await source.listFolder(dir, { accept: (n) => txtStem(n) !== null, needSize: false });
    for (const f of listed.files.slice(0, 3)) {
      const seq = txtStem(f.name) as string;
      if (isValidFrameId(seq) && (await source.isFolder(`velodyne/${seq}`))) return true;
    }
  }
  return false;
}

/**
 * Scans a KITTI tracking layout (the tracking devkit's `readme.txt`): sequences are the stems of
 * `calib/*.txt`, `label_02/*.txt` and `oxts/*.txt`; frame `NNNNNN` of sequence `SEQ` is
 * `velodyne/SEQ/NNNNNN.bin` (float32 x y z reflectance), with `image_02/SEQ/NNNNNN.png` when
 * present. Frame ids are `SEQ_NNNNNN`, so the frame list runs sequence by sequence, in frame
 * order. Labels (`label_02/SEQ.txt`) become LiDAR boxes through `calib/SEQ.txt` with track ids
 * `t<id>-s<SEQ>`; poses come from `oxts/SEQ.txt` and the calib's `Tr_imu_velo` (world = the
 * sequence's first LiDAR frame).
 *
 * A file that cannot be read or parsed is reported in `warnings` (naming it, the line and the
 * field) and the sequence still opens without what it gave (labels, poses, calib).
 */
export async function scanKittiTracking(source: DatasetSource): Promise<SequenceScan> {
  const warnings: string[] = [];
  const txt = (name: string) => txtStem(name) !== null;
  const [calibs, labels, oxts] = await Promise.all(['calib', 'label_02', 'oxts'].map((d) => source.listFolder(d, { accept: txt, needSize: false })));
  const byStem = (files: ListedFile[]) => new Map(files.map((f) => [txtStem(f.name) as string, f]));
  const calibBy = byStem(calibs.files);
  const labelBy = byStem(labels.files);
  const oxtsBy = byStem(oxts.files);
  warnings.push(...calibs.warnings, ...labels.warnings, ...oxts.warnings);
  const sequences = [...new Set([...calibBy.keys(), ...labelBy.keys(), ...oxtsBy.keys()])].sort();
  const frames: SequenceFrameFiles[] = [];
  for (const seq of sequences) {
    if (!isValidFrameId(seq)) {
      warnings.push(`skipped sequence "${seq}": not a valid sequence name (letters, digits, _ and -)`);
      continue;
    }
    const points = await source.listFolder(`velodyne/${seq}`, { accept: (n) => n.toLowerCase().endsWith('.bin'), needSize: true });
    warnings.push(...points.warnings);
    if (points.files.length === 0) {
      warnings.push(`sequence ${seq}: velodyne/${seq}/ holds no .bin files`);
      continue;
    }
    const images = await source.listFolder(`image_02/${seq}`, { accept: (n) => /\.(png|jpe?g)$/i.test(n), needSize: false });
    const imageBy = new Map(images.files.map((f) => [f.name.replace(/\.[^.]+$/, ''), f]));
    const calibRef = calibBy.get(seq)?.ref ?? null;
    const calib = calibRef === null ? null : await readOrWarn(source, calibRef, warnings, (text, file) => parseKittiCalib(text, { fileName: file }));
    const labelRef = labelBy.get(seq)?.ref ?? null;
    // A label file that does not read leaves its frames with the problem, not unlabelled: opening,
    // checking and exporting them say why (an export without a sequence's boxes is no success).
    let labelProblem: string | undefined;
    const rows =
      labelRef === null
        ? null
        : await readOrWarn(
            source,
            labelRef,
            warnings,
            (text, file) => groupByFrame(parseTrackingLabels(text, { fileName: file })),
            (why) => (labelProblem = why),
          );
    if (rows !== null && calib === null)
      warnings.push(`${source.display(labelRef as string)}: no readable calib/${seq}.txt; its boxes are placed with the no-camera convention`);
    const oxtsRef = oxtsBy.get(seq)?.ref ?? null;
    const poses = oxtsRef === null ? null : await readOrWarn(source, oxtsRef, warnings, (text, file) => lidarPoses(text, file, calib, seq));
    const sorted = points.files
      .map((f) => ({ f, stem: f.name.slice(0, -4) }))
      .filter(({ f, stem }) => {
        if (/^\d+$/.test(stem)) return true;
        warnings.push(`skipped ${source.display(f.ref)}: a tracking frame is named by its number (NNNNNN.bin)`);
        return false;
      })
      .sort((a, b) => Number(a.stem) - Number(b.stem));
    let noPose = 0;
    for (const { f, stem } of sorted) {
      const index = Number(stem);
      const id = `${seq}_${stem}`;
      const image = imageBy.get(stem);
      const pose = poses === null ? null : (poses[index] ?? null);
      if (poses !== null && pose === null) noPose++;
      const frameRows: TrackingLabel[] = rows?.get(index) ?? [];
      frames.push({
        id,
        points: { ref: f.ref, name: f.name, bytes: f.bytes },
        binLayout: 'xyzi',
        calibRef,
        image: image === undefined ? null : { ref: image.ref, name: image.name },
        sequence: seq,
        pose,
        shipped:
          labelProblem !== undefined
            ? { cuboids: [], dontCare: [], file: source.display(labelRef as string), problem: labelProblem }
            : rows === null
              ? null
              : { ...trackingFrameLabels(frameRows, seq, id, calib), file: source.display(labelRef as string) },
      });
    }
    if (noPose > 0)
      warnings.push(
        `${source.display(oxtsRef as string)}: ${poses?.length ?? 0} lines, so ${noPose} of ${sorted.length} frames have no pose (line i is frame i)`,
      );
  }
  return { frames, warnings };
}

function lidarPoses(text: string, file: string, calib: KittiCalib | null, seq: string): Pose[] {
  const records = parseOxts(text, { fileName: file });
  if (calib?.Tr_imu_to_velo === undefined) throw new Error(`${file}: calib/${seq}.txt has no Tr_imu_velo, so the IMU poses cannot be moved to the LiDAR`);
  return oxtsToLidarPoses(records, calib.Tr_imu_to_velo, file);
}

/** Reads and parses one file; a failure becomes a warning (the message names file, line and field) and null. */
async function readOrWarn<T>(
  source: DatasetSource,
  ref: string,
  warnings: string[],
  parse: (text: string, file: string) => T,
  onProblem?: (why: string) => void,
): Promise<T | null> {
  const file = source.display(ref);
  try {
    return parse((await source.read(ref)).toString('utf8'), file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const shown = why.includes(file) ? why : `${file}: ${why}`;
    onProblem?.(shown);
    warnings.push(`${shown} (${onProblem !== undefined ? 'its frames open with the problem, unlabelled' : 'left out; the rest of the dataset opens'})`);
    return null;
  }
}
