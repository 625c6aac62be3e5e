import { describe, expect, it } from 'vitest';
import { boxOfEachPoint, MAX_LABELLED_BOXES } from '../../../../src/domain/geometry/boxOfEachPoint.ts';
import { groundMask, GROUND_CLEARANCE } from '../../../../src/domain/geometry/groundMask.ts';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import { isPointInCuboid } from '../../../../src/domain/geometry/isPointInCuboid.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import { KITTI_FRAMES, loadKittiFrame } from '../checks/kittiFrames.ts';

function cloud(points: number[][]): Float32Array {
  return new Float32Array(points.flat());
}

describe('boxOfEachPoint', () => {
  const car: CuboidShape = { center: [10, 0, -0.9], size: [4.5, 1.9, 1.6], yaw: Math.PI / 6 };
  const bike: CuboidShape = { center: [10, 0, -0.8], size: [1.8, 0.6, 1.7], yaw: 0 };

  it('numbers each point by its box (k = boxes[k − 1]), 0 outside, NaN points 0', () => {
    const p = cloud([
      [10, 0, -0.9], // in both: the smaller box (bike) wins
      [11.5, 0.8, -0.9], // in the car only (turned 30°)
      [30, 0, -0.9], // in none
      [NaN, 0, 0],
      [10, 0, 1], // above both
    ]);
    expect(Array.from(boxOfEachPoint(p, [car, bike]))).toEqual([2, 1, 0, 0, 0]);
    expect(Array.from(boxOfEachPoint(p, [bike, car]))).toEqual([1, 2, 0, 0, 0]);
    expect(Array.from(boxOfEachPoint(p, []))).toEqual([0, 0, 0, 0, 0]);
  });

  it('agrees with isPointInCuboid on the real KITTI frames', () => {
    for (const id of KITTI_FRAMES) {
      const f = loadKittiFrame(id);
      const boxes = f.cuboids;
      const labels = boxOfEachPoint(f.positions, boxes);
      let inside = 0;
      let wrong = 0;
      for (let i = 0; i < labels.length; i++) {
        const x = f.positions[3 * i];
        const y = f.positions[3 * i + 1];
        const z = f.positions[3 * i + 2];
        const k = labels[i];
        if (k > 0) inside++;
        if (k > 0 ? !isPointInCuboid(x, y, z, boxes[k - 1]) : boxes.some((b) => isPointInCuboid(x, y, z, b))) wrong++;
      }
      expect(wrong).toBe(0);
      // Every labelled frame has objects with points on them.
      expect(inside).toBeGreaterThan(50);
    }
  });

  it('refuses more boxes than 16 bits can number, naming the limit', () => {
    const many = Array.from({ length: MAX_LABELLED_BOXES + 1 }, () => bike);
    expect(() => boxOfEachPoint(cloud([[0, 0, 0]]), many)).toThrow(/at most 65535 boxes.*65536/);
  });
});

describe('groundMask', () => {
  it('marks the points within the clearance of the ground, not those on an object', () => {
    // A flat road at z = −1.7 on a 0.5 m lattice, and a 1.5 m tall block standing on it.
    const pts: number[][] = [];
    for (let x = -20; x <= 20; x += 0.5) for (let y = -20; y <= 20; y += 0.5) pts.push([x, y, -1.7 + 0.02 * Math.sin(x + y)]);
    const road = pts.length;
    for (let z = -1.6; z <= -0.2; z += 0.1) for (let y = -1; y <= 1; y += 0.25) pts.push([8, y, z]);
    const p = cloud(pts);
    const mask = groundMask(p, estimateGround(p));
    let roadGround = 0;
    for (let i = 0; i < road; i++) roadGround += mask[i];
    expect(roadGround).toBe(road);
    for (let i = road; i < pts.length; i++) expect(mask[i]).toBe(pts[i][2] - -1.7 < GROUND_CLEARANCE ? 1 : 0);
  });

  it('on the real KITTI frames: most road returns are ground, points in labelled boxes above their bottom 0.3 m are not', () => {
    for (const id of KITTI_FRAMES) {
      const f = loadKittiFrame(id);
      const mask = groundMask(f.positions, estimateGround(f.positions));
      const labels = boxOfEachPoint(f.positions, f.cuboids);
      let ground = 0;
      let high = 0;
      let highGround = 0;
      for (let i = 0; i < mask.length; i++) {
        ground += mask[i];
        const k = labels[i];
        if (k === 0) continue;
        const b = f.cuboids[k - 1];
        if (f.positions[3 * i + 2] > b.center[2] - b.size[2] / 2 + 0.5) {
          high++;
          highGround += mask[i];
        }
      }
      // A street scan from a car roof: a large share, never nearly all, of the returns are ground.
      expect(ground / mask.length).toBeGreaterThan(0.2);
      expect(ground / mask.length).toBeLessThan(0.8);
      expect(high).toBeGreaterThan(50);
      expect(highGround / high).toBeLessThan(0.02);
    }
  });
});
