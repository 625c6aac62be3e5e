import { describe, expect, it } from 'vitest';
import { intersectPrimitive } from '../../../../src/sim/primitives/intersectPrimitive.ts';
import { axisBox, cylinder, ellipsoid, orientedBox } from '../../../../src/sim/primitives/makePrimitive.ts';
import type { PlanePrimitive, Primitive } from '../../../../src/sim/primitives/Primitive.ts';
import { surface } from '../../../../src/sim/primitives/Primitive.ts';
import { primitiveBounds } from '../../../../src/sim/primitives/primitiveBounds.ts';
import { primitiveNormal } from '../../../../src/sim/primitives/primitiveNormal.ts';
import { transformPrimitive } from '../../../../src/sim/primitives/transformPrimitive.ts';
import { createRng } from '../../../../src/sim/rng.ts';

const S = surface(0.5);
const hit = (p: Primitive, o: [number, number, number], d: [number, number, number]): number => intersectPrimitive(p, o[0], o[1], o[2], d[0], d[1], d[2]);

describe('ray–primitive intersection', () => {
  it('hits a plane from either side and misses parallel or behind', () => {
    const ground: PlanePrimitive = { kind: 'plane', px: 0, py: 0, pz: -1.73, nx: 0, ny: 0, nz: 1, surface: S, owner: -1 };
    const down = [Math.cos(-0.3), 0, Math.sin(-0.3)] as [number, number, number];
    expect(hit(ground, [0, 0, 0], down)).toBeCloseTo(1.73 / Math.sin(0.3), 12);
    expect(hit(ground, [0, 0, 0], [1, 0, 0])).toBe(Infinity);
    expect(hit(ground, [0, 0, 0], [0, 0, 1])).toBe(Infinity);
  });

  it('hits an axis box at its near face, and at the far face from inside', () => {
    const b = axisBox([8, -1, -1], [12, 1, 1], S);
    expect(hit(b, [0, 0, 0], [1, 0, 0])).toBeCloseTo(8, 12);
    expect(hit(b, [10, 0, 0], [1, 0, 0])).toBeCloseTo(2, 12);
    expect(hit(b, [0, 0, 0], [0, 1, 0])).toBe(Infinity);
    expect(hit(b, [0, 0, 0], [-1, 0, 0])).toBe(Infinity);
  });

  it('hits an oriented box rotated by 45° at its corner', () => {
    const b = orientedBox([10, 0, 0], [2, 2, 2], Math.PI / 4, S);
    expect(hit(b, [0, 0, 0], [1, 0, 0])).toBeCloseTo(10 - Math.SQRT2, 12);
  });

  it('hits a vertical cylinder on its side and on its cap', () => {
    const c = cylinder(5, 0, 0.5, -2, 3, S);
    expect(hit(c, [0, 0, 0], [1, 0, 0])).toBeCloseTo(4.5, 12);
    const down = [0, 0, -1] as [number, number, number];
    expect(hit(c, [5, 0, 10], down)).toBeCloseTo(7, 12);
    expect(hit(c, [0, 0, 5], [1, 0, 0])).toBe(Infinity);
  });

  it('hits a flat yawed ellipsoid (a wheel) edge-on and face-on', () => {
    const wheel = ellipsoid([0, 10, 0], [0.3, 0.1, 0.3], 0, S);
    expect(hit(wheel, [0, 0, 0], [0, 1, 0])).toBeCloseTo(9.9, 12);
    const turned = ellipsoid([0, 10, 0], [0.3, 0.1, 0.3], Math.PI / 2, S);
    expect(hit(turned, [0, 0, 0], [0, 1, 0])).toBeCloseTo(9.7, 12);
    expect(hit(wheel, [0, 0, 0], [0, -1, 0])).toBe(Infinity);
  });
});

describe('normals, bounds and transforms', () => {
  it('gives outward face normals', () => {
    const b = orientedBox([10, 0, 0], [2, 2, 2], Math.PI / 2, S);
    const n = primitiveNormal(b, 9, 0.2, 0.3);
    expect(n[0]).toBeCloseTo(-1, 12);
    expect(Math.abs(n[1]) + Math.abs(n[2])).toBeCloseTo(0, 12);
    const c = primitiveNormal(cylinder(0, 0, 1, 0, 2, S), 0, -1, 1);
    expect([c[0], c[1], c[2]].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, -1, 0]);
    expect(primitiveNormal(cylinder(0, 0, 1, 0, 2, S), 0.2, 0.1, 2)[2]).toBe(1);
  });

  it('turns an axis box into an oriented box under a yaw and keeps the hit distance', () => {
    const b = axisBox([8, -1, -1], [12, 1, 1], S);
    const moved = transformPrimitive(b, { yaw: Math.PI / 2, tx: 0, ty: 0, tz: 0 });
    expect(moved.kind).toBe('orientedBox');
    expect(hit(moved, [0, 0, 0], [0, 1, 0])).toBeCloseTo(8, 12);
    const shifted = transformPrimitive(b, { yaw: 0, tx: 1, ty: 0, tz: 0.5 });
    expect(shifted.kind).toBe('axisBox');
    expect(hit(shifted, [0, 0, 0.5], [1, 0, 0])).toBeCloseTo(9, 12);
  });

  it('contains every hit point in the primitive bounds (random rays)', () => {
    const r = createRng(3);
    const prims: Primitive[] = [orientedBox([4, 1, 0.5], [3, 1.5, 1], 0.7, S), cylinder(-3, 2, 0.4, -1, 2, S), ellipsoid([1, -4, 0], [2, 0.5, 1], -1.1, S)];
    let hits = 0;
    for (let i = 0; i < 3000; i++) {
      const az = r.uniform(-Math.PI, Math.PI);
      const el = r.uniform(-0.6, 0.6);
      const d: [number, number, number] = [Math.cos(el) * Math.cos(az), Math.cos(el) * Math.sin(az), Math.sin(el)];
      for (const p of prims) {
        const t = hit(p, [0, 0, 0], d);
        if (t === Infinity) continue;
        hits++;
        const b = primitiveBounds(p);
        const q = [t * d[0], t * d[1], t * d[2]];
        for (let a = 0; a < 3; a++) {
          expect(q[a]).toBeGreaterThanOrEqual(b[a] - 1e-9);
          expect(q[a]).toBeLessThanOrEqual(b[a + 3] + 1e-9);
        }
      }
    }
    expect(hits).toBeGreaterThan(100);
  });
});
