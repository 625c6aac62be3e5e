import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../src/domain/checks/FrameChecker.ts';
import type { GroundModel } from '../../../../src/domain/geometry/estimateGround.ts';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { groundUnderReturns } from '../../../../src/domain/geometry/groundUnderReturns.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { iou3d } from '../../../../src/domain/geometry/iou.ts';
import { simFrames } from '../../../bench/quality/simFrames.ts';

/**
 * A ground model along +x (2 m cells, y from −10 to 10): the road at z = −2 measured out to 40 m,
 * then cells at `far` (measured) from 50 m on, as a model lifted by the returns there is.
 */
function liftedGround(far: number): GroundModel {
  const nx = 40;
  const ny = 11;
  const heights = new Float32Array(nx * ny);
  const measured = new Uint8Array(nx * ny);
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const x = 2 * ix;
      heights[iy * nx + ix] = x <= 40 ? -2 : x >= 50 ? far : -2 + ((far + 2) * (x - 40)) / 10;
      measured[iy * nx + ix] = x <= 40 || x >= 50 ? 1 : 0;
    }
  }
  return { originX: 0, originY: -10, cellSize: 2, nx, ny, heights, measured, defaultZ: -2 };
}

/** The back and a strip of side of a truck 55 m ahead, 2.5 m wide, hit by two beams (z −1.0 and 0.0). */
function farTruckRows(): Float32Array {
  const pts: number[] = [];
  for (const z of [-1.0, 0.0]) {
    for (let y = -1.2; y <= 1.2; y += 0.2) pts.push(55, y, z);
    for (let x = 55.2; x <= 57; x += 0.3) pts.push(x, 1.25, z);
  }
  return Float32Array.from(pts);
}

describe('groundUnderReturns', () => {
  it('replaces a ground lying above the returns by the ground measured nearer the sensor', () => {
    const positions = farTruckRows();
    const g = groundUnderReturns(positions, buildPointGrid(positions), liftedGround(0), 56, 0, 8, [0, 0, 0]);
    expect(g.heights[0]).toBeCloseTo(-2, 5);
  });

  it('keeps the model when returns below it stand over no lower ground nearer the sensor (echoes under the road)', () => {
    const positions = Float32Array.from([20, 0, -2.8, 20.1, 0.1, -2.9, 20.2, 0, -2.7]);
    const model = liftedGround(0);
    expect(groundUnderReturns(positions, buildPointGrid(positions), model, 20, 0, 4, [0, 0, 0])).toBe(model);
  });

  it('keeps the model when nothing lies below it', () => {
    const positions = farTruckRows();
    const model = liftedGround(-2);
    expect(groundUnderReturns(positions, buildPointGrid(positions), model, 56, 0, 8, [0, 0, 0])).toBe(model);
  });
});

describe('fitCuboid on a far truck near the horizon of a sparse scanner', () => {
  it('boxes the truck on the road, not on a ground lifted to its upper beam', () => {
    const positions = farTruckRows();
    const fit = fitCuboid(positions, { x: 56, y: 0 }, { label: 'Truck', ground: liftedGround(0), grid: buildPointGrid(positions) });
    expect(fit).not.toBeNull();
    expect(fit!.center[2] - fit!.size[2] / 2).toBeCloseTo(-2, 1);
    expect(fit!.indices.length).toBe(positions.length / 3);
  });

  // 55 m from a simulated 16-beam scanner 2.00 m up, a parked truck is hit by the beams at −1°
  // and +1°; no beam reaches the road between 38 m and 115 m, and the cells there hold returns of
  // the +1° beam. The model put the road 3 m up, at the truck's upper row: the click boxed the
  // crowns and walls around it (3D IoU 0).
  it('simulated VLP-16 at 2.00 m, frame 5, truck 10', () => {
    const [f] = [...simFrames({ profile: 'vlp16', height: 2, vehicleFrame: false }, 1, 5)];
    const { grid, ground, sensor } = new FrameChecker(f.id, f.positions, { ring: f.ring }).analysis;
    const box = f.boxes[10];
    expect(box.label).toBe('Truck');
    expect(Math.hypot(box.center[0], box.center[1])).toBeGreaterThan(50);
    const fit = fitCuboid(f.positions, { x: box.center[0], y: box.center[1], z: box.center[2] }, { label: 'Truck', grid, ground, sensor });
    expect(fit).not.toBeNull();
    expect(Math.abs(fit!.center[2] - fit!.size[2] / 2 - (box.center[2] - box.size[2] / 2))).toBeLessThan(0.2);
    expect(iou3d(fit!, box)).toBeGreaterThan(0.5);
  }, 30_000);
});
