import { describe, expect, it } from 'vitest';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { analyzeFrame } from '../../../../../src/domain/checks/frame/analyzeFrame.ts';
import { runChecks } from '../../../../../src/domain/checks/runChecks.ts';
import { overlap } from '../../../../../src/domain/checks/rules/overlap.ts';
import { MANY_BOXES } from '../../../../../src/domain/geometry/coverageMask.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { box } from '../sceneFixtures.ts';
import { visibleStreet } from '../streetScene.ts';

/**
 * From MANY_BOXES boxes in a frame, the rules that ask "is this point in another box?" read it
 * from one mask instead of testing every neighbour: the answers must not change.
 */
describe('a frame with many boxes', () => {
  it('gives the street its own findings when hundreds of far-away boxes are added (mask path = per-box path)', () => {
    const { boxes, positions } = visibleStreet(11, 60_000);
    // Seed defects the point rules catch: a shifted car and a shrunk one.
    const street = boxes.map((b, i) =>
      i === 0
        ? { ...b, center: [b.center[0] + 1.2, b.center[1], b.center[2]] as Cuboid['center'] }
        : i === 1
          ? { ...b, size: [b.size[0] * 0.6, b.size[1], b.size[2]] as Cuboid['size'] }
          : b,
    );
    // Far boxes, 400 m out where there are no points, none near the street's.
    const far = Array.from({ length: MANY_BOXES }, (_, k) => box(`far${k}`, 'Car', 400 + 6 * (k % 20), 6 * Math.floor(k / 20), [4, 1.8, 1.5]));
    const analysis = analyzeFrame(positions);
    const rules = ['tooFewPoints', 'pointsOutsideBox', 'fitDisagreement', 'looseFit'];
    const run = (cuboids: Cuboid[]) =>
      runChecks(createCheckContext({ frameId: 'f', positions, cuboids, analysis }), { rules })
        .filter((r) => r.cuboidId !== null && !r.cuboidId.startsWith('far'))
        .map((r) => `${r.cuboidId} ${r.ruleId} ${r.severity} ${r.message}`)
        .sort();
    const alone = run(street);
    expect(alone.some((r) => r.startsWith(`${street[0].id} `))).toBe(true);
    expect(run([...street, ...far])).toEqual(alone);
  });

  it('lists at most 5 overlaps per box and counts the rest in one more finding', () => {
    // Twelve cars 1.1 m apart along x (3D IoU 0.57 with the next, 0.1 three along): the middle one
    // overlaps six others.
    const stack = Array.from({ length: 12 }, (_, k) => box(`c${k}`, 'Car', 10 + 1.1 * k, 0, [4, 1.8, 1.5]));
    const r = overlap(createCheckContext({ frameId: 'f', positions: new Float32Array(0), cuboids: stack }));
    const onFirst = r.filter((x) => x.cuboidId === 'c6');
    const pairs = onFirst.filter((x) => x.otherCuboidId !== undefined);
    expect(pairs).toHaveLength(5);
    const rest = onFirst.filter((x) => x.otherCuboidId === undefined);
    expect(rest).toHaveLength(1);
    expect(rest[0].message).toBe('Car box also overlaps 1 more box beyond the 5 listed');
    // A box with fewer overlaps lists them all.
    expect(r.filter((x) => x.cuboidId === 'c0').map((x) => x.otherCuboidId)).toEqual(['c1', 'c2', 'c3']);
  });
});
