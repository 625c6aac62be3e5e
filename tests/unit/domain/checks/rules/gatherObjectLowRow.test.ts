import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../../src/domain/checks/FrameChecker.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { createGatherScratch, gatherObject } from '../../../../../src/domain/checks/rules/gatherObject.ts';
import { simFrames } from '../../../../bench/quality/simFrames.ts';

describe('gatherObject keeps a car lowest row', () => {
  // A car 31 m away seen from behind by the 16-beam scanner: 27 returns on two rings, the lower
  // one 0.3 m above the road, too low for an obstacle cluster (13 of them). They are the car's,
  // inside its box above the bottom slab, and the refit counts them.
  const [frame] = [...simFrames({ profile: 'vlp16', height: 1.73, vehicleFrame: false }, 1, 0)];
  const index = 6;
  const car = frame.boxes[index];
  const checker = new FrameChecker(frame.id, frame.positions, { ring: frame.ring });

  it('gathers the returns below the obstacle height inside the box', () => {
    expect(car.label).toBe('Car');
    const labels = checker.analysis.clusters.labels;
    const unclustered = [...frame.objectPoints[index]].filter((k) => labels[k] < 0).length;
    expect(unclustered).toBeGreaterThanOrEqual(10);
    const object = gatherObject(checker.analysis, car, [], defaultDictionary.settings.fitMargin, 2.5, 1, 5, createGatherScratch());
    expect(object.n).toBeGreaterThanOrEqual(frame.objectPoints[index].length - 2);
    expect(object.outside).toBe(0);
  });

  it('so the box moved 1 m to its right is judged, and flagged', () => {
    const moved = frame.boxes.map((b, i) =>
      i === index ? { ...b, center: [b.center[0] + Math.sin(b.yaw), b.center[1] - Math.cos(b.yaw), b.center[2]] as [number, number, number] } : b,
    );
    const found = checker.check(moved, defaultDictionary, [], []).results.filter((r) => r.cuboidId === car.id && r.severity !== 'info');
    expect(found.map((r) => r.ruleId)).toContain('fitDisagreement');
    expect(checker.check(frame.boxes, defaultDictionary, [], []).results.filter((r) => r.cuboidId === car.id && r.severity !== 'info')).toEqual([]);
  }, 30_000);

  it("gathers a low row outside the clusters' bounds, and a box holding only a few clustered returns", () => {
    // A car 30 m away seen from ahead: 23 returns, 16 of them on a row 0.3 m up, none of them
    // clustered; the 7 clustered ones are on its bonnet, 1.3 m behind that row.
    const [other] = [...simFrames({ profile: 'vlp16', height: 1.73, vehicleFrame: false }, 1, 1)];
    const front = other.boxes[0];
    const analysis = new FrameChecker(other.id, other.positions, { ring: other.ring }).analysis;
    const clustered = [...other.objectPoints[0]].filter((k) => analysis.clusters.labels[k] >= 0).length;
    expect(clustered).toBeLessThanOrEqual(7);
    const object = gatherObject(analysis, front, [], defaultDictionary.settings.fitMargin, 2.5, 1, 5, createGatherScratch());
    expect(object.n).toBeGreaterThanOrEqual(other.objectPoints[0].length - 1);
  });
});
