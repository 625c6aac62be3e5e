import { describe, expect, it } from 'vitest';
import { tooFewPoints } from '../../../../../src/domain/checks/rules/tooFewPoints.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { box, cloud, objectPoints } from '../sceneFixtures.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';

describe('tooFewPoints', () => {
  const far = box('c1', 'Car', 42, 0, [4, 1.8, 1.5]);
  const three = cloud([42, 0, -1, 42.5, 0.2, -1, 41.5, -0.3, -1.2]);

  it('reports a box with fewer points than its class needs at its distance, in plain words', () => {
    const results = tooFewPoints(createCheckContext({ frameId: 'f', positions: three, cuboids: [far] }));
    expect(results).toEqual([
      {
        ruleId: 'tooFewPoints',
        severity: 'error',
        cuboidId: 'c1',
        location: null,
        message: 'Car box holds 3 points; at 42 m a Car needs at least 8',
        dictionaryEntry: 'classes.Car.minPoints',
      },
    ]);
  });

  it('says "no points" for an empty box and is stricter near the sensor', () => {
    const near = box('c2', 'Car', 10, 0, [4, 1.8, 1.5]);
    const ctx = createCheckContext({ frameId: 'f', positions: cloud(objectPoints(far, 0.5)), cuboids: [far, near] });
    const results = tooFewPoints(ctx);
    expect(results.map((r) => r.cuboidId)).toEqual(['c2']);
    expect(results[0].message).toBe('Car box holds no points; at 10 m a Car needs at least 40');
  });

  it('is only a warning for a box marked largely occluded or truncated', () => {
    const occluded = { ...far, attributes: { truncated: 0, occluded: 2 } };
    const truncated = { ...far, id: 'c3', attributes: { truncated: 0.7, occluded: 0 } };
    const results = tooFewPoints(createCheckContext({ frameId: 'f', positions: three, cuboids: [occluded, truncated] }));
    expect(results.map((r) => [r.cuboidId, r.severity, r.dictionaryEntry])).toEqual([
      ['c1', 'warning', 'heavily-occluded'],
      ['c3', 'warning', 'heavily-occluded'],
    ]);
    expect(results[0].message).toMatch(/marked occluded or truncated/);
  });

  it('passes boxes with enough points and ignores unknown classes', () => {
    const ok = createCheckContext({ frameId: 'f', positions: cloud(objectPoints(far, 0.2)), cuboids: [far, { ...far, id: 'u', label: 'Bus' }] });
    expect(tooFewPoints(ok)).toEqual([]);
  });
});

describe('tooFewPoints on real scans: thresholds from the sensor model', () => {
  it('passes the clean labels of a 32-beam and a 40-beam scan, and flags a box moved off its object', async () => {
    const { loadMultisensorFrame } = await import('../../sensor/multisensorFrames.ts');
    const { analyzeFrame } = await import('../../../../../src/domain/checks/frame/analyzeFrame.ts');
    for (const name of ['av2', 'sustech40'] as const) {
      const f = loadMultisensorFrame(name);
      const cuboids = f.boxes
        .filter((b) => !['BOLLARD', 'SIGN'].includes(b.label))
        .map((b, i) => ({
          ...box(
            `b${i}`,
            /PEDESTRIAN|Pedestrian/.test(b.label)
              ? 'Pedestrian'
              : /Rider|Motor/.test(b.label)
                ? 'Cyclist'
                : /BUS|Bus|TRUCK|Truck|LARGE/.test(b.label)
                  ? 'Truck'
                  : 'Car',
            0,
            0,
            [1, 1, 1],
          ),
          center: b.center,
          size: b.size,
          yaw: b.yaw,
        }));
      const analysis = analyzeFrame(f.positions, { ring: f.ring });
      const ctx = createCheckContext({ frameId: name, positions: f.positions, cuboids, analysis });
      const errors = tooFewPoints(ctx).filter((r) => r.severity === 'error');
      expect(errors.length / cuboids.length).toBeLessThanOrEqual(0.05);
      // The nearest car with points, moved 6 m sideways onto empty ground.
      const car = cuboids
        .filter((c, i) => c.label === 'Car' && ctx.pointCounts[i] >= 20)
        .sort((a, b) => Math.hypot(a.center[0], a.center[1]) - Math.hypot(b.center[0], b.center[1]))[0];
      const moved = { ...car, id: 'moved', center: [car.center[0] - 6 * Math.sin(car.yaw), car.center[1] + 6 * Math.cos(car.yaw), car.center[2]] as const };
      const r = tooFewPoints(createCheckContext({ frameId: name, positions: f.positions, cuboids: [moved], analysis }));
      expect(r.map((x) => x.severity)).toEqual(['error']);
      expect(r[0].message).toMatch(/the sensor would give about \d+ returns on it/);
    }
  });
});

describe('tooFewPoints where the sensor could not see', () => {
  it('says so instead of asking for a share of nothing', async () => {
    const { analyzeFrame } = await import('../../../../../src/domain/checks/frame/analyzeFrame.ts');
    const { loadKittiFrame } = await import('../kittiFrames.ts');
    const f = loadKittiFrame('000001');
    const analysis = analyzeFrame(f.positions);
    // 12 m up, 20 m ahead: far above the HDL-64's top beam (+2°).
    const high = { ...box('high', 'Car', 20, 0, [4, 1.8, 1.5]), center: [20, 0, 12] as const };
    const r = tooFewPoints(createCheckContext({ frameId: 'k', positions: f.positions, cuboids: [high], analysis }));
    expect(r.map((x) => x.severity)).toEqual(['warning']);
    expect(r[0].message).toBe(
      'Car box holds no points; at 20 m the sensor could not see it (no beam crosses it): check it in the camera image or the neighbouring frames',
    );
  });
});

describe('tooFewPoints on a box that slipped off its object', () => {
  it('is an error when an unboxed car stands right beside or in front of an empty box, and quiet for a box beside a hedge', async () => {
    const { scan } = await import('../scanFixture.ts');
    const { analyzeFrame } = await import('../../../../../src/domain/checks/frame/analyzeFrame.ts');
    const { SCAN_HEIGHT } = await import('../scanFixture.ts');
    // A car 25 m ahead, seen from behind, and a 20 m hedge along the road 10 m to the left.
    const positions = scan([
      { kind: 'box', x: 25, y: 0, l: 4.4, w: 1.8, h: 1.5, yaw: 0 },
      { kind: 'box', x: 20, y: 10, l: 20, w: 1, h: 1.6, yaw: 0 },
    ]);
    const analysis = analyzeFrame(positions);
    const bottom = -SCAN_HEIGHT + 0.75;
    const car: Cuboid = { ...box('car', 'Car', 25, 0, [4.4, 1.8, 1.5]), center: [25, 0, bottom] };
    const check = (b: Cuboid) => tooFewPoints(createCheckContext({ frameId: 's', positions, cuboids: [b], analysis }));
    // Right: no finding. Turned 90° (it hides in its own object's shadow) or moved 2 m sideways: an error.
    expect(check(car)).toEqual([]);
    const turned = check({ ...car, yaw: Math.PI / 2 });
    expect(turned.map((x) => x.severity)).toEqual(['error']);
    expect(turned[0].message).toMatch(/^Car box holds no points, but \d+ points that no box holds lie within .* the box has slipped off its object/);
    expect(check({ ...car, center: [25, 2.2, bottom] }).map((x) => x.severity)).toEqual(['error']);
    // Pushed 2.6 m back, behind its object: an error too.
    const back = check({ ...car, center: [27.6, 0, bottom] });
    expect(back.map((x) => x.severity)).toEqual(['error']);
    expect(back[0].message).toMatch(/slipped off its object/);
    // A car box on the far side of the hedge, marked occluded: the hedge goes on past the reach, so it is not the box's object.
    const behindHedge: Cuboid = { ...box('h', 'Car', 20, 12, [4.4, 1.8, 1.5]), center: [20, 12, bottom], attributes: { truncated: 0, occluded: 2 } };
    const hedge = check(behindHedge);
    expect(hedge.every((x) => !/slipped off/.test(x.message))).toBe(true);
  });
});

describe('tooFewPoints on a box turned behind its own object (simulated 64-beam frame)', () => {
  it('is an error although the object in front hides most of the box', async () => {
    const { simFrames } = await import('../../../../bench/quality/simFrames.ts');
    const { analyzeFrame } = await import('../../../../../src/domain/checks/frame/analyzeFrame.ts');
    const { pointsNeeded } = await import('../../../../../src/domain/checks/pointsNeeded.ts');
    const { defaultDictionary } = await import('../../../../../src/domain/checks/dictionary/defaultDictionary.ts');
    const [frame] = [...simFrames({ profile: 'hdl64', height: 1.73, vehicleFrame: false }, 1)];
    const analysis = analyzeFrame(frame.positions, { ring: frame.ring });
    // The van 32 m ahead, seen from behind: turned 90°, its box lies behind its own rear face.
    const i = frame.boxes.findIndex((b) => b.label === 'Van' && Math.hypot(b.center[0] - 32.2, b.center[1] + 3.3) < 1);
    expect(i).toBeGreaterThanOrEqual(0);
    const turned: Cuboid = { ...frame.boxes[i], yaw: frame.boxes[i].yaw + Math.PI / 2 };
    const boxes = frame.boxes.map((b, k) => (k === i ? turned : b));
    const needed = pointsNeeded(defaultDictionary.classes.Van, turned, analysis);
    // Enough points for what stays in view: the old rule let it pass.
    expect(needed.occludedFraction).toBeGreaterThan(0.5);
    const found = tooFewPoints(createCheckContext({ frameId: frame.id, positions: frame.positions, cuboids: boxes, analysis })).filter(
      (r) => r.cuboidId === turned.id,
    );
    expect(found.map((r) => r.severity)).toEqual(['error']);
    expect(found[0].message).toMatch(/slipped off its object/);
  }, 30_000);
});
