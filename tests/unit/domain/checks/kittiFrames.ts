/**
 * Loads the real KITTI frames of ../shared/samples/kitti (read-only, never copied) into what
 * the checks need: points, LiDAR-frame ground-truth boxes, DontCare image boxes, calib, label
 * region (camera field of view minus DontCare).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { labelRegionFromCamera } from '../../../../src/domain/checks/labelRegionFromCamera.ts';
import type { LabelRegion } from '../../../../src/domain/checks/CheckContext.ts';
import { kittiToCuboid } from '../../../../src/domain/kitti/kittiToCuboid.ts';
import type { KittiCalib } from '../../../../src/domain/kitti/KittiCalib.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../../../src/domain/kitti/parseKittiLabel.ts';
import { readPngSize } from '../../../../src/domain/kitti/readPngSize.ts';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

export const KITTI_DIR = path.resolve(process.cwd(), '../shared/samples/kitti');
export const KITTI_FRAMES = ['000000', '000001', '000002'] as const;

export interface KittiFrame {
  id: string;
  positions: Float32Array;
  cuboids: Cuboid[];
  calib: KittiCalib;
  dontCare: [number, number, number, number][];
  labelRegion: LabelRegion | undefined;
}

export function loadKittiFrame(id: string): KittiFrame {
  const read = (dir: string, ext: string) => readFileSync(path.join(KITTI_DIR, dir, `${id}.${ext}`));
  const positions = readVelodyneBin(read('velodyne', 'bin')).positions;
  const calib = parseKittiCalib(read('calib', 'txt').toString('utf8'));
  const objects = parseKittiLabel(read('label_2', 'txt').toString('utf8'));
  const cuboids = objects.filter((o) => o.type !== 'DontCare').map((o, i) => kittiToCuboid(o, calib, { id: `${id}-${i}` }));
  const dontCare = objects.filter((o) => o.type === 'DontCare').map((o) => o.bbox);
  const size = readPngSize(new Uint8Array(read('image_2', 'png').subarray(0, 24)));
  return { id, positions, cuboids, calib, dontCare, labelRegion: labelRegionFromCamera(calib, size?.[0] ?? 1242, dontCare) };
}
