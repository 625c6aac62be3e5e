import { describe, expect, it } from 'vitest';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { iouBev } from '../../../../src/domain/geometry/iou.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import { flatGround } from '../../../helpers/flatGround.ts';

/** Flat road at z = −1.73 (the sensor at the origin), 2 m cells over x 0–40 m, y −20–20 m. */
const ROAD = flatGround(-1.73, { originX: 1, originY: -19, cellSize: 2, nx: 20, ny: 20 });

/** The near side (y = `y`) and rear (x = `x0`) of a car from x0 to x1, returns every 0.1 m, rows 0.4–1.4 m up. */
function car(x0: number, x1: number, y: number, width: number): number[] {
  const pts: number[] = [];
  for (let h = 0.4; h <= 1.4 + 1e-9; h += 0.2) {
    for (let x = x0; x <= x1 + 1e-9; x += 0.1) pts.push(x, y, h - 1.73);
    for (let v = y; v <= y + width + 1e-9; v += 0.1) pts.push(x0, v, h - 1.73);
  }
  return pts;
}

/** A person's column at (x, y): returns on a 0.4 m square every 0.1 m, rows 0.2–1.7 m up. */
function person(x: number, y: number): number[] {
  const pts: number[] = [];
  for (let h = 0.2; h <= 1.7 + 1e-9; h += 0.15) for (let u = -0.2; u <= 0.2 + 1e-9; u += 0.1) pts.push(x + u, y, h - 1.73, x, y + u, h - 1.73);
  return pts;
}

describe('fitCuboid with the boxes already drawn left out (exclude)', () => {
  // A pedestrian, already boxed, stands against the near side of a parked car: their returns
  // link, and the car's box took the person in (wider, into the person's box).
  const positions = Float32Array.from([...car(10, 14.4, 5, 1.8), ...person(12.5, 4.65)]);
  const ped: CuboidShape = { center: [12.5, 4.65, -0.9], size: [0.5, 0.5, 1.7], yaw: 0 };
  const opts = { label: 'Car', ground: ROAD, grid: buildPointGrid(positions) };

  it('boxes the car alone beside the boxed person, never overlapping that box', () => {
    const fit = fitCuboid(positions, { x: 12, y: 5.5 }, { ...opts, exclude: [ped] });
    expect(fit).not.toBeNull();
    expect(iouBev(fit!, ped)).toBe(0);
    expect(fit!.size[1]).toBeLessThan(2.1);
  });

  it('a click inside a drawn box still fits what is there (that box is not left out)', () => {
    const fit = fitCuboid(positions, { x: 12.5, y: 4.65 }, { ...opts, label: 'Pedestrian', exclude: [ped] });
    expect(fit).not.toBeNull();
    expect(iouBev(fit!, ped)).toBeGreaterThan(0.3);
  });
});
