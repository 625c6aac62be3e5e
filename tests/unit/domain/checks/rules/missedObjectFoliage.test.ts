import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../../src/domain/checks/CheckResult.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { analyzeFrame } from '../../../../../src/domain/checks/frame/analyzeFrame.ts';
import { isFoliageRough, surfaceRoughness } from '../../../../../src/domain/checks/rules/surfaceRoughness.ts';
import { INFO_CONF, unlabelledCluster, WARN_CONF } from '../../../../../src/domain/checks/rules/unlabelledCluster.ts';
import type { ScanSensor } from '../../../../../src/domain/sensor/ScanSensor.ts';
import { scan, SURROUNDINGS } from '../scanFixture.ts';
import type { Shape } from '../scanFixture.ts';

const STEP = (0.2 * Math.PI) / 180;
const sensor: ScanSensor = {
  origin: [0, 0, 0],
  originSource: 'given',
  beams: 3,
  elevations: Float64Array.from([-0.06, -0.03, 0]),
  elevationSource: 'ring',
  azimuthStep: STEP,
  heightAboveGround: 1.73,
  maxRange: 100,
  returnRate: 1,
};

/** Returns of the three beams on a face 20 m ahead (x = 20 + depth(k), along y), one per firing. */
function face(firings: number, depth: (k: number) => number): Float32Array {
  const out: number[] = [];
  for (const e of sensor.elevations) {
    for (let k = 0; k < firings; k++) {
      const az = (k - firings / 2) * STEP;
      const r = (20 + depth(k)) / Math.cos(az);
      out.push(r * Math.cos(az) * Math.cos(e), r * Math.sin(az) * Math.cos(e), r * Math.sin(e));
    }
  }
  return Float32Array.from(out);
}

describe('surfaceRoughness (how a surface scatters returns along the scan lines)', () => {
  it('finds a flat face smooth and a face scattered through 0.6 m of depth rough', () => {
    const flat = surfaceRoughness(
      face(30, () => 0),
      sensor,
    )!;
    expect(flat.triples).toBe(3 * 28);
    expect(flat.median).toBeLessThan(0.01);
    expect(isFoliageRough(flat, 20)).toBe(false);
    // A hedge: each firing returns from somewhere in its depth.
    const hedge = surfaceRoughness(
      face(30, (k) => ((Math.sin(k * 12.9898) * 43758.5453) % 1) * 0.3),
      sensor,
    )!;
    expect(hedge.median).toBeGreaterThan(0.15);
    expect(isFoliageRough(hedge, 20)).toBe(true);
    // The same scatter far away is within what beam width and range noise give there.
    expect(isFoliageRough({ ...hedge, median: 0.2 }, 60)).toBe(false);
  });

  it('gives no verdict on fewer than 15 triples, on firings far apart, or without beams', () => {
    expect(
      surfaceRoughness(
        face(6, () => 0),
        sensor,
      ),
    ).toBeNull();
    const sparse = face(30, () => 0).filter((_, i) => Math.floor(i / 3) % 3 === 0);
    expect(surfaceRoughness(Float32Array.from(sparse), sensor)).toBeNull();
    expect(
      surfaceRoughness(
        face(30, () => 0),
        { ...sensor, beams: 0, elevations: new Float64Array(0) },
      ),
    ).toBeNull();
    expect(isFoliageRough(null, 20)).toBe(false);
  });
});

/**
 * A car-sized bush left of the sensor (six porous vertical layers through its 1.8 m depth, so the
 * beams return from anywhere inside it) and a solid car-sized box ahead.
 */
const BUSH: Shape[] = [0, 1, 2, 3, 4, 5].map((i) => ({ kind: 'box', x: 0, y: 11.1 + 0.36 * i, l: 4.3, w: 0.06, h: 1.5, porosity: 0.55 }));
const CAR: Shape = { kind: 'box', x: 12, y: -4, l: 4.3, w: 1.8, h: 1.5, yaw: 0.1 };

describe('unlabelledCluster on a car-sized bush', () => {
  let results: CheckResult[];
  beforeAll(() => {
    const positions = scan([...SURROUNDINGS, ...BUSH, CAR]);
    results = unlabelledCluster(createCheckContext({ frameId: 'bush', positions, cuboids: [], analysis: analyzeFrame(positions) }));
  }, 30_000);
  const near = (x: number, y: number) => results.filter((r) => r.location !== null && Math.hypot(r.location[0] - x, r.location[1] - y) < 2.5);

  it('reports the bush at most as an info, saying its surface scatters as foliage does', () => {
    const found = near(0, 12);
    expect(found).toHaveLength(1);
    const [r] = found;
    expect(r).toMatchObject({ severity: 'info', suggestedLabel: 'Car' });
    expect(r.confidence).toBeGreaterThanOrEqual(INFO_CONF);
    expect(r.confidence).toBeLessThan(WARN_CONF);
    expect(r.message).toMatch(/Confidence 0\.\d+: its surface scatters the returns as foliage does \(a hedge, a bush\), not as a vehicle body\.$/);
  });

  it('still reports the smooth car-sized box beside it as a missed Car', () => {
    const [r] = near(12, -4);
    expect(r).toMatchObject({ severity: 'error', suggestedLabel: 'Car' });
    expect(r.message).not.toMatch(/foliage/);
  });
});
