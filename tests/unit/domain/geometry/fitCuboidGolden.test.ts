import { describe, expect, it } from 'vitest';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { fitToPoints } from '../../../../src/domain/geometry/fitToPoints.ts';
import { iouBev } from '../../../../src/domain/geometry/iou.ts';
import { isPointInCuboid } from '../../../../src/domain/geometry/isPointInCuboid.ts';
import { truncatedNormalMean } from '../../../../src/domain/geometry/truncatedNormal.ts';
import { carOnGround, groundPoints, visibleFacePoints } from './syntheticScene.ts';

const DEG = Math.PI / 180;
const GROUND = -1.73;

function angleDiff(a: number, b: number): number {
  const d = (((a - b) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return Math.min(d, 2 * Math.PI - d) / DEG;
}

describe('fitCuboid golden cases', () => {
  const ground = groundPoints([], { extent: 50, groundStep: 0.5 });

  it('heads a car seen head-on along the line of sight, even with a curved bumper', () => {
    // Only the rear of a car 12 m ahead, slightly off the axis: a bumper bowed by 0.25 m.
    const car = carOnGround(12, 1.2, Math.atan2(1.2, 12), [4.3, 1.8, 1.5]);
    const c = Math.cos(car.yaw);
    const s = Math.sin(car.yaw);
    const pts: number[] = [];
    for (let v = -0.9; v <= 0.9; v += 0.05) {
      const u = -2.15 + 0.25 * (v / 0.9) ** 2 + (v > 0 ? 0.04 : 0); // bowed and a little lopsided
      for (let h = 0.3; h <= 1.45; h += 0.15) pts.push(12 + u * c - v * s, 1.2 + u * s + v * c, GROUND + h);
    }
    const r = fitCuboid(new Float32Array([...ground, ...pts]), { x: 12, y: 1.2 }, { label: 'Car' })!;
    expect(angleDiff(r.yaw, car.yaw)).toBeLessThan(2);
    expect(r.size[1]).toBeGreaterThan(1.7);
    expect(r.size[1]).toBeLessThan(2.0);
    // The unseen length grows away from the sensor: the box starts at the bumper.
    expect(Math.hypot(r.center[0], r.center[1]) - r.size[0] / 2).toBeGreaterThan(9.7);
    expect(iouBev(r, car)).toBeGreaterThan(0.8);
  });

  it('boxes the whole car when clicked at its far end, beyond the 4 m search radius from the near one', () => {
    // A 4.45 m car 8 m away, seen from its rear corner: clicked on the rear bumper, its front
    // lies 4.45 m from the click.
    const car = carOnGround(6, 6, 0.3, [4.45, 1.8, 1.5]);
    const pts = visibleFacePoints(car, { step: 0.05, rowStep: 0.1, seed: 3 });
    const c = Math.cos(car.yaw);
    const s = Math.sin(car.yaw);
    const click = { x: 6 - 2.2 * c, y: 6 - 2.2 * s };
    const r = fitCuboid(new Float32Array([...ground, ...pts]), click, { label: 'Car' })!;
    expect(r.size[0]).toBeGreaterThan(4.4);
    expect(iouBev(r, car)).toBeGreaterThan(0.88);
  });

  it('keeps the sparse far end of a dense near car: only the end facing the sensor is trimmed', () => {
    // A dense 4.4 m car 7 m away seen from its rear quarter: its side thins out towards the
    // front, where a 1 % trim of all the returns cut 0.3 m off the length (4.13 m, IoU 0.89).
    const car = carOnGround(5, 5, 0.2, [4.4, 1.8, 1.45]);
    const dense = visibleFacePoints(car, { step: 0.02, rowStep: 0.05, seed: 5 });
    const pts: number[] = [];
    const c = Math.cos(car.yaw);
    const s = Math.sin(car.yaw);
    for (let i = 0; i < dense.length; i += 3) {
      // Thin the returns with their distance along the car away from the sensor, as a face
      // turning away from the beams does: 1 in 8 are left at the front.
      const u = (dense[i] - 5) * c + (dense[i + 1] - 5) * s;
      const keepEvery = Math.max(1, Math.round(1 + 7 * Math.max(0, u / 2.2)));
      if ((i / 3) % keepEvery === 0) pts.push(dense[i], dense[i + 1], dense[i + 2]);
    }
    const r = fitCuboid(new Float32Array([...ground, ...pts]), { x: 5, y: 5 }, { label: 'Car' })!;
    expect(r.size[0]).toBeGreaterThan(4.35);
    expect(iouBev(r, car)).toBeGreaterThan(0.91);
  });

  it('heads an L whose short leg has few returns by its faces, not by its principal axis', () => {
    // A car 17 m away turned 10–15° from the line of sight: its side is seen whole and its rear
    // at a slant, a quarter of its returns left. The principal axis leaned 5° towards the rear.
    for (const yawDeg of [10, 15]) {
      const car = carOnGround(16, 6, yawDeg * DEG, [4.5, 1.8, 1.45]);
      const all = visibleFacePoints(car, { seed: 7 });
      const c = Math.cos(car.yaw);
      const s = Math.sin(car.yaw);
      const pts: number[] = [];
      let k = 0;
      for (let i = 0; i < all.length; i += 3) {
        const u = (all[i] - 16) * c + (all[i + 1] - 6) * s;
        if (Math.abs(u) > 2.2 && k++ % 4 !== 0) continue;
        pts.push(all[i], all[i + 1], all[i + 2]);
      }
      const r = fitCuboid(new Float32Array([...ground, ...pts]), { x: 16, y: 6 }, { label: 'Car' })!;
      expect(Math.min(angleDiff(r.yaw, car.yaw), angleDiff(r.yaw, car.yaw + Math.PI))).toBeLessThan(1);
    }
  });

  it('heads a car whose rear alone is seen, at a slant (its side hidden), by the rear face', () => {
    // Only the rear of a car 18 m away, 22° off the line of sight; the line of sight was taken
    // for the heading (22° off).
    const car = carOnGround(19.4, 7, 0, [4.6, 1.7, 1.5]);
    const pts: number[] = [];
    for (let v = -0.75; v <= 0.75; v += 0.04) {
      for (let h = 0.3; h <= 1.4; h += 0.12) pts.push(17.1 + 0.01 * Math.sin(37 * v), 7 + v, GROUND + h);
    }
    const r = fitCuboid(new Float32Array([...ground, ...pts]), { x: 17.1, y: 7 }, { label: 'Car' })!;
    expect(Math.min(angleDiff(r.yaw, 0), angleDiff(r.yaw, Math.PI))).toBeLessThan(2);
  });

  it('takes the class height for a far car whose top fell between two beams', () => {
    // A ray-cast scan (beams 0.4° apart, columns 0.2°) of a 1.5 m car 43–47 m ahead: the beam
    // above the highest return passes over the roof, 0.2 m above it or more.
    const car = carOnGround(45, -3, 0, [4.2, 1.8, 1.5]);
    const pts: number[] = [];
    for (let a = Math.atan2(-3.95, 42.9); a <= Math.atan2(-2.05, 47.1); a += 0.2 * DEG) {
      const yRear = 42.9 * Math.tan(a);
      const xSide = -2.1 / Math.tan(a);
      const hit: [number, number] | null = yRear >= -3.9 && yRear <= -2.1 ? [42.9, yRear] : xSide >= 42.9 && xSide <= 47.1 ? [xSide, -2.1] : null;
      if (hit === null) continue;
      const r = Math.hypot(hit[0], hit[1]);
      for (let k = 0; k < 40; k++) {
        const z = r * Math.tan((-12 + 0.4 * k + 0.2) * DEG);
        if (z >= GROUND + 0.05 && z <= GROUND + 1.5) pts.push(hit[0], hit[1], z);
      }
    }
    let top = -Infinity;
    for (let i = 2; i < pts.length; i += 3) top = Math.max(top, pts[i]);
    expect(top - GROUND).toBeLessThan(1.35);
    const r = fitCuboid(new Float32Array([...ground, ...pts]), { x: 45, y: -3 }, { label: 'Car' })!;
    expect(r.topSeen).toBe(false);
    expect(Math.abs(r.size[2] - 1.5)).toBeLessThan(0.12);
    expect(r.center[2] - r.size[2] / 2).toBeCloseTo(GROUND, 1);
    // With the sensor's beams, the same: the beam above passes well over the highest return.
    const elevations = Float64Array.from({ length: 40 }, (_, k) => (-12 + 0.4 * k + 0.2) * DEG);
    const sensor = {
      origin: [0, 0, 0] as [number, number, number],
      originSource: 'given' as const,
      beams: 40,
      elevations,
      elevationSource: 'ring' as const,
      azimuthStep: 0.2 * DEG,
      heightAboveGround: 1.73,
      maxRange: 120,
      returnRate: 1,
    };
    const rs = fitCuboid(new Float32Array([...ground, ...pts]), { x: 45, y: -3 }, { label: 'Car', sensor })!;
    expect(rs.topSeen).toBe(false);
    expect(Math.abs(rs.size[2] - 1.5)).toBeLessThan(0.15);
  });

  it('cuts a tree crown hanging over a car off the cluster', () => {
    const car = carOnGround(15, -4, 10 * DEG, [4.2, 1.8, 1.5]);
    const crown: number[] = [];
    for (let x = 12.5; x <= 17.5; x += 0.15) for (let y = -6.5; y <= -1.5; y += 0.15) crown.push(x, y, GROUND + 2.05 + 0.2 * Math.sin(x * 3 + y));
    const pos = new Float32Array([...ground, ...visibleFacePoints(car), ...crown]);
    const r = fitCuboid(pos, { x: 15, y: -4 }, { label: 'Car' })!;
    expect(r.size[2]).toBeLessThan(1.65);
    expect(iouBev(r, car)).toBeGreaterThan(0.75);
    for (const i of r.indices) expect(pos[3 * i + 2] - GROUND).toBeLessThan(1.6);
  });

  it('fits a 6 m truck as 6 m, not as the 10 m class mean', () => {
    const truck = carOnGround(18, -7, 0, [6.2, 2.4, 3.0]);
    const pos = new Float32Array([...ground, ...visibleFacePoints(truck, { rowStep: 0.25 })]);
    const r = fitCuboid(pos, { x: 18, y: -7 }, { label: 'Truck' })!;
    expect(r.size[0]).toBeGreaterThan(5.9);
    expect(r.size[0]).toBeLessThan(6.7);
    expect(iouBev(r, truck)).toBeGreaterThan(0.8);
  });

  it('boxes a sparse 3-return object at the class size around its returns, with low confidence', () => {
    const pts = [30, 5, GROUND + 0.6, 30.05, 5.4, GROUND + 0.9, 29.98, 5.8, GROUND + 0.7];
    const r = fitCuboid(new Float32Array([...ground, ...pts]), { x: 30, y: 5.4 }, { label: 'Car' })!;
    expect(r).not.toBeNull();
    expect(r.pointCount).toBe(3);
    expect(r.confidence).toBe('low');
    expect(r.size[0]).toBeGreaterThan(3.5);
    expect(r.size[0]).toBeLessThan(4.5);
    // The class's height too (the sparse returns stop at 0.9 m): a Car is 1.15–2.3 m tall.
    expect(r.size[2]).toBeGreaterThanOrEqual(1.5);
    for (let k = 0; k < 3; k++) expect(isPointInCuboid(pts[3 * k], pts[3 * k + 1], pts[3 * k + 2], r)).toBe(true);
    // Grown away from the sensor: the box centre is farther than the returns.
    expect(Math.hypot(r.center[0], r.center[1])).toBeGreaterThan(Math.hypot(30, 5.4) + 0.3);
  });

  it('uses the sensor origin for the line of sight when the points are not centred on it', () => {
    // The same scene in a vehicle frame: the sensor 1.2 m ahead of and 1.73 m above the origin.
    const off = [1.2, 0, 1.73];
    const car = carOnGround(11, 4, 35 * DEG, [4.2, 1.8, 1.5]);
    const sensorPts = [...ground, ...visibleFacePoints(car)];
    const shifted = sensorPts.map((v, i) => v + off[i % 3]);
    const a = fitCuboid(new Float32Array(sensorPts), { x: 11, y: 4 }, { label: 'Car' })!;
    const b = fitCuboid(new Float32Array(shifted), { x: 11 + off[0], y: 4 }, { label: 'Car', sensorOrigin: [off[0], off[1], off[2]] })!;
    for (let k = 0; k < 3; k++) expect(b.center[k] - off[k]).toBeCloseTo(a.center[k], 3);
    for (let k = 0; k < 3; k++) expect(b.size[k]).toBeCloseTo(a.size[k], 3);
    expect(angleDiff(a.yaw, b.yaw)).toBeLessThan(0.01);
  });

  it('points the heading the way the object moved when given its previous centre', () => {
    // Left of the ego lane a parked or oncoming car is taken to face −x; this one drives +x.
    const car = carOnGround(10, 6, 0, [4.2, 1.8, 1.5]);
    const pos = new Float32Array([...ground, ...visibleFacePoints(car)]);
    const still = fitCuboid(pos, { x: 10, y: 6 }, { label: 'Car' })!;
    expect(['lane', 'shape']).toContain(still.headingSource);
    const moving = fitCuboid(pos, { x: 10, y: 6 }, { label: 'Car', previousCenter: [9, 6] })!;
    expect(moving.headingSource).toBe('motion');
    expect(angleDiff(moving.yaw, 0)).toBeLessThan(3);
    const back = fitCuboid(pos, { x: 10, y: 6 }, { label: 'Car', previousCenter: [11, 6.05] })!;
    expect(angleDiff(back.yaw, Math.PI)).toBeLessThan(3);
  });

  it('fitToPoints fits the points it is given, ground and all, without clustering', () => {
    const car = carOnGround(16, 3, -25 * DEG, [4.4, 1.8, 1.5]);
    const pos = new Float32Array([...ground, ...visibleFacePoints(car)]);
    // Every point within 1 m of the box, ground included, as a refit check would pass them.
    const near: number[] = [];
    const grown = { ...car, size: [car.size[0] + 2, car.size[1] + 2, car.size[2] + 2] as [number, number, number] };
    for (let i = 0; i < pos.length / 3; i++) if (isPointInCuboid(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2], grown)) near.push(i);
    const r = fitToPoints(pos, near, { label: 'Car' })!;
    expect(iouBev(r, car)).toBeGreaterThan(0.8);
    expect(r.center[2] - r.size[2] / 2).toBeCloseTo(GROUND, 1);
    expect(fitToPoints(pos, [], { label: 'Car' })).toBeNull();
  });
});

describe('truncatedNormalMean', () => {
  it('is the prior inside a wide interval, pushed up by a lower bound, and clamped', () => {
    expect(truncatedNormalMean(4, 0.5, -Infinity, Infinity)).toBeCloseTo(4, 6);
    expect(truncatedNormalMean(4, 0.5, 4, Infinity)).toBeCloseTo(4 + 0.5 * Math.sqrt(2 / Math.PI), 4);
    expect(truncatedNormalMean(4, 0.5, 10, 12)).toBeCloseTo(10, 6);
    expect(truncatedNormalMean(4, 0, 1, 3)).toBe(3);
    expect(truncatedNormalMean(4, 0.5, 5, 5)).toBe(5);
  });
});

describe('fitCuboid on a rider seen from behind', () => {
  it('heads a cyclist whose returns are a blob along the line of sight, not along +x', () => {
    // A rider 14 m out at 45°, riding away: the sensor sees a back 0.55 m wide and 0.4 m deep
    // (shoulders, the rear wheel below), 1.2–1.75 m of it above the road.
    const ground = groundPoints([], { extent: 30, groundStep: 0.5 });
    const los = Math.PI / 4;
    const [cx, cy] = [14 * Math.cos(los), 14 * Math.sin(los)];
    const pts: number[] = [];
    for (let k = 0; k < 6; k++) {
      for (let j = 0; j < 4; j++) {
        const across = -0.27 + (0.55 * j) / 3;
        const depth = -0.85 + (0.4 * ((k * 7 + j * 3) % 5)) / 4;
        const x = cx + depth * Math.cos(los) - across * Math.sin(los);
        const y = cy + depth * Math.sin(los) + across * Math.cos(los);
        pts.push(x, y, GROUND + 0.3 + 0.25 * k);
      }
    }
    const r = fitCuboid(new Float32Array([...ground, ...pts]), { x: cx - 0.7, y: cy - 0.7 }, { label: 'Cyclist' })!;
    expect(r.pointCount).toBe(24);
    // Front or back is another cue's: the axis is what the blob gives.
    expect(Math.min(angleDiff(r.yaw, los), 180 - angleDiff(r.yaw, los))).toBeLessThan(5);
    expect(r.size[0]).toBeGreaterThan(r.size[1]);
  });
});

describe('fitCuboid with a reach (boxing a missed-object finding)', () => {
  it('takes in no piece beyond the reach that the class footprint would join', () => {
    const ground = groundPoints([], { extent: 40, groundStep: 0.5 });
    // Two faces in a line 15 m to the left: a 5 m one (the finding's cluster) and, 1.5 m past its
    // end, a 2 m one. A Truck's footprint takes in both; the finding's reach keeps to the first.
    const face = (x0: number, x1: number): number[] => {
      const out: number[] = [];
      for (let x = x0; x <= x1 + 1e-9; x += 0.1) for (let h = 0.4; h <= 2.6; h += 0.2) out.push(x, 15, GROUND + h);
      return out;
    };
    const a = face(10, 15);
    const b = face(16.5, 18.5);
    const positions = new Float32Array([...ground, ...a, ...b]);
    const seed = { x: 12.5, y: 15 };
    const wide = fitCuboid(positions, seed, { label: 'Truck' })!;
    const kept = fitCuboid(positions, seed, { label: 'Truck', reach: 2.5 + 1 })!;
    expect(wide.pointCount).toBe((a.length + b.length) / 3);
    expect(kept.pointCount).toBe(a.length / 3);
  });
});
