import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../../src/domain/checks/FrameChecker.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { simFrames } from '../../../../bench/quality/simFrames.ts';

describe('fitDisagreement on a cyclist seen from behind over a car', () => {
  // A cyclist 11 m behind the 64-beam scanner, in its lane, a car between them: the scanner sees
  // the rider's body above the car's roof (60 returns) and hardly any of the bicycle. A box turned
  // 30° is 1.3 m wide across the line of sight where the rider is 0.45 m, and beside the rider's
  // shoulders the beams went past, on both sides; lower down the car hides those margins.
  const [frame] = [...simFrames({ profile: 'hdl64', height: 1.73, vehicleFrame: false }, 1, 7)];
  const index = 20;
  const rider = frame.boxes[index];
  const checker = new FrameChecker(frame.id, frame.positions, { ring: frame.ring });
  const findings = (boxes: Cuboid[]) =>
    checker.check(boxes, defaultDictionary, [], []).results.filter((r) => r.cuboidId === rider.id && r.ruleId === 'fitDisagreement');

  it('flags the box turned 30°, from the margins beside what it saw of the rider', () => {
    expect(rider.label).toBe('Cyclist');
    const turned = frame.boxes.map((b, i) => (i === index ? { ...b, yaw: b.yaw + Math.PI / 6 } : b));
    const found = findings(turned);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/1\.3 m wide across the line of sight, but the sensor saw its object only 0\.[45] m wide there/);
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(findings(frame.boxes)).toEqual([]);
  }, 30_000);
});

describe('fitDisagreement on a rider of whom only the head shows', () => {
  // 12.5 m away, 10 returns on the head above something nearer: 0.1 m wide, narrower than the
  // shoulders would be. No width across the line of sight is judged from that.
  const [frame] = [...simFrames({ profile: 'hdl64', height: 1.73, vehicleFrame: false }, 1, 3)];
  it('leaves the right box alone', () => {
    const rider = frame.boxes[20];
    expect(rider.label).toBe('Cyclist');
    const checker = new FrameChecker(frame.id, frame.positions, { ring: frame.ring });
    const found = checker.check(frame.boxes, defaultDictionary, [], []).results.filter((r) => r.cuboidId === rider.id && r.ruleId === 'fitDisagreement');
    expect(found).toEqual([]);
  }, 30_000);
});
