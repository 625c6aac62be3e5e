/**
 * Loads the real labelled frames of ../shared/samples/multisensor (read-only): points from the
 * 5-float `.f32.bin` (x y z intensity ring/laser) and the boxes of `boxes_lidar.json` (centre,
 * [l, w, h], yaw; same frame as the points).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const MULTISENSOR_DIR = path.resolve(process.cwd(), '../shared/samples/multisensor');

export const MULTISENSOR_FRAMES = {
  av2: { dir: 'av2_adcf7d18_315973157959879000', bin: '315973157959879000_xyz_intensity_laser.f32.bin' },
  sustech40: { dir: 'sustechpoints_example_000975', bin: '000975_xyz_intensity_ring.f32.bin' },
} as const;

export interface MultisensorBox {
  label: string;
  center: [number, number, number];
  size: [number, number, number];
  yaw: number;
  points_inside: number;
}

export interface MultisensorFrame {
  positions: Float32Array;
  ring: Float32Array;
  boxes: MultisensorBox[];
}

export function loadMultisensorFrame(name: keyof typeof MULTISENSOR_FRAMES): MultisensorFrame {
  const { dir, bin } = MULTISENSOR_FRAMES[name];
  const bytes = readFileSync(path.join(MULTISENSOR_DIR, dir, bin));
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const n = floats.length / 5;
  const positions = new Float32Array(3 * n);
  const ring = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    positions[3 * i] = floats[5 * i];
    positions[3 * i + 1] = floats[5 * i + 1];
    positions[3 * i + 2] = floats[5 * i + 2];
    ring[i] = floats[5 * i + 4];
  }
  const boxes = JSON.parse(readFileSync(path.join(MULTISENSOR_DIR, dir, 'boxes_lidar.json'), 'utf8')) as MultisensorBox[];
  return { positions, ring, boxes };
}
