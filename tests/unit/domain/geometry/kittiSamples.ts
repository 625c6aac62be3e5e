/**
 * Test-side loader for the real KITTI frames in ../shared/samples/kitti: velodyne points and
 * the ground-truth boxes converted to the LiDAR frame by FORMATS.md §2.7 (done here, so the
 * geometry tests do not depend on the KITTI module).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';

export const KITTI_DIR = path.resolve(process.cwd(), '../shared/samples/kitti');

export interface GtBox extends CuboidShape {
  label: string;
}

export interface KittiSample {
  id: string;
  positions: Float32Array;
  boxes: GtBox[];
}

type Mat4 = number[][];

function matMul(a: Mat4, b: Mat4): Mat4 {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

/** General 4×4 inverse by Gauss–Jordan elimination with partial pivoting. */
function invert(m: Mat4): Mat4 {
  const a = m.map((row, i) => [...row, ...[0, 1, 2, 3].map((j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < 4; c++) {
    let p = c;
    for (let r = c + 1; r < 4; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 8; j++) a[c][j] /= d;
    for (let r = 0; r < 4; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 8; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(4));
}

function wrap(a: number): number {
  return a - 2 * Math.PI * Math.floor(a / (2 * Math.PI) + 0.5);
}

function calibRect2Velo(text: string): Mat4 {
  const rows = new Map<string, number[]>();
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0)
      rows.set(
        line.slice(0, i).trim(),
        line
          .slice(i + 1)
          .trim()
          .split(/\s+/)
          .map(Number),
      );
  }
  const r0 = rows.get('R0_rect')!;
  const tr = rows.get('Tr_velo_to_cam')!;
  const R0: Mat4 = [
    [...r0.slice(0, 3), 0],
    [...r0.slice(3, 6), 0],
    [...r0.slice(6, 9), 0],
    [0, 0, 0, 1],
  ];
  const Tr: Mat4 = [tr.slice(0, 4), tr.slice(4, 8), tr.slice(8, 12), [0, 0, 0, 1]];
  return invert(matMul(R0, Tr));
}

export function loadKittiSample(id: string): KittiSample {
  const bin = readFileSync(path.join(KITTI_DIR, 'velodyne', `${id}.bin`));
  const raw = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  const n = raw.length / 4;
  const positions = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    positions[3 * i] = raw[4 * i];
    positions[3 * i + 1] = raw[4 * i + 1];
    positions[3 * i + 2] = raw[4 * i + 2];
  }
  const rect2velo = calibRect2Velo(readFileSync(path.join(KITTI_DIR, 'calib', `${id}.txt`), 'utf8'));
  const boxes: GtBox[] = [];
  for (const line of readFileSync(path.join(KITTI_DIR, 'label_2', `${id}.txt`), 'utf8').split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t.length < 15 || t[0] === 'DontCare') continue;
    const [h, w, l, x, y, z, ry] = t.slice(8, 15).map(Number);
    const b = [0, 1, 2].map((r) => rect2velo[r][0] * x + rect2velo[r][1] * y + rect2velo[r][2] * z + rect2velo[r][3]);
    boxes.push({ label: t[0], center: [b[0], b[1], b[2] + h / 2], size: [l, w, h], yaw: wrap(-ry - Math.PI / 2) });
  }
  return { id, positions, boxes };
}
