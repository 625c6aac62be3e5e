import { describe, expect, it } from 'vitest';
import { toBoxLocal } from '../../../../src/domain/geometry/cuboidCorners.ts';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { iouBev } from '../../../../src/domain/geometry/iou.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { carOnGround, groundPoints, visibleFacePoints } from './syntheticScene.ts';

const DEG = Math.PI / 180;

/** Smallest difference between two headings modulo π (front/back ambiguity), degrees. */
function axisError(a: number, b: number): number {
  const d = (((a - b) % Math.PI) + Math.PI) % Math.PI;
  return Math.min(d, Math.PI - d) / DEG;
}

function angleDiff(a: number, b: number): number {
  const d = (((a - b) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return Math.min(d, 2 * Math.PI - d);
}

describe('fitCuboid on synthetic L-shaped cars', () => {
  const ground = groundPoints([], { extent: 32, groundStep: 0.4 });

  it('recovers the heading within 5° (modulo π) and the footprint, for cars all around the sensor', () => {
    let cases = 0;
    for (const [x, y] of [
      [15, 0],
      [12, 6],
      [8, -9],
      [25, 10],
      [-14, 4],
      [3, 15],
    ]) {
      for (const yawDeg of [0, 20, 45, 70, 90, 125, -30, -80]) {
        const car = carOnGround(x, y, yawDeg * DEG, [4.2, 1.8, 1.5]);
        const pos = new Float32Array([...ground, ...visibleFacePoints(car, { seed: cases + 1 })]);
        const r = fitCuboid(pos, { x, y }, { label: 'Car' });
        expect(r).not.toBeNull();
        expect(axisError(r!.yaw, car.yaw)).toBeLessThan(5);
        expect(iouBev(r!, car)).toBeGreaterThan(0.8);
        expect(Math.abs(r!.center[2] - r!.size[2] / 2 + 1.73)).toBeLessThan(0.05);
        cases++;
      }
    }
    expect(cases).toBe(48);
  });

  it('returns four heading candidates: the best, its flip, and the two quarter turns', () => {
    const car = carOnGround(14, -5, 30 * DEG, [4.2, 1.8, 1.5]);
    const pos = new Float32Array([...ground, ...visibleFacePoints(car)]);
    const r0 = fitCuboid(pos, { x: 14, y: -5 }, { label: 'Car' })!;
    const c = r0.headingCandidates;
    expect(c).toHaveLength(4);
    expect(r0.yaw).toBe(c[0]);
    for (const a of c) expect(a > -Math.PI && a <= Math.PI).toBe(true);
    expect(angleDiff(c[0], c[1])).toBeCloseTo(Math.PI, 9);
    expect(angleDiff(c[0], c[2])).toBeCloseTo(Math.PI / 2, 9);
    expect(angleDiff(c[2], c[3])).toBeCloseTo(Math.PI, 9);
    // The flip is the same footprint; a quarter turn puts the length along the other axis.
    const r1 = fitCuboid(pos, { x: 14, y: -5 }, { label: 'Car', headingIndex: 1 })!;
    expect(r1.yaw).toBe(c[1]);
    expect(iouBev(r0, r1)).toBeCloseTo(1, 6);
    const r2 = fitCuboid(pos, { x: 14, y: -5 }, { label: 'Car', headingIndex: 2 })!;
    expect(r2.yaw).toBe(c[2]);
    expect(iouBev(r2, car)).toBeLessThan(0.7);
    expect(fitCuboid(pos, { x: 14, y: -5 }, { label: 'Car', headingIndex: 6 })!.yaw).toBe(c[2]);
    expect(fitCuboid(pos, { x: 14, y: -5 }, { label: 'Car', headingIndex: -1 })!.yaw).toBe(c[3]);
  });

  it('follows a prior: its heading comes first and its size is kept', () => {
    const car = carOnGround(16, 4, -20 * DEG, [4.2, 1.8, 1.5]);
    const pos = new Float32Array([...ground, ...visibleFacePoints(car)]);
    const prior = { center: car.center, size: [4.5, 1.9, 1.6] as const, yaw: car.yaw + Math.PI + 0.05 };
    const r = fitCuboid(pos, { x: 16.3, y: 4.2 }, { label: 'Car', prior })!;
    expect(angleDiff(r.yaw, prior.yaw)).toBeLessThan(5 * DEG);
    expect(angleDiff(r.headingCandidates[1], prior.yaw)).toBeGreaterThan(170 * DEG);
    expect(r.size[0]).toBeCloseTo(4.5, 9);
    expect(r.size[1]).toBeCloseTo(1.9, 9);
    expect(r.size[2]).toBeCloseTo(1.6, 9);
    expect(iouBev(r, car)).toBeGreaterThan(0.75);
  });

  it('gives a sparse far car the default size, extended away from the sensor behind its visible face', () => {
    // Only the rear face (along y) of a car 50 m ahead, seen in two scan rows.
    const car = carOnGround(50, 0, 0, [4.2, 1.8, 1.5]);
    const farGround = groundPoints([car], { extent: 60, groundStep: 1 });
    const pos = new Float32Array([...farGround, ...visibleFacePoints(car, { step: 0.2, rowStep: 0.5 })]);
    const r = fitCuboid(pos, { x: 50, y: 0.3 }, { label: 'Car' })!;
    expect(r.pointCount).toBe(30);
    // The unseen length is the class prior (3.9 m) scaled by how the seen width (1.8 m, plus the
    // edge allowance at 50 m) compares with the class width (1.6 m): at most 25 % more.
    expect(r.size[0]).toBeGreaterThan(4.1);
    expect(r.size[0]).toBeLessThanOrEqual(3.9 * 1.25 + 1e-9);
    expect(axisError(r.yaw, 0)).toBeLessThan(5);
    // Rear face at x = 47.9: the box starts there (less the edge allowance: half a column
    // spacing at 50 m plus 2 cm) and reaches away from the sensor, never towards it.
    expect(r.center[0] - r.size[0] / 2).toBeGreaterThan(47.75);
    expect(r.center[0] - r.size[0] / 2).toBeLessThan(47.92);
    expect(r.confidence).toBe('medium');
    // The synthetic face has returns exactly at its edges; a real scan's last return lies about
    // half a column spacing inside (0.09 m at 50 m), which the fit adds back.
    expect(iouBev(r, car)).toBeGreaterThan(0.75);
  });

  it('keeps a wall half a metre away out of the cluster', () => {
    const car = carOnGround(20, -3, 0, [4.2, 1.8, 1.5]);
    // A 10 m wall along the car's far side, 0.5 m from it, taller than the car.
    const wall = carOnGround(21, -4.65, 0, [10, 0.3, 2.4]);
    const pos = new Float32Array([...ground, ...visibleFacePoints(car), ...visibleFacePoints(wall, { seed: 2 })]);
    const r = fitCuboid(pos, { x: 20, y: -3 }, { label: 'Car' })!;
    expect(iouBev(r, car)).toBeGreaterThan(0.8);
    for (const i of r.indices) {
      const l = toBoxLocal(car, pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
      expect(Math.abs(l[1])).toBeLessThan(1.0);
    }
  });

  it('gives the same box with or without a prebuilt grid and ground model', () => {
    const car = carOnGround(-9, -11, 1.1, [4.2, 1.8, 1.5]);
    const pos = new Float32Array([...ground, ...visibleFacePoints(car)]);
    const a = fitCuboid(pos, { x: -9, y: -11 })!;
    const b = fitCuboid(pos, { x: -9, y: -11 }, { grid: buildPointGrid(pos), ground: estimateGround(pos) })!;
    expect(iouBev(a, b)).toBeGreaterThan(0.99);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(a.pointCount).toBe(a.indices.length);
    expect(Array.from(a.indices)).toEqual([...a.indices].sort((p, q) => p - q));
  });

  it('fits a pedestrian along its direction of largest spread', () => {
    // A walking person: an elongated blob 0.9 × 0.5 m, 1.75 m tall, heading 60°.
    const person = carOnGround(7, 3, 60 * DEG, [0.9, 0.5, 1.75]);
    const pts: number[] = [];
    for (let u = -0.45; u <= 0.45; u += 0.05) {
      for (let v = -0.25; v <= 0.25; v += 0.05) {
        if ((u / 0.45) ** 2 + (v / 0.25) ** 2 > 1) continue;
        for (let h = 0.3; h <= 1.75; h += 0.1) {
          const x = 7 + u * Math.cos(60 * DEG) - v * Math.sin(60 * DEG);
          const y = 3 + u * Math.sin(60 * DEG) + v * Math.cos(60 * DEG);
          pts.push(x, y, -1.73 + h);
        }
      }
    }
    const pos = new Float32Array([...groundPoints([person], { extent: 15, groundStep: 0.3 }), ...pts]);
    const r = fitCuboid(pos, { x: 7, y: 3 }, { label: 'Pedestrian' })!;
    expect(axisError(r.yaw, person.yaw)).toBeLessThan(5);
    expect(r.size[2]).toBeGreaterThan(1.6);
    expect(iouBev(r, person)).toBeGreaterThan(0.6);
  });

  it('boxes the one of two people walking side by side that was clicked, at a person’s size', () => {
    // Two people 0.6 m apart across the line of sight, 12 m ahead: their returns touch in the links.
    const pts: number[] = [];
    for (const cy of [-0.3, 0.3]) {
      for (let v = -0.24; v <= 0.24; v += 0.03) {
        for (let h = 0.2; h <= 1.72; h += 0.12) {
          // The front half of a rounded body, facing the sensor.
          const u = -0.12 * Math.sqrt(Math.max(0, 1 - (v / 0.25) ** 2));
          pts.push(12 + u, cy + v, -1.73 + h);
        }
      }
    }
    const pos = new Float32Array([...groundPoints([], { extent: 16, groundStep: 0.3 }), ...pts]);
    for (const cy of [-0.3, 0.3]) {
      const truth = carOnGround(12, cy, 0, [0.65, 0.6, 1.75]);
      const r = fitCuboid(pos, { x: 12, y: cy }, { label: 'Pedestrian' })!;
      // One person: about half the returns, a box no longer than a person and on their side.
      expect(r.pointCount).toBeLessThan((0.6 * pts.length) / 3);
      expect(Math.max(r.size[0], r.size[1])).toBeLessThan(0.85);
      expect(Math.sign(r.center[1])).toBe(Math.sign(cy));
      expect(iouBev(r, truth)).toBeGreaterThan(0.5);
    }
  });

  it('returns null where there is nothing but ground, or no point at all', () => {
    const pos = new Float32Array(ground);
    expect(fitCuboid(pos, { x: 5, y: 5 }, { label: 'Car' })).toBeNull();
    expect(fitCuboid(new Float32Array(0), { x: 0, y: 0 })).toBeNull();
    expect(fitCuboid(pos, { x: NaN, y: 0 })).toBeNull();
  });
});
