import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../../src/domain/checks/FrameChecker.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { simFrames } from '../../../../bench/quality/simFrames.ts';
import { seedDefect } from '../../../../bench/quality/defects.ts';

describe('fitDisagreement on a pedestrian whose head rises above a shrunk box', () => {
  // A pedestrian 27 m from the 64-beam scanner (32 returns on rows 0.16 m apart): the shoulders'
  // row 1.32 m up has five returns, the head one return on each of the two rows above. A box
  // shrunk to 70 % (1.19 m tall, bottom kept) leaves the head 0.29 and 0.44 m above its top: two
  // returns are enough above a top, where heights carry little noise.
  const [frame] = [...simFrames({ profile: 'hdl64', height: 1.73, vehicleFrame: false }, 1, 1)];
  const index = 29;
  const person = frame.boxes[index];
  // Shrunk as the quality bench seeds it: every side × 0.7, the bottom kept.
  const shrunk = seedDefect(frame.boxes, index, 'shrink70').boxes[index];
  const checker = new FrameChecker(frame.id, frame.positions, { ring: frame.ring });
  const findings = (boxes: typeof frame.boxes) =>
    checker.check(boxes, defaultDictionary, [], []).results.filter((r) => r.cuboidId === person.id && r.ruleId === 'fitDisagreement');

  it('flags the shrunk box as cutting its object at the top', () => {
    expect(person.label).toBe('Pedestrian');
    const found = findings(frame.boxes.map((b, i) => (i === index ? shrunk : b)));
    expect(found.length).toBe(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toMatch(/cuts its object: 2 points of its object reach 0\.29 m beyond its top/);
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(findings(frame.boxes)).toEqual([]);
  }, 30_000);
});
