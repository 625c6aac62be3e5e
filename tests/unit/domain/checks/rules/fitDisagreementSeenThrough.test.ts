import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../../src/domain/checks/FrameChecker.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { seenThrough } from '../../../../../src/domain/checks/rules/seenThrough.ts';
import { allReturnsImage } from '../../../../../src/domain/checks/rules/allReturnsImage.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { simFrames } from '../../../../bench/quality/simFrames.ts';

describe('fitDisagreement on a car seen from behind through a box turned across it', () => {
  // A car 28 m away, its rear towards the 16-beam scanner (29 returns on one ring: its rear and
  // its left side at grazing incidence, 0.4 m between returns, split into three clusters). A box
  // turned 90° holds 6 of them, too few for a refit; but it is 4.2 m wide across the line of
  // sight where the car is 1.9 m, and at the end away from the car's seen side the sensor's
  // beams crossed its body beside the car for 0.9 m and returned nothing from it.
  const [frame] = [...simFrames({ profile: 'vlp16', height: 2.0, vehicleFrame: false }, 1, 15)];
  const index = 8;
  const car = frame.boxes[index];
  const checker = new FrameChecker(frame.id, frame.positions, { ring: frame.ring });
  const findings = (boxes: Cuboid[]) =>
    checker.check(boxes, defaultDictionary, [], []).results.filter((r) => r.cuboidId === car.id && r.ruleId === 'fitDisagreement');
  const turned = frame.boxes.map((b, i) => (i === index ? { ...b, yaw: b.yaw - Math.PI / 2 } : b));

  it('sees through one end of the turned box and none of the right one', () => {
    expect(car.label).toBe('Car');
    const { grid, sensor } = checker.analysis;
    const img = allReturnsImage(checker.analysis, frame.positions);
    const right = seenThrough(frame.positions, grid, sensor, img, car)!;
    expect(Math.max(...right.wings)).toBeLessThan(0.4);
    const wrong = seenThrough(frame.positions, grid, sensor, img, turned[index])!;
    expect(Math.max(...wrong.wings)).toBeGreaterThan(0.8);
    expect(Math.min(...wrong.wings)).toBeLessThan(0.4);
    expect(wrong.width).toBeGreaterThan(3.5);
    expect(wrong.nearPoints).toBeGreaterThanOrEqual(10);
  }, 30_000);

  it('flags the turned box, and says why', () => {
    const found = findings(turned);
    expect(found.length).toBe(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toMatch(/4\.2 m wide across the line of sight.*saw through it beside its object, 0\.9 m at one end/);
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(findings(frame.boxes)).toEqual([]);
  }, 30_000);
});
