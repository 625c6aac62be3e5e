import { describe, expect, it } from 'vitest';
import { peopleInCluster } from '../../../../src/domain/checks/rules/peopleInCluster.ts';
import type { GroundModel } from '../../../../src/domain/geometry/estimateGround.ts';

/** Flat ground at z = −1.7 m everywhere. */
const ground: GroundModel = {
  originX: 0,
  originY: 0,
  cellSize: 100,
  nx: 1,
  ny: 1,
  heights: new Float32Array([-1.7]),
  measured: new Uint8Array([1]),
  defaultZ: -1.7,
};

/** Points on a column's surface: `w` × `d` metres at (x, y), from `from` to `to` above the ground. */
function column(x: number, y: number, w: number, d: number, from: number, to: number, step = 0.05): number[] {
  const out: number[] = [];
  for (let h = from; h <= to; h += step) for (let u = -w / 2; u <= w / 2; u += step) for (const v of [-d / 2, d / 2]) out.push(x + v, y + u, -1.7 + h);
  return out;
}

/** Points filling a box `w` × `d` metres at (x, y), from `from` to `to` above the ground, every `step` metres. */
function solid(x: number, y: number, w: number, d: number, from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let h = from; h <= to; h += step)
    for (let u = -w / 2; u <= w / 2; u += step) for (let v = -d / 2; v <= d / 2; v += step) out.push(x + v, y + u, -1.7 + h);
  return out;
}

describe('peopleInCluster (a person standing against something)', () => {
  it('finds the person beside a post and a tree trunk, and neither of them', () => {
    const person = column(10, 0, 0.45, 0.3, 0.2, 1.75);
    const post = column(10, 0.8, 0.12, 0.12, 0.1, 3.2);
    const trunk = column(10, -0.75, 0.3, 0.3, 0.1, 3.5);
    const parts = peopleInCluster(Float32Array.from([...person, ...post, ...trunk]), ground, 10);
    expect(parts).toHaveLength(1);
    const [p] = parts;
    expect(p.x).toBeCloseTo(10, 1);
    expect(p.y).toBeCloseTo(0, 1);
    expect(p.top).toBeGreaterThan(1.6);
    expect(p.bottom).toBeLessThan(0.3);
    expect(p.length).toBeLessThan(0.6);
    expect(p.groundZ).toBeCloseTo(-1.7, 5);
    // Touching the post (the cells join), the person is not told apart from it.
    const touching = column(10, 0.3, 0.12, 0.12, 0.1, 3.2);
    expect(peopleInCluster(Float32Array.from([...person, ...touching]), ground, 10)).toEqual([]);
  });

  it('finds nothing in one connected thing (a hedge), nor in a column that does not stand on the ground', () => {
    const hedge = column(5, 0, 4, 0.8, 0.1, 1.6);
    expect(peopleInCluster(Float32Array.from(hedge), ground, 10)).toEqual([]);
    const hanging = column(5, 0, 0.4, 0.3, 1.0, 2.0);
    const other = column(5, 1, 0.4, 0.3, 0.1, 0.5);
    expect(peopleInCluster(Float32Array.from([...hanging, ...other]), ground, 10)).toEqual([]);
  });

  it('finds a person under a tree crown that hangs over a gap, not the trunk the crown sits on', () => {
    const person = solid(10, 0, 0.45, 0.3, 0.2, 1.75, 0.1);
    const trunk = column(10, -1.2, 0.3, 0.3, 0.1, 3.0);
    // The crown's underside, 2.3–2.7 m up over both, 3 m across.
    const crown: number[] = [];
    for (let x = 8.5; x <= 11.5; x += 0.05) for (let y = -2; y <= 1; y += 0.05) crown.push(x, y, -1.7 + 2.3 + 0.4 * Math.abs(Math.sin(x * 7 + y * 3)));
    const parts = peopleInCluster(Float32Array.from([...person, ...trunk, ...crown]), ground, 10);
    expect(parts).toHaveLength(1);
    expect(parts[0].y).toBeCloseTo(0, 1);
    // A column that reaches up into what is above is still a trunk or a post, not a person.
    const tall = solid(10, 0, 0.45, 0.3, 0.2, 2.15, 0.1);
    expect(peopleInCluster(Float32Array.from([...tall, ...crown]), ground, 10)).toEqual([]);
  });
});
