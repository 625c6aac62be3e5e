import { describe, expect, it } from 'vitest';
import { candidateRays } from '../../../src/sim/candidateRays.ts';
import { countRaysHitting } from '../../../src/sim/countRaysHitting.ts';
import { intersectPrimitive } from '../../../src/sim/primitives/intersectPrimitive.ts';
import { axisBox, cylinder, ellipsoid, orientedBox } from '../../../src/sim/primitives/makePrimitive.ts';
import type { Primitive } from '../../../src/sim/primitives/Primitive.ts';
import { surface } from '../../../src/sim/primitives/Primitive.ts';
import { createRng } from '../../../src/sim/rng.ts';
import { buildRays, createSensor } from '../../../src/sim/sensor.ts';

const S = surface(0.5);

/** Whether ray i lies inside the block (columns wrapped). */
function inBlock(i: number, beams: number, n: number, b: { k0: number; k1: number; r0: number; r1: number }): boolean {
  const k = Math.floor(i / beams);
  const r = i % beams;
  if (r < b.r0 || r > b.r1) return false;
  for (let kk = b.k0; kk <= b.k1; kk++) if (((kk % n) + n) % n === k) return true;
  return false;
}

describe('candidateRays', () => {
  it('never leaves out a ray that hits (random primitives, brute force)', () => {
    const sensor = createSensor({ beams: 16, azimuthSteps: 180 });
    const rays = buildRays(sensor);
    const rng = createRng(11);
    let checkedHits = 0;
    for (let trial = 0; trial < 60; trial++) {
      const c: [number, number, number] = [rng.uniform(-30, 30), rng.uniform(-30, 30), rng.uniform(-3, 2)];
      const kind = trial % 4;
      const p: Primitive =
        kind === 0
          ? orientedBox(c, [rng.uniform(0.5, 8), rng.uniform(0.5, 3), rng.uniform(0.5, 4)], rng.uniform(-3, 3), S)
          : kind === 1
            ? cylinder(c[0], c[1], rng.uniform(0.1, 2), c[2] - 2, c[2] + 2, S)
            : kind === 2
              ? ellipsoid(c, [rng.uniform(0.2, 3), rng.uniform(0.2, 3), rng.uniform(0.2, 3)], rng.uniform(-3, 3), S)
              : axisBox([c[0], c[1], c[2]], [c[0] + rng.uniform(0.5, 20), c[1] + rng.uniform(0.5, 20), c[2] + 3], S);
      const block = candidateRays(sensor, p, 200);
      for (let i = 0; i < rays.count; i++) {
        if (intersectPrimitive(p, 0, 0, 0, rays.dx[i], rays.dy[i], rays.dz[i]) === Infinity) continue;
        checkedHits++;
        expect(block).not.toBeNull();
        if (block !== null) expect(inBlock(i, sensor.beams, sensor.azimuthSteps, block)).toBe(true);
      }
    }
    expect(checkedHits).toBeGreaterThan(500);
  });

  it('skips primitives beyond reach and covers every column around a box that contains the sensor', () => {
    const sensor = createSensor({ beams: 8, azimuthSteps: 36 });
    expect(candidateRays(sensor, orientedBox([300, 0, 0], [2, 2, 2], 0, S), 120)).toBeNull();
    const around = candidateRays(sensor, axisBox([-5, -5, -5], [5, 5, 5], S), 120);
    expect(around).toEqual({ k0: 0, k1: 35, r0: 0, r1: 7 });
  });
});

describe('countRaysHitting', () => {
  it('counts each ray once even when several primitives overlap', () => {
    const sensor = createSensor({ beams: 8, azimuthSteps: 72 });
    const rays = buildRays(sensor);
    const a = orientedBox([10, 0, -1], [2, 2, 2], 0, S);
    const single = countRaysHitting(sensor, rays, [a], 120);
    expect(single).toBeGreaterThan(0);
    expect(countRaysHitting(sensor, rays, [a, { ...a }], 120)).toBe(single);
  });
});
