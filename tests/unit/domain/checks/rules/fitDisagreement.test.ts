import { describe, expect, it } from 'vitest';
import { decide, fitDisagreement } from '../../../../../src/domain/checks/rules/fitDisagreement.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import type { FitJudgement } from '../../../../../src/domain/checks/rules/judgeFit.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { box, cloud, contextFor, groundPoints, objectPoints } from '../sceneFixtures.ts';

const ground = groundPoints(-5, 35, -20, 20, 0.5);
const car = box('car', 'Car', 15, -4, [4.2, 1.8, 1.5], 0.3);
const ped = box('ped', 'Pedestrian', 10, 6, [0.7, 0.6, 1.75]);
/** What a LiDAR at the origin sees of a person: the near half of the body, no top surface. */
function nearSide(b: Cuboid): number[] {
  const all = objectPoints(b, 0.05);
  const out: number[] = [];
  for (let k = 0; k < all.length; k += 3) {
    if (all[k] < b.center[0] - 0.05 && all[k + 2] < b.center[2] + b.size[2] / 2 - 0.021) out.push(all[k], all[k + 1], all[k + 2]);
  }
  return out;
}
const pts = cloud(ground, objectPoints(car), nearSide(ped));

const run = (positions: Float32Array, boxes: Cuboid[]) => fitDisagreement(contextFor(positions, boxes));

describe('fitDisagreement', () => {
  it('passes clean car and pedestrian boxes', () => {
    expect(run(pts, [car, ped])).toEqual([]);
  });

  it('flags a car box turned 30° as an error, with the angle and the number of returns', () => {
    const r = run(pts, [{ ...car, yaw: car.yaw + Math.PI / 6 }, ped]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ruleId: 'fitDisagreement', severity: 'error', cuboidId: 'car', dictionaryEntry: 'box-follows-points' });
    expect(r[0].message).toMatch(/^Car box is turned (29|30|31)° from its points' axis \(refit from \d+ returns\)$/);
  });

  it('flags a car box turned 90° as running across its object', () => {
    const r = run(pts, [{ ...car, yaw: car.yaw + Math.PI / 2 }, ped]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ severity: 'error', cuboidId: 'car' });
    expect(r[0].message).toMatch(/^Car box is turned (89|90)° from its points' axis: it runs across its object/);
  });

  it('flags a pedestrian box shrunk to 70 %: the head reaches above its top', () => {
    const shrunk: Cuboid = { ...ped, size: [0.49, 0.42, 1.225] };
    const r = run(pts, [car, shrunk]);
    expect(r).toHaveLength(1);
    expect(r[0].cuboidId).toBe('ped');
    expect(['error', 'warning']).toContain(r[0].severity);
    expect(r[0].message).toMatch(/^Pedestrian box cuts its object: \d+ points of its object reach 0\.\d\d m beyond its top \(refit from \d+ returns\)$/);
  });

  it('does not judge a sparse far object (5 returns)', () => {
    const far = box('far', 'Car', 32, 10, [4.2, 1.8, 1.5], 0.2);
    // Five returns on the car's near side.
    const few = [0, 1, 2, 3, 4].map((k) => [far.center[0] - 0.9 + 0.1 * k, far.center[1] - 0.85, far.center[2]]).flat();
    const positions = cloud(ground, few);
    expect(run(positions, [{ ...far, yaw: far.yaw + Math.PI / 6 }])).toEqual([]);
    expect(run(positions, [{ ...far, size: [2.8, 1.2, 1.0] }])).toEqual([]);
  });

  it('does not flag a car because of a wall next to it', () => {
    const parked = box('parked', 'Car', 15, -6, [4.2, 1.8, 1.5], 0);
    for (const gap of [0.2, 0.6]) {
      // A 20 m long, 2.5 m high wall along the car's right side, `gap` metres from it.
      const wall = box('wall', 'Wall', 15, -6 - 0.9 - gap - 0.05, [20, 0.1, 2.5], 0);
      const positions = cloud(ground, objectPoints(parked), objectPoints(wall, 0.15));
      expect(run(positions, [parked])).toEqual([]);
      // The wall does not hide a turned box either when it stands clear of the car.
      if (gap > 0.5) expect(run(positions, [{ ...parked, yaw: Math.PI / 6 }])).toHaveLength(1);
    }
  });

  it('reports only on the boxes of an incremental run', () => {
    const turned = { ...car, yaw: car.yaw + Math.PI / 6 };
    expect(fitDisagreement(contextFor(pts, [turned, ped], { only: ['ped'] }))).toEqual([]);
  });
});

describe('fitDisagreement covers the retired crossedHeading rule', () => {
  it('flags a car box turned 90° across its car, and leaves boxes along their object alone', async () => {
    const { box: mk, cloud: pc, contextFor: ctxFor, groundPoints: gp, objectPoints: op } = await import('../sceneFixtures.ts');
    const car = mk('car', 'Car', 15, -4, [4.2, 1.8, 1.5], 0.3);
    const ped = mk('ped', 'Pedestrian', 10, 6, [0.8, 0.6, 1.75]);
    const pts = pc(gp(-5, 35, -20, 20, 0.5), op(car), op(ped));
    const turned = fitDisagreement(ctxFor(pts, [{ ...car, yaw: car.yaw + Math.PI / 2 }, ped]));
    expect(turned.map((r) => [r.cuboidId, r.severity])).toEqual([['car', 'error']]);
    expect(fitDisagreement(ctxFor(pts, [car, ped]))).toEqual([]);
  });
});

describe('fitDisagreement: both ends seen empty', () => {
  // A car seen end-on, 13 m behind, its box turned 90°: the refit cannot tell the heading, but
  // the sensor saw the object's sides stop 1.2 m inside both of the box's ends.
  const judgement: FitJudgement = {
    n: 178,
    core: { n: 150, count: 0, beyond: -0.1, spread: 0 },
    range: 13.4,
    turn: 40,
    sigma: 47,
    hugGain: 0,
    longAxisKnown: false,
    beyond: [-1.25, -1.26, -1.15, 0.16, -0.05],
    countBeyond: [0, 0, 0, 0, 0],
    tolerance: [0.2, 0.2, 0.25, 0.25, 0.11],
    atReach: [false, false, false, false, false],
    gap: [1.19, 1.16, 1.15, -0.16],
    slack: [1.16, 1.15],
    endsSeen: [true, false],
    outsideShare: 0.06,
    outside: 11,
  };
  const car: Cuboid = box('car', 'Car', -13.4, 0, [4.0, 1.86, 1.48], Math.PI / 2);
  const rule = defaultDictionary.classes.Car;

  it('is an error when both ends of an axis are empty and the gaps add up to a good part of the box', () => {
    const r = decide(car, rule, judgement, [true, true, false, false]);
    expect(r?.severity).toBe('error');
    expect(r?.message).toBe(
      "Car box is 2.3 m longer than its object: the sensor saw both of the object's ends stop 1.2 and 1.2 m inside its faces (refit from 178 returns)",
    );
  });

  it('stays a warning with one end empty, or with few returns', () => {
    expect(decide(car, rule, judgement, [true, false, false, false])?.severity).toBe('warning');
    expect(decide(car, rule, { ...judgement, n: 20 }, [true, true, false, false])?.severity).toBe('warning');
  });

  it('holds a rider box to both ends over half its length, and says nothing of one empty end', () => {
    // A cyclist seen from behind (a 0.6 m back) in a box turned across the line of sight.
    const cyclist: Cuboid = box('cy', 'Cyclist', 25.5, -1.5, [1.72, 0.66, 1.66], Math.PI / 2);
    const cyc = defaultDictionary.classes.Cyclist;
    const turned: FitJudgement = { ...judgement, n: 29, gap: [0.6, 0.68, -0.11, 0.08], slack: [0.6, 0.08] };
    const r = decide(cyclist, cyc, turned, [true, true, false, false], false);
    expect(r?.severity).toBe('error');
    expect(r?.message).toMatch(/^Cyclist box is 1\.3 m longer than its object/);
    expect(decide(cyclist, cyc, turned, [true, false, false, false], false)).toBeNull();
    // A far cyclist with fewer returns than an error needs: a warning, not silence.
    expect(decide(cyclist, cyc, { ...turned, n: 18 }, [true, true, false, false], false)?.severity).toBe('warning');
    // Wheels missed at both ends of a right box: 0.25 + 0.25 m of 1.72 is no error.
    expect(decide(cyclist, cyc, { ...turned, gap: [0.25, 0.25, -0.11, 0.08] }, [true, true, false, false], false)).toBeNull();
  });
});

describe('fitDisagreement: a person beside a larger structure', () => {
  // A pedestrian under a tree, 9 m out, the trunk and canopy joined to it: the sides run into the
  // structure, so only the top is judged, from the points over the footprint.
  const beside: FitJudgement = {
    n: 360,
    core: { n: 39, count: 6, beyond: 0.33, spread: 1 },
    range: 9.1,
    turn: null,
    sigma: Infinity,
    hugGain: 1,
    longAxisKnown: false,
    beyond: [1.9, 0.4, 1.8, 0.6, 0.33],
    countBeyond: [200, 20, 180, 30, 6],
    tolerance: [0.19, 0.19, 0.24, 0.24, 0.1],
    atReach: [true, false, true, false, false],
    gap: [-1, -0.3, -1, -0.4],
    slack: [0, 0],
    endsSeen: [true, true],
    outsideShare: 0.9,
    outside: 320,
  };
  const ped: Cuboid = box('ped', 'Pedestrian', 9.1, 0, [0.56, 0.42, 1.22], 0);
  const rule = defaultDictionary.classes.Pedestrian;

  it('reports a box cut at the top', () => {
    const r = decide(ped, rule, beside);
    expect(r?.severity).toBe('error');
    expect(r?.message).toMatch(/^Pedestrian box cuts its object: 6 points of its object reach 0\.33 m beyond its top/);
  });

  it('says nothing about the sides, nor about a top that fits', () => {
    expect(decide(ped, rule, { ...beside, core: { n: 39, count: 0, beyond: 0.02, spread: 0 } })).toBeNull();
  });

  it('leaves the top alone when the structure also rises over it, or spreads over it (a crown)', () => {
    expect(decide(ped, rule, { ...beside, atReach: [true, false, true, false, true] })).toBeNull();
    expect(decide(ped, rule, { ...beside, core: { ...beside.core, spread: 20 } })).toBeNull();
  });
});
