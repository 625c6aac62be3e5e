import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../../src/domain/checks/FrameChecker.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { simFrames } from '../../../../bench/quality/simFrames.ts';

describe('fitDisagreement on a rider seen from ahead', () => {
  // A cyclist 25 m away riding along the line of sight of the 64-beam scanner (34 returns): its
  // returns are a narrow column whichever way a box is turned, too short for the heading refit to
  // judge. A box turned 30° across it is wider than the bicycle across the line of sight by
  // 0.4 m on either side, both margins in view.
  const [frame] = [...simFrames({ profile: 'hdl64', height: 1.73, vehicleFrame: false }, 1, 5)];
  const index = 21;
  const rider = frame.boxes[index];
  const acrossFindings = (boxes: Cuboid[]) =>
    new FrameChecker(frame.id, frame.positions, { ring: frame.ring })
      .check(boxes, defaultDictionary, [], [])
      .results.filter((r) => r.cuboidId === rider.id && r.ruleId === 'fitDisagreement');

  it('flags the box turned 30° across the rider, and says why', () => {
    expect(rider.label).toBe('Cyclist');
    expect(Math.hypot(rider.center[0], rider.center[1])).toBeGreaterThan(20);
    for (const turn of [Math.PI / 6, -Math.PI / 6]) {
      const boxes = frame.boxes.map((b, i) => (i === index ? { ...b, yaw: b.yaw + turn } : b));
      const found = acrossFindings(boxes);
      expect(found.length, `turned ${turn > 0 ? '+' : '-'}30°`).toBe(1);
      expect(found[0].severity).not.toBe('info');
    }
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(acrossFindings(frame.boxes)).toEqual([]);
  }, 30_000);
});
