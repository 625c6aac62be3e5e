import { describe, expect, it } from 'vitest';
import { tooFewPoints } from '../../../../../src/domain/checks/rules/tooFewPoints.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { box, cloud, objectPoints } from '../sceneFixtures.ts';

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
