import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../../../src/domain/checks/CheckContext.ts';
import type { CheckResult } from '../../../../../src/domain/checks/CheckResult.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { analyzeFrame } from '../../../../../src/domain/checks/frame/analyzeFrame.ts';
import { ERROR_CONF, INFO_CONF, unlabelledCluster, WARN_CONF } from '../../../../../src/domain/checks/rules/unlabelledCluster.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { SCAN_HEIGHT, scan, SURROUNDINGS, tree } from '../scanFixture.ts';
import type { Shape } from '../scanFixture.ts';

/**
 * One street scanned by a 64-beam sensor (scanFixture), with the golden cases spread around the
 * sensor so that none hides another: scenery that must not be reported, and objects that must.
 */
const CAR = { kind: 'box', x: 12, y: -4, l: 4.3, w: 1.8, h: 1.5, yaw: 0.1 } as const;
const PERSON = { kind: 'box', x: 9, y: 3, l: 0.5, w: 0.4, h: 1.75 } as const;
// End-on to the sensor: at 55 m only its rear face and a few roof returns show.
const FAR_CAR = { kind: 'box', x: -55, y: 8, l: 4.3, w: 1.8, h: 1.5, yaw: Math.atan2(8, -55) } as const;
const HEDGE = { kind: 'box', x: 14, y: 9.5, l: 14, w: 0.8, h: 1.4 } as const;
const POLE = { kind: 'cylinder', x: 8, y: -9, r: 0.1, h: 6 } as const;
const TREE_AT: [number, number] = [-10, 7];
const CORNER: Shape[] = [
  { kind: 'box', x: -25, y: -12, l: 20, w: 0.5, h: 8 },
  { kind: 'box', x: -35, y: -20, l: 0.5, w: 16, h: 8 },
];

const near = (results: readonly CheckResult[], x: number, y: number, d = 2.5) =>
  results.filter((r) => r.location !== null && Math.hypot(r.location[0] - x, r.location[1] - y) < d);

function carBox(): Cuboid {
  return {
    id: 'car',
    trackId: null,
    label: 'Car',
    center: [CAR.x, CAR.y, -SCAN_HEIGHT + CAR.h / 2],
    size: [CAR.l + 0.1, CAR.w + 0.1, CAR.h],
    yaw: CAR.yaw,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual',
  };
}

describe('unlabelledCluster (missed objects) on a scanned street', () => {
  let ctx: CheckContext;
  let results: CheckResult[];
  beforeAll(() => {
    const positions = scan([...SURROUNDINGS, CAR, PERSON, FAR_CAR, HEDGE, POLE, ...tree(...TREE_AT), ...CORNER]);
    ctx = createCheckContext({ frameId: 'street', positions, cuboids: [], analysis: analyzeFrame(positions) });
    results = unlabelledCluster(ctx);
  }, 30_000);

  it('does not report a hedge strip, a pole, a tree trunk under its crown or a building corner', () => {
    expect(near(results, HEDGE.x, HEDGE.y, 8)).toEqual([]);
    expect(near(results, POLE.x, POLE.y)).toEqual([]);
    expect(near(results, ...TREE_AT)).toEqual([]);
    expect(near(results, -25, -12, 10)).toEqual([]);
    expect(near(results, -35, -20, 8)).toEqual([]);
  });

  it('reports a car-sized, car-dense cluster as an error suggesting a Car, with its confidence', () => {
    const [r] = near(results, CAR.x, CAR.y);
    expect(r).toMatchObject({ ruleId: 'unlabelledCluster', severity: 'error', cuboidId: null, suggestedLabel: 'Car', dictionaryEntry: 'every-object-boxed' });
    expect(r.confidence).toBeGreaterThanOrEqual(ERROR_CONF);
    expect(r.message).toMatch(
      /^\d+ points at \(1[01]\.\d, -[34]\.\d\), 1[12] m away, form a [45]\.\d × [12]\.\d m cluster 1\.\d m tall with no box, where a Car would give about \d+: a missed Car/,
    );
    expect(r.radius).toBeGreaterThan(1.5);
  });

  it('reports an upright person-sized cluster as a Pedestrian', () => {
    const [r] = near(results, PERSON.x, PERSON.y);
    expect(r).toMatchObject({ severity: 'error', suggestedLabel: 'Pedestrian' });
  });

  it('grades a sparse far car-like cluster by its confidence: a warning or info, never an error', () => {
    const found = near(results, FAR_CAR.x, FAR_CAR.y, 4);
    expect(found).toHaveLength(1);
    const [r] = found;
    expect(r.confidence).toBeGreaterThanOrEqual(INFO_CONF);
    expect(r.confidence).toBeLessThan(ERROR_CONF);
    expect(r.severity).toBe(r.confidence! >= WARN_CONF ? 'warning' : 'info');
  });

  it('lists the most confident first, at most settings.clusterMaxResults', () => {
    const conf = results.map((r) => r.confidence!);
    expect([...conf].sort((a, b) => b - a)).toEqual(conf);
    const few = unlabelledCluster({ ...ctx, dictionary: { ...ctx.dictionary, settings: { ...ctx.dictionary.settings, clusterMaxResults: 1 } } });
    expect(few.slice(0, 1)).toEqual(results.slice(0, 1));
    // The cut is never silent: one info says how many were left out.
    expect(few).toHaveLength(2);
    expect(few[1]).toMatchObject({ severity: 'info', location: null, cuboidId: null, dictionaryEntry: 'settings.clusterMaxResults' });
    expect(few[1].message).toBe(
      `${results.length - 1} more possible missed ${results.length - 1 === 1 ? 'object is' : 'objects are'} not listed: only the 1 most confident are (settings.clusterMaxResults); box or dismiss these to see the rest`,
    );
  });

  it('is silent about an object once it has a box', () => {
    const boxed = unlabelledCluster({ ...ctx, cuboids: [carBox()] });
    expect(near(boxed, CAR.x, CAR.y)).toEqual([]);
    expect(near(boxed, PERSON.x, PERSON.y)).toHaveLength(1);
  });

  it('leaves out a place dismissed as "not an object"', () => {
    const r = unlabelledCluster({ ...ctx, dismissed: [{ x: CAR.x - 1, y: CAR.y, radius: 2 }] });
    expect(near(r, CAR.x, CAR.y)).toEqual([]);
    expect(near(r, PERSON.x, PERSON.y)).toHaveLength(1);
  });

  it('leaves out a DontCare wedge, the outside of the label region and the vehicle itself', () => {
    const carAzimuth = Math.atan2(CAR.y, CAR.x);
    const dontCare = unlabelledCluster({
      ...ctx,
      labelRegion: { azimuth: [-Math.PI / 2, Math.PI / 2], ignoreAzimuths: [[carAzimuth - 0.1, carAzimuth + 0.1]] },
    });
    expect(near(dontCare, CAR.x, CAR.y)).toEqual([]);
    expect(near(dontCare, PERSON.x, PERSON.y)).toHaveLength(1);
    expect(near(dontCare, FAR_CAR.x, FAR_CAR.y, 4)).toEqual([]);
    // Within half of egoRadius everything is the vehicle itself (the person at 9.5 m, not the car at 12.6 m).
    const ego = unlabelledCluster({ ...ctx, dictionary: { ...ctx.dictionary, settings: { ...ctx.dictionary.settings, egoRadius: 20 } } });
    expect(near(ego, PERSON.x, PERSON.y)).toEqual([]);
    expect(near(ego, CAR.x, CAR.y)).toHaveLength(1);
  });
});

/**
 * A second street: a car seen end-on (only its rear face shows: no beam falls on its roof), and
 * scenery of person height that must stay quiet (a knee-high post, a long garden wall).
 */
const AHEAD = { kind: 'box', x: 16, y: 2, l: 4.5, w: 1.8, h: 1.5, yaw: Math.atan2(2, 16) } as const;
const BOLLARD = { kind: 'cylinder', x: -9, y: 6, r: 0.1, h: 1.0 } as const;
// As narrow as a person seen edge-on and as tall: a person or a post, never near-certain.
const SLIM = { kind: 'cylinder', x: -4, y: -12, r: 0.16, h: 1.75 } as const;
const WALL = { kind: 'box', x: 10, y: 16, l: 18, w: 0.3, h: 1.6, yaw: 0 } as const;

describe('unlabelledCluster on a car seen end-on and on low scenery', () => {
  let results: CheckResult[];
  beforeAll(() => {
    const positions = scan([...SURROUNDINGS, AHEAD, BOLLARD, WALL, SLIM]);
    results = unlabelledCluster(createCheckContext({ frameId: 'street2', positions, cuboids: [], analysis: analyzeFrame(positions) }));
  }, 30_000);

  it('reports the flat rear of a car seen end-on as a missed Car: as wide as a car, across the line of sight, with the returns a car end-on gives', () => {
    const found = near(results, AHEAD.x - 2, AHEAD.y, 3);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ suggestedLabel: 'Car' });
    expect(found[0].confidence).toBeGreaterThanOrEqual(0.75);
    expect(found[0].severity).not.toBe('info');
  });

  it('reports a slim cluster at head height as a possible Pedestrian, a warning at most', () => {
    const found = near(results, SLIM.x, SLIM.y);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ suggestedLabel: 'Pedestrian' });
    expect(found[0].severity).not.toBe('error');
  });

  it('does not report a knee-high post or a long garden wall', () => {
    expect(near(results, BOLLARD.x, BOLLARD.y).filter((r) => r.severity !== 'info')).toEqual([]);
    expect(near(results, WALL.x, WALL.y, 10).filter((r) => r.severity !== 'info')).toEqual([]);
  });
});
