import { parseKittiCalib } from '../../domain/kitti/parseKittiCalib.ts';
import type { FramePose, PosesResponse } from '../../domain/poses/Pose.ts';
import { parseKittiOdometryPoses } from '../../domain/poses/parseKittiOdometryPoses.ts';
import type { Dataset, DatasetFrame } from './Dataset.ts';
import { frameFileSignature, readFrameFile } from './frameFiles.ts';

/** The file a KITTI (object or odometry-like) layout keeps its ego poses in, at the dataset root. */
export const POSES_FILE = 'poses.txt';

/**
 * Every frame's ego pose (LiDAR → world) and sequence, by frame id, with what kept poses out:
 * - a sequence layout (KITTI tracking, nuScenes): the poses its scan found (`DatasetFrame.pose`);
 * - any other layout: `poses.txt` at the dataset root in the KITTI odometry convention (line i =
 *   the i-th frame in dataset order, camera 0 poses), turned into LiDAR poses with the first
 *   frame's `Tr_velo_to_cam` (`parseKittiOdometryPoses`); all frames one sequence ''. A file whose
 *   line count is not the frame count, that does not parse, or without a calib to use gives no
 *   poses and a warning naming it.
 * Read again when `poses.txt` or that calib changes.
 */
export class DatasetPoses {
  private readonly dataset: Dataset;
  private cached: { key: string; value: Promise<PosesResponse> } | null = null;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
  }

  async get(): Promise<PosesResponse> {
    const frames = this.dataset.ids().map((id) => this.dataset.get(id) as DatasetFrame);
    if (frames.some((f) => f.pose !== undefined)) return fromScan(frames);
    const listed = await this.dataset.source.listFolder('', { accept: (n) => n === POSES_FILE, needSize: false });
    const posesRef = listed.files[0]?.ref;
    if (posesRef === undefined || frames.length === 0) {
      // A folder by that name is no poses file: say so rather than split and merge without poses.
      if (frames.length > 0 && (await this.dataset.source.isFolder(POSES_FILE).catch(() => false)))
        return { frames: {}, warnings: [`${POSES_FILE}: a folder, not a file (the KITTI odometry poses, 12 numbers a line)`] };
      return { frames: {} };
    }
    const calibFrame = frames.find((f) => f.calibPath !== null);
    const key = [
      frames.length,
      await frameFileSignature(frames[0], posesRef).catch(() => 'gone'),
      calibFrame === undefined ? 'no-calib' : await frameFileSignature(calibFrame, calibFrame.calibPath as string).catch(() => 'gone'),
    ].join('|');
    if (this.cached?.key !== key) this.cached = { key, value: readPosesFile(this.dataset, frames, posesRef, calibFrame) };
    return this.cached.value;
  }
}

/** The poses' warnings as the CLI prints them among the dataset's (`ego poses not used: …`). */
export function posesWarnings(poses: PosesResponse): string[] {
  return (poses.warnings ?? []).map((w) => `ego poses not used: ${w}`);
}

function fromScan(frames: readonly DatasetFrame[]): PosesResponse {
  const out: Record<string, FramePose> = {};
  for (const f of frames) if (f.pose != null) out[f.id] = { sequence: f.sequence ?? '', pose: [...f.pose] };
  return { frames: out };
}

async function readPosesFile(
  dataset: Dataset,
  frames: readonly DatasetFrame[],
  posesRef: string,
  calibFrame: DatasetFrame | undefined,
): Promise<PosesResponse> {
  const file = dataset.source.display(posesRef);
  try {
    if (calibFrame === undefined) throw new Error(`the frames have no calib/ file, whose Tr_velo_to_cam turns its camera poses into LiDAR poses`);
    const calibRef = calibFrame.calibPath as string;
    const calib = parseKittiCalib((await readFrameFile(calibFrame, calibRef)).toString('utf8'), { fileName: dataset.source.display(calibRef) });
    const poses = parseKittiOdometryPoses((await readFrameFile(frames[0], posesRef)).toString('utf8'), { fileName: file, veloToCam: calib.Tr_velo_to_cam });
    if (poses.length !== frames.length)
      throw new Error(
        `${poses.length} line${poses.length === 1 ? '' : 's'} for ${frames.length} frame${frames.length === 1 ? '' : 's'} (line i is the i-th frame)`,
      );
    const out: Record<string, FramePose> = {};
    frames.forEach((f, i) => {
      out[f.id] = { sequence: '', pose: [...poses[i]] };
    });
    return { frames: out };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { frames: {}, warnings: [message.includes(file) ? message : `${file}: ${message}`] };
  }
}
