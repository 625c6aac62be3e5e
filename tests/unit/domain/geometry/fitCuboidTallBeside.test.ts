import { describe, expect, it } from 'vitest';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { flatGround } from '../../../helpers/flatGround.ts';
import type { ScanSensor } from '../../../../src/domain/sensor/ScanSensor.ts';

/** Flat road at z = −2 (the sensor 2 m above it, at the origin), 2 m cells over x 0–60 m, y −20–20 m. */
const ROAD = flatGround(-2, { originX: 1, originY: -19, cellSize: 2, nx: 30, ny: 20 });

/** A 16-beam scanner 2 m above the road: beams 2° apart from −15° to +15°. */
const VLP16: ScanSensor = {
  origin: [0, 0, 0],
  originSource: 'given',
  beams: 16,
  elevations: Float64Array.from({ length: 16 }, (_, k) => ((-15 + 2 * k) * Math.PI) / 180),
  elevationSource: 'ring',
  azimuthStep: (0.2 * Math.PI) / 180,
  heightAboveGround: 2,
  maxRange: 100,
  returnRate: 1,
};

/** Rows of returns along y = `y` from x0 to x1 (0.15 m apart) at the given heights above the road. */
function rows(x0: number, x1: number, y: number, heights: number[]): number[] {
  const pts: number[] = [];
  for (const h of heights) for (let x = x0; x <= x1 + 1e-9; x += 0.15) pts.push(x, y, h - 2);
  return pts;
}

describe('fitCuboid on a sparse truck side beside something taller than a truck', () => {
  // A 16-beam scanner 35 m away: the truck's side is two rows (0.9 and 2.0 m up); a wall beside
  // its end returns rows 1.2 m apart up to 5.6 m, past any truck's height. Cut at the
  // class's height cap (4.9 m) the wall fits the truck's footprint, joined it, and the box was
  // stretched over the wall.
  const truck = rows(30, 36, 5, [0.9, 2.0]);
  const wall = rows(36.5, 40.5, 6.0, [0.9, 2.0, 3.2, 4.4, 5.6]);

  it('boxes the truck, not the wall', () => {
    const positions = Float32Array.from([...truck, ...wall]);
    const fit = fitCuboid(positions, { x: 33, y: 6 }, { label: 'Truck', ground: ROAD, grid: buildPointGrid(positions), sensor: VLP16 });
    expect(fit).not.toBeNull();
    expect(fit!.indices.length).toBe(truck.length / 3);
    expect(fit!.center[0] - (Math.abs(Math.cos(fit!.yaw)) * fit!.size[0]) / 2).toBeGreaterThan(29.5);
    expect(fit!.size[2]).toBeLessThan(4);
  });

  it('still joins a structure that stays below the class height (the wall 4.4 m high)', () => {
    const low = rows(36.5, 40.5, 6.0, [0.9, 2.0, 3.2, 4.4]);
    const positions = Float32Array.from([...truck, ...low]);
    const fit = fitCuboid(positions, { x: 33, y: 6 }, { label: 'Truck', ground: ROAD, grid: buildPointGrid(positions), sensor: VLP16 });
    expect(fit!.indices.length).toBe((truck.length + low.length) / 3);
  });
});
