import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../../src/domain/checks/CheckResult.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { analyzeFrame } from '../../../../../src/domain/checks/frame/analyzeFrame.ts';
import { unlabelledCluster, WARN_CONF } from '../../../../../src/domain/checks/rules/unlabelledCluster.ts';
import { vehiclesInCluster } from '../../../../../src/domain/checks/rules/vehiclesInCluster.ts';
import type { GroundModel } from '../../../../../src/domain/geometry/estimateGround.ts';
import { scan, SURROUNDINGS, tree } from '../scanFixture.ts';
import type { Shape } from '../scanFixture.ts';

/**
 * A car parked 30 m ahead under a street tree, seen from behind: the crown (2.4–5.9 m up) reaches
 * over its roof, the trunk stands 1.4 m beside it. Car and tree are one obstacle cluster, 2.8 m tall.
 */
const CAR: Shape = { kind: 'box', x: 30, y: -4, l: 4.3, w: 1.8, h: 1.5 };
const CAR_TREE = tree(30, -6.3);
/** A planter of shrubs around another tree's trunk, car-sized in the top view. */
const PLANTER: Shape = { kind: 'box', x: 30, y: 8, l: 2.6, w: 1.4, h: 1.1 };
const PLANTER_TREE = tree(30, 8);

describe('unlabelledCluster on a car under a street tree', () => {
  let results: CheckResult[];
  beforeAll(() => {
    const positions = scan([...SURROUNDINGS, CAR, ...CAR_TREE, PLANTER, ...PLANTER_TREE]);
    results = unlabelledCluster(createCheckContext({ frameId: 'tree', positions, cuboids: [], analysis: analyzeFrame(positions) }));
  }, 30_000);
  const near = (x: number, y: number) => results.filter((r) => r.location !== null && Math.hypot(r.location[0] - x, r.location[1] - y) < 2);

  it("finds the car in the tree's cluster and reports it as a missed Car", () => {
    const found = near(28, -4);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].suggestedLabel).toBe('Car');
    expect(found[0].confidence).toBeGreaterThanOrEqual(WARN_CONF);
    expect(found[0].severity).not.toBe('info');
  });

  it('does not take the planter around a trunk for a vehicle', () => {
    expect(near(30, 8).filter((r) => r.severity !== 'info')).toEqual([]);
  });
});

/** A flat ground model at z = 0 over ±50 m. */
const FLAT: GroundModel = { originX: 0, originY: 0, cellSize: 100, nx: 1, ny: 1, heights: new Float32Array(1), measured: Uint8Array.of(1), defaultZ: 0 };

/** Points on a vertical face along x from x0 to x1 at y, in rows at the given heights, 0.1 m apart along it. */
function rows(x0: number, x1: number, y: number, heights: number[]): number[] {
  const out: number[] = [];
  for (const z of heights) for (let x = x0; x <= x1 + 1e-9; x += 0.1) out.push(x, y, z);
  return out;
}

/** The same across: a face along y from y0 to y1 at x. */
function across(x: number, y0: number, y1: number, heights: number[]): number[] {
  const out: number[] = [];
  for (const z of heights) for (let y = y0; y <= y1 + 1e-9; y += 0.1) out.push(x, y, z);
  return out;
}

describe('vehiclesInCluster (vehicle bodies carved out of a cluster that is scenery as a whole)', () => {
  it('carves a car body from under a crown that hangs over a gap', () => {
    // A side and a rear: an L, 4.4 × 1.8 m.
    const body = [...rows(10, 14.4, 5, [0.3, 0.6, 0.9, 1.2, 1.45]), ...across(10, 5.1, 6.8, [0.3, 0.6, 0.9, 1.2, 1.45])];
    const crown = rows(9, 15, 5, [3.0, 3.4, 3.8]);
    const trunk = rows(15.5, 15.7, 5, [0.3, 0.5, 0.7, 0.9, 1.1, 1.3, 1.5, 1.7, 1.9, 2.1, 2.3, 2.5, 2.7]);
    const parts = vehiclesInCluster(Float32Array.from([...body, ...crown, ...trunk]), FLAT, 10, 0.2);
    expect(parts).toHaveLength(1);
    expect(parts[0].length).toBeGreaterThan(4.2);
    expect(parts[0].top).toBeCloseTo(1.45, 2);
    expect(parts[0].points).toBe(body.length / 3);
  });

  it('finds no body in a facade scanned in sparse rows, nor in a planter a trunk stands in, nor in one long face', () => {
    // Rows 0.7 m apart (a 32-beam scan at 30 m) up a building's corner: the gaps between them are no overhang.
    const heights = [0.3, 1.0, 1.7, 2.4, 3.1, 3.8];
    const facade = [...rows(10, 16, 5, heights), ...across(10, 5.1, 7, heights)];
    expect(vehiclesInCluster(Float32Array.from(facade), FLAT, 10, 0.7)).toEqual([]);
    // The same rows with a dense scanner's row gap read as a body under an overhang.
    expect(vehiclesInCluster(Float32Array.from(facade), FLAT, 10, 0.1)).toHaveLength(1);
    // A planter around a trunk that rises into the crown.
    const planter = [...rows(10, 12.6, 5, [0.3, 0.7, 1.0]), ...rows(10, 12.6, 6.2, [0.3, 0.7, 1.0])];
    for (const x of [10, 12.6]) for (let y = 5.1; y < 6.2; y += 0.1) for (const z of [0.3, 0.7, 1.0]) planter.push(x, y, z);
    const trunk = rows(11.2, 11.4, 5.6, [0.3, 0.5, 0.7, 0.9, 1.1, 1.3, 1.5, 1.7, 1.9, 2.1, 2.3, 2.5, 2.7]);
    expect(vehiclesInCluster(Float32Array.from([...planter, ...trunk]), FLAT, 10, 0.2)).toEqual([]);
    // A hedge or a fence under a crown: one face 4 m long, no depth.
    const hedge = [...rows(10, 14, 5, [0.3, 0.6, 0.9, 1.2, 1.45]), ...rows(9, 15, 5, [3.0, 3.4, 3.8])];
    expect(vehiclesInCluster(Float32Array.from(hedge), FLAT, 10, 0.2)).toEqual([]);
  });
});
