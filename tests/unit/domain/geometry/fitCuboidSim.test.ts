import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { iouBev } from '../../../../src/domain/geometry/iou.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import type { Vec3 } from '../../../../src/domain/types.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';

const SAMPLES = path.resolve(process.cwd(), 'samples');

interface SimObject {
  trackId: string;
  class: string;
  center: Vec3;
  size: Vec3;
  yaw: number;
  labelled: boolean;
}

/** The project's simulated street sequence (PCD or KITTI .bin frames), with LiDAR-frame truth. */
function loadSimFrame(index: number): { positions: Float32Array; objects: SimObject[] } {
  const truth = JSON.parse(readFileSync(path.join(SAMPLES, 'ground_truth.json'), 'utf8')) as {
    frames: { file: string; objects: SimObject[] }[];
  };
  const frame = truth.frames[index];
  const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, 'velodyne', path.basename(frame.file))));
  const positions = frame.file.endsWith('.pcd') ? parsePcd(bytes).positions : readVelodyneBin(bytes).positions;
  return { positions, objects: frame.objects.filter((o) => o.labelled) };
}

describe('fitCuboid on the simulated sample sequence', () => {
  it('fits the labelled objects of two frames from clicks at their centres', ({ annotate }) => {
    const byClass = new Map<string, number[]>();
    for (const index of [8, 9]) {
      const { positions, objects } = loadSimFrame(index);
      const grid = buildPointGrid(positions);
      const ground = estimateGround(positions);
      for (const o of objects) {
        const r = fitCuboid(positions, { x: o.center[0], y: o.center[1] }, { label: o.class, grid, ground });
        byClass.set(o.class, [...(byClass.get(o.class) ?? []), r ? iouBev(r, o) : 0]);
      }
    }
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    annotate(`mean BEV IoU per class: ${[...byClass].map(([k, v]) => `${k} ${mean(v).toFixed(3)} (n=${v.length})`).join(', ')}`);
    expect(byClass.get('Car')!.length).toBeGreaterThan(20);
    expect(mean(byClass.get('Car')!)).toBeGreaterThan(0.7);
    for (const [k, v] of byClass) expect(mean(v), k).toBeGreaterThan(0.45);
  });
});
