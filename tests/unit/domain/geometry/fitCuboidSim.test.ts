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

  // Frame 000007: ped-05 stands at 18.9 m just behind the edge of a crown 2.4 m up, one return
  // of which lay over its head above a 0.7 m gap (the box came out 2.25 m tall).
  it("a return of a crown over a pedestrian's head is not its top", () => {
    const { positions, objects } = loadSimFrame(7);
    const ped = objects.find((o) => o.trackId === 'ped-05')!;
    const r = fitCuboid(
      positions,
      { x: ped.center[0], y: ped.center[1] },
      { label: 'Pedestrian', grid: buildPointGrid(positions), ground: estimateGround(positions) },
    );
    expect(r).not.toBeNull();
    expect(r!.size[2]).toBeLessThan(1.8);
  });

  // Frame 000000: a cyclist 20 m ahead, seen from behind. Its returns spread along a diagonal
  // and the box was turned 33° across it, 1.3 m wide across the line of sight.
  it('a cyclist seen from behind heads along the line of sight', () => {
    const { positions, objects } = loadSimFrame(0);
    const cyc = objects.find((o) => o.class === 'Cyclist' && Math.abs(o.center[1]) < 3 && o.center[0] > 15)!;
    const r = fitCuboid(
      positions,
      { x: cyc.center[0], y: cyc.center[1] },
      { label: 'Cyclist', grid: buildPointGrid(positions), ground: estimateGround(positions) },
    );
    expect(r).not.toBeNull();
    expect(Math.abs(Math.sin(r!.yaw - cyc.yaw))).toBeLessThan(Math.sin((12 * Math.PI) / 180));
  });
});
