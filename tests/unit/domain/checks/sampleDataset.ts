/**
 * Loads frames of the project's generated dataset in ../../samples (samples/README.md): points
 * (PCD or KITTI .bin), label_2 boxes converted to the LiDAR frame with the dataset's calib, and
 * the ground-truth tracks and ego poses of samples/ground_truth.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SequenceFrame } from '../../../../src/domain/checks/SequenceContext.ts';
import { kittiToCuboid } from '../../../../src/domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../../../src/domain/kitti/parseKittiLabel.ts';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import type { Cuboid, Vec3 } from '../../../../src/domain/types.ts';

export const SAMPLES_DIR = path.resolve(process.cwd(), 'samples');

export interface SampleFrame {
  id: string;
  positions: Float32Array;
  /** label_2 boxes, LiDAR frame, ids `ID#line`. */
  cuboids: Cuboid[];
}

export function loadSampleFrame(id: string): SampleFrame {
  const dir = path.join(SAMPLES_DIR, 'velodyne');
  const bin = path.join(dir, `${id}.bin`);
  const positions = existsSync(bin) ? readVelodyneBin(readFileSync(bin)).positions : parsePcd(readFileSync(path.join(dir, `${id}.pcd`))).positions;
  const calib = parseKittiCalib(readFileSync(path.join(SAMPLES_DIR, 'calib', `${id}.txt`), 'utf8'));
  const cuboids = parseKittiLabel(readFileSync(path.join(SAMPLES_DIR, 'label_2', `${id}.txt`), 'utf8'))
    .map((o, i) => (o.type === 'DontCare' ? null : kittiToCuboid(o, calib, { id: `${id}#${i + 1}` })))
    .filter((c): c is Cuboid => c !== null);
  return { id, positions, cuboids };
}

interface GtObject {
  trackId: string;
  class: string;
  center: Vec3;
  size: Vec3;
  yaw: number;
  labelled: boolean;
  occluded: number;
  truncated: number;
}
interface GtFrame {
  frameId: string;
  time: number;
  egoPose: { position: Vec3; yaw: number };
  objects: GtObject[];
}

/** Every frame's labelled ground-truth boxes with track ids, times and ego poses (for sequence checks). */
export function sampleSequence(): SequenceFrame[] {
  const gt = JSON.parse(readFileSync(path.join(SAMPLES_DIR, 'ground_truth.json'), 'utf8')) as { frames: GtFrame[] };
  return gt.frames.map((f) => ({
    frameId: f.frameId,
    time: f.time,
    pose: { x: f.egoPose.position[0], y: f.egoPose.position[1], yaw: f.egoPose.yaw },
    cuboids: f.objects
      .filter((o) => o.labelled)
      .map((o) => ({
        id: `${f.frameId}:${o.trackId}`,
        trackId: o.trackId,
        label: o.class,
        center: o.center,
        size: o.size,
        yaw: o.yaw,
        attributes: { truncated: o.truncated, occluded: o.occluded },
        source: 'import' as const,
      })),
  }));
}
