import { kittiError } from '../kitti/KittiError.ts';
import { mat4From3x4 } from '../kitti/mat4.ts';
import { parseNumberToken } from '../kitti/parseNumberToken.ts';
import type { Pose } from './Pose.ts';
import { composeRigid, invertAffine, rigidProblem } from './rigid.ts';

export interface ParseOdometryPosesOptions {
  /** Name of the file, for error messages only. */
  fileName?: string;
  /**
   * `Tr_velo_to_cam` of the sequence (3×4 or 4×4 row-major, LiDAR → camera 0): when given, the
   * camera poses are turned into LiDAR poses (`Tr⁻¹ · P_i · Tr`), so the world is the LiDAR frame
   * of the first frame. Without it the poses are returned as written (camera 0 of frame 0).
   */
  veloToCam?: readonly number[];
}

/**
 * Parses a KITTI odometry `poses.txt`: one line per frame (line i = frame i), 12 numbers, the
 * 3×4 row-major pose `P_i` of the left camera (camera 0) of frame i in camera 0 of frame 0
 * (x right, y down, z forward, metres; the KITTI odometry devkit's readme). Blank lines at the end
 * are allowed; a blank line inside would shift every later frame and is an error.
 *
 * @returns one pose per line; with `veloToCam`, LiDAR → world where the world is frame 0's
 *   LiDAR frame (the convention SemanticKITTI uses for its poses).
 * @throws KittiError naming the file, line and field (`r1c1` … `t3`) for a wrong value count, a
 *   value that is not a number, a matrix that is not a rigid transform, a blank line inside, or
 *   a singular `veloToCam`.
 */
export function parseKittiOdometryPoses(text: string, opts: ParseOdometryPosesOptions = {}): Pose[] {
  const fileName = opts.fileName;
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  let tr: number[] | null = null;
  let trInv: number[] | null = null;
  if (opts.veloToCam !== undefined) {
    tr = opts.veloToCam.length === 12 ? mat4From3x4(opts.veloToCam) : [...opts.veloToCam];
    trInv = invertAffine(tr);
    if (trInv === null) throw kittiError('parseKittiOdometryPoses', { fileName, field: 'Tr_velo_to_cam' }, 'the calibration is singular');
  }
  const poses: Pose[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const trimmed = lines[i].trim();
    if (trimmed === '')
      throw kittiError('parseKittiOdometryPoses', { fileName, line }, 'blank line: every line is one frame, so a gap would shift the frames after it');
    const tokens = trimmed.split(/\s+/);
    if (tokens.length !== 12) throw kittiError('parseKittiOdometryPoses', { fileName, line }, `expected 12 values (a 3×4 pose), found ${tokens.length}`);
    const values = tokens.map((token, k) => {
      const v = parseNumberToken(token);
      if (v === null || !Number.isFinite(v))
        throw kittiError('parseKittiOdometryPoses', { fileName, line, field: POSE_FIELDS[k] }, `"${token}" is not a number`);
      return v;
    });
    const m = mat4From3x4(values);
    const problem = rigidProblem(m);
    if (problem !== null) throw kittiError('parseKittiOdometryPoses', { fileName, line }, `not a rigid transform: ${problem}`);
    poses.push(tr !== null && trInv !== null ? composeRigid(composeRigid(trInv, m), tr) : m);
  }
  return poses;
}

/** Names of the 12 values of a 3×4 pose line, for errors. */
export const POSE_FIELDS = ['r1c1', 'r1c2', 'r1c3', 't1', 'r2c1', 'r2c2', 'r2c3', 't2', 'r3c1', 'r3c2', 'r3c3', 't3'] as const;

/** One pose as a `poses.txt` line: the 3×4 part, 12 values in `%.9e`. */
export function formatPoseLine(pose: Pose): string {
  return pose
    .slice(0, 12)
    .map((v) => (Object.is(v, -0) ? 0 : v).toExponential(9))
    .join(' ');
}
