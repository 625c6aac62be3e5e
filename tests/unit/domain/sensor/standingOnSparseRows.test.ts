import { describe, expect, it } from 'vitest';
import { clusterObstacles } from '../../../../src/domain/checks/frame/clusterObstacles.ts';
import type { GroundModel } from '../../../../src/domain/geometry/estimateGround.ts';
import type { ScanSensor } from '../../../../src/domain/sensor/ScanSensor.ts';
import { standingOnSparseRows } from '../../../../src/domain/sensor/standingOnSparseRows.ts';

const DEG = Math.PI / 180;
/** A 16-beam scanner 1.73 m above flat ground, beams 2° apart (0.7 m apart at 20 m, 0.17 m at 5 m). */
const sensor: ScanSensor = {
  origin: [0, 0, 1.73],
  originSource: 'given',
  beams: 16,
  elevations: Float64Array.from({ length: 16 }, (_, k) => (-15 + 2 * k) * DEG),
  elevationSource: 'ring',
  azimuthStep: 0.2 * DEG,
  heightAboveGround: 1.73,
  maxRange: 100,
  returnRate: 1,
};
const FLAT: GroundModel = { originX: 0, originY: 0, cellSize: 200, nx: 1, ny: 1, heights: Float32Array.of(0), measured: Uint8Array.of(1), defaultZ: 0 };

/** A row of returns across the line of sight at range `x`, `h` metres up (y from -0.8 to 0.8 m). */
function row(x: number, h: number): number[] {
  const out: number[] = [];
  for (let y = -0.8; y <= 0.8 + 1e-9; y += 0.1) out.push(x, y, h);
  return out;
}

describe('standingOnSparseRows', () => {
  it('keeps the standing returns where the rows lie 0.35 m apart or more, and drops them where they are dense', () => {
    const positions = Float32Array.from([...row(30, 0.25), ...row(5, 0.25)]);
    const standing = new Uint8Array(positions.length / 3).fill(1);
    const kept = standingOnSparseRows(positions, standing, sensor);
    const n = kept.length / 2;
    expect([...kept.subarray(0, n)].every((f) => f === 1)).toBe(true);
    expect([...kept.subarray(n)].every((f) => f === 0)).toBe(true);
  });

  it('lets a far car’s lowest row, 0.25 m up and standing, join the car’s cluster: a third of what a sparse scanner gives', () => {
    // A car 30 m away: rows at 0.25 m and 0.95 m (2° apart); the low one is below the 0.3 m cut.
    const positions = Float32Array.from([...row(30, 0.25), ...row(30.3, 0.95)]);
    const standing = new Uint8Array(positions.length / 3).fill(1);
    const without = clusterObstacles(positions, FLAT, { origin: sensor.origin });
    const withLow = clusterObstacles(positions, FLAT, { origin: sensor.origin, standing: standingOnSparseRows(positions, standing, sensor) });
    expect(without.labels.filter((l) => l >= 0).length).toBe(positions.length / 6);
    expect(withLow.labels.every((l) => l >= 0)).toBe(true);
    expect(withLow.count).toBe(1);
    // Not standing (a kerb, the road): still ground.
    expect(
      clusterObstacles(positions, FLAT, { origin: sensor.origin, standing: new Uint8Array(positions.length / 3) }).labels.filter((l) => l >= 0).length,
    ).toBe(positions.length / 6);
  });
});
