import { describe, expect, it } from 'vitest';
import { estimateGround, groundHeightAt, lowGroundAt } from '../../../../src/domain/geometry/estimateGround.ts';
import { loadKittiSample } from './kittiSamples.ts';
import { carOnGround, groundPoints, visibleFacePoints } from './syntheticScene.ts';

describe('estimateGround on synthetic scenes', () => {
  it('finds a flat ground under and around a car and a wall', () => {
    const car = carOnGround(12, 3, 0.4, [4.2, 1.8, 1.5]);
    const wall = carOnGround(20, -6, 0, [12, 0.3, 2.5]);
    const pos = new Float32Array([
      ...groundPoints([car, wall], { extent: 30 }),
      ...visibleFacePoints(car, { step: 0.05, rowStep: 0.1 }),
      ...visibleFacePoints(wall, { step: 0.05, rowStep: 0.1 }),
    ]);
    const g = estimateGround(pos);
    for (const [x, y] of [
      [12, 3],
      [13.5, 3.5],
      [20, -6],
      [0, 0],
      [-25, 25],
    ]) {
      expect(Math.abs(groundHeightAt(g, x, y) + 1.73)).toBeLessThan(0.05);
    }
  });

  it('keeps a car between the ground rings of a 16-beam scanner off the ground', () => {
    // Flat ground at −1.73 m, seen only on rings at 20 m and 33 m (the −5° and −3° beams from 1.73 m);
    // between them, a car at 25 m returns from 0.42 m up (the −3° beam) and 1.29 m up (the −1°
    // beam) on its near face, and from the −3° beam alone on its low front (a hood: nothing above).
    const pts: number[] = [];
    for (const r of [19.8, 33]) for (let a = -0.6; a <= 0.6; a += 0.002) pts.push(r * Math.cos(a), r * Math.sin(a), -1.73);
    for (let y = -0.9; y <= 0.9; y += 0.05) {
      pts.push(24.1, y, -1.31);
      pts.push(25.1, y, -0.44);
    }
    for (let x = 23.1; x < 24.1; x += 0.2) pts.push(x, 0.9, -1.31 + 0.02 * (x - 23.1));
    for (let x = 24.1; x <= 27.3; x += 0.2) {
      pts.push(x, 0.9, -1.31);
      pts.push(x, 0.9, -0.44);
    }
    // Every cell lies between two rings (the scanner model says where: `sparseGroundRings`).
    const g = estimateGround(new Float32Array(pts), { sparseRingsAt: () => true });
    expect(Math.abs(groundHeightAt(estimateGround(new Float32Array(pts)), 25, 0) + 1.73)).toBeGreaterThan(0.3);
    for (const [x, y] of [
      [25, 0],
      [24, 0.5],
      [26, 0.9],
    ]) {
      expect(Math.abs(groundHeightAt(g, x, y) + 1.73)).toBeLessThan(0.15);
    }
  });

  it('keeps far rows in the ring gap of a 16-beam scanner off the ground, but not a hillside', () => {
    // Flat ground at −1.73 m answers only on the rings of the −5° and −3° beams (20 m, 33 m); the
    // −1° beam meets it at 99 m. Between, a car 58 m away shows the −1° beam's row alone, 0.72 m
    // up, and a truck 45 m away the +1° beam's row alone, above the sensor; nothing else answers
    // there. A hillside 78 m away rises 5 m: too high for a vehicle's row, it stays ground.
    const pts: number[] = [];
    for (const r of [19.8, 33]) for (let a = -1.2; a <= 1.2; a += 0.002) pts.push(r * Math.cos(a), r * Math.sin(a), -1.73);
    for (let y = -0.9; y <= 0.9; y += 0.2) pts.push(58, y, -1.01);
    for (let y = -1.2; y <= 1.2; y += 0.15) pts.push(45 * Math.cos(0.5), 45 * Math.sin(0.5) + y, 0.74);
    for (let x = 50; x <= 60; x += 0.5) for (let y = -60; y <= -50; y += 0.5) pts.push(x, y, 3.5);
    const ringGap = { flatZ: -1.73, at: (x: number, y: number) => Math.hypot(x, y) > 34 };
    const plain = estimateGround(new Float32Array(pts));
    const g = estimateGround(new Float32Array(pts), { ringGap });
    expect(groundHeightAt(plain, 58, 0) + 1.73).toBeGreaterThan(0.5);
    expect(groundHeightAt(plain, 45 * Math.cos(0.5), 45 * Math.sin(0.5)) + 1.73).toBeGreaterThan(2);
    expect(Math.abs(groundHeightAt(g, 58, 0) + 1.73)).toBeLessThan(0.15);
    expect(Math.abs(groundHeightAt(g, 45 * Math.cos(0.5), 45 * Math.sin(0.5)) + 1.73)).toBeLessThan(0.15);
    expect(Math.abs(groundHeightAt(g, 55, -55) - 3.5)).toBeLessThan(0.15);
  });

  it('follows a gentle slope', () => {
    const pts: number[] = [];
    for (let x = -30; x <= 30; x += 0.4) for (let y = -30; y <= 30; y += 0.4) pts.push(x, y, -1.7 + 0.04 * x);
    const g = estimateGround(new Float32Array(pts));
    for (const x of [-20, -5, 0, 7.3, 25]) expect(Math.abs(groundHeightAt(g, x, 3) - (-1.7 + 0.04 * x))).toBeLessThan(0.1);
  });

  it('ignores a few returns below the ground and fills cells without points', () => {
    const pts: number[] = [];
    for (let x = -20; x <= 20; x += 0.3) {
      for (let y = -20; y <= 20; y += 0.3) if (!(x > 4 && x < 10 && y > 4 && y < 10)) pts.push(x, y, -1.73);
    }
    // A handful of multipath echoes far below the road.
    for (let k = 0; k < 5; k++) pts.push(-6 + 0.1 * k, -6, -3.5);
    const g = estimateGround(new Float32Array(pts));
    expect(Math.abs(groundHeightAt(g, -6, -6) + 1.73)).toBeLessThan(0.05);
    // The empty square gets its neighbours' height.
    expect(Math.abs(groundHeightAt(g, 7, 7) + 1.73)).toBeLessThan(0.05);
    expect(g.measured.some((m) => m === 0)).toBe(true);
  });

  it('returns a usable, cloneable model for an empty or all-NaN cloud', () => {
    const g = estimateGround(new Float32Array([NaN, NaN, NaN]), { fallbackZ: -2 });
    expect(g.defaultZ).toBe(-2);
    expect(groundHeightAt(g, 3, 4)).toBe(-2);
    expect(groundHeightAt(g, NaN, 4)).toBe(-2);
    const copy = structuredClone(g);
    expect(Array.from(copy.heights)).toEqual(Array.from(g.heights));
  });

  it('interpolates between cell centres and clamps outside the map', () => {
    const pts: number[] = [];
    for (let x = 0; x < 4; x += 0.1) for (let y = 0; y < 2; y += 0.1) pts.push(x, y, x < 2 ? -2 : -1.9);
    const g = estimateGround(new Float32Array(pts), { cellSize: 2 });
    expect(groundHeightAt(g, 1, 1)).toBeCloseTo(-2, 5);
    expect(groundHeightAt(g, 3, 1)).toBeCloseTo(-1.9, 5);
    expect(groundHeightAt(g, 2, 1)).toBeCloseTo(-1.95, 5);
    expect(groundHeightAt(g, 100, -50)).toBeCloseTo(-1.9, 5);
  });

  it('rejects a bad cell size with a prefixed message', () => {
    expect(() => estimateGround(new Float32Array(3), { cellSize: -1 })).toThrow(/^estimateGround: cellSize/);
  });
});

describe('estimateGround on the KITTI sample frames', () => {
  for (const id of ['000000', '000001', '000002']) {
    it(`puts the road near the car at about −1.7 m and the labelled boxes on the ground (${id})`, () => {
      const s = loadKittiSample(id);
      const g = estimateGround(s.positions);
      for (const [x, y] of [
        [5, 0],
        [8, 2],
        [-5, 2],
      ]) {
        expect(Math.abs(groundHeightAt(g, x, y) + 1.7)).toBeLessThan(0.2);
      }
      // Ground-truth bottoms, up to 69 m away: within 0.25 m.
      for (const b of s.boxes) {
        const bottom = b.center[2] - b.size[2] / 2;
        expect(Math.abs(groundHeightAt(g, b.center[0], b.center[1]) - bottom)).toBeLessThan(0.25);
      }
    });
  }
});

describe('lowGroundAt', () => {
  it('gives the road, not the blend of road and pavement, beside a kerb', () => {
    // Road at z -1.73 for y < 6, pavement 0.15 m higher beyond; 2 m cells.
    const pts: number[] = [];
    for (let x = 0; x <= 40; x += 0.25) for (let y = -10; y <= 12; y += 0.25) pts.push(x, y, y < 6 ? -1.73 : -1.58);
    const model = estimateGround(Float32Array.from(pts));
    const blended = groundHeightAt(model, 20, 5.5);
    const low = lowGroundAt(model, 20, 5.5);
    expect(low).toBeCloseTo(-1.73, 2);
    expect(blended).toBeGreaterThan(low);
    // Away from the kerb both agree.
    expect(lowGroundAt(model, 20, -4)).toBeCloseTo(groundHeightAt(model, 20, -4), 3);
  });
});
