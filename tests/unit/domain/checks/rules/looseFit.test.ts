import { describe, expect, it } from 'vitest';
import { looseFit } from '../../../../../src/domain/checks/rules/looseFit.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { box, cloud, contextFor, groundPoints, objectPoints } from '../sceneFixtures.ts';

/** Points on every face and the top of an object shaped like \`b\` (the far faces do no harm). */
const visibleFaces = (b: Cuboid): number[] => objectPoints(b, 0.1);

const car = box('car', 'Car', 15, 2, [4.2, 1.8, 1.5]);
const ground = groundPoints(-5, 35, -20, 20, 0.5);

describe('looseFit', () => {
  it('passes a box whose faces touch its object', () => {
    expect(looseFit(contextFor(cloud(ground, visibleFaces(car)), [car]))).toEqual([]);
  });

  it('errors on a box grown around its object: the face towards the sensor stands off the points', () => {
    const grown: Cuboid = { ...car, size: [8.4, 3.6, 3] };
    const r = looseFit(contextFor(cloud(ground, visibleFaces(car)), [grown]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ruleId: 'looseFit', severity: 'error', cuboidId: 'car', dictionaryEntry: 'box-fits-object' });
    expect(r[0].message).toMatch(/^Car box's rear, which faces the sensor, is 2\.\d\d m from the object's nearest points: the box is too big or misplaced$/);
  });

  it('warns on a smaller gap and respects the class slack', () => {
    const shifted: Cuboid = { ...car, center: [car.center[0] - 0.3, car.center[1], car.center[2]], size: [4.8, 1.8, 1.5] };
    expect(looseFit(contextFor(cloud(ground, visibleFaces(car)), [shifted])).map((r) => r.severity)).toEqual(['warning']);
    // A cyclist may stand 0.6 m off (thin wheels at its ends).
    const rider = box('c', 'Cyclist', 12, -3, [1.8, 0.6, 1.7]);
    const body = box('x', 'Cyclist', 12, -3, [0.7, 0.6, 1.7]);
    expect(looseFit(contextFor(cloud(ground, objectPoints(body)), [rider]))).toEqual([]);
  });

  it('does not judge faces turned away from the sensor or hidden behind something closer', () => {
    const behind: Cuboid = { ...car, center: [car.center[0] + 1.5, car.center[1], car.center[2]], size: [7.2, 1.8, 1.5] };
    // The far end (front) is 3 m off the points, but the sensor cannot see it: only the rear counts.
    expect(looseFit(contextFor(cloud(ground, visibleFaces(car)), [behind]))).toEqual([]);
    // A wall between the sensor and the car hides its rear face.
    const wall = objectPoints(box('w', 'Misc', 9, 2, [0.2, 6, 3]), 0.05);
    const grown: Cuboid = { ...car, size: [8.4, 1.8, 1.5] };
    expect(looseFit(contextFor(cloud(ground, wall, visibleFaces(car)), [grown]))).toEqual([]);
  });

  it('skips boxes with fewer than 10 object points', () => {
    expect(looseFit(contextFor(cloud(ground), [{ ...car, size: [9, 4, 2] }]))).toEqual([]);
  });
});

describe('looseFit at the top: beams seen passing over the object', () => {
  it('flags a box lifted or made taller than its object where beams crossed its upper part unblocked, and passes the right box', async () => {
    const { scan, SCAN_HEIGHT } = await import('../scanFixture.ts');
    const { analyzeFrame } = await import('../../../../../src/domain/checks/frame/analyzeFrame.ts');
    const { createCheckContext } = await import('../../../../../src/domain/checks/createCheckContext.ts');
    // A car, and a row of buildings behind it (the beams above the horizon hit them, so the scan shows those beams).
    const positions = scan([
      { kind: 'box', x: 18, y: 3, l: 4.4, w: 1.8, h: 1.5, yaw: 0.3 },
      { kind: 'box', x: 45, y: 0, l: 2, w: 80, h: 15 },
      { kind: 'box', x: -45, y: 0, l: 2, w: 80, h: 15 },
    ]);
    const analysis = analyzeFrame(positions);
    const right: Cuboid = { ...box('car', 'Car', 18, 3, [4.4, 1.8, 1.5]), yaw: 0.3, center: [18, 3, -SCAN_HEIGHT + 0.75] };
    const run = (b: Cuboid) => looseFit(createCheckContext({ frameId: 's', positions, cuboids: [b], analysis }));
    expect(run(right)).toEqual([]);
    const lifted = run({ ...right, center: [18, 3, right.center[2] + 1] });
    expect(lifted.map((r) => r.severity)).toEqual(['error']);
    expect(lifted[0].message).toMatch(
      /^Car box's top is \d\.\d\d m above where the sensor's beams passed over its object unblocked: the box is too tall or floats$/,
    );
    const taller = run({ ...right, size: [4.4, 1.8, 2.1], center: [18, 3, right.center[2] + 0.3] });
    expect(taller).toHaveLength(1);
    expect(taller[0].message).toMatch(/top is/);
  });
});
