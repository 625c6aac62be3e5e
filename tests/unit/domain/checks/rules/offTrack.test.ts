import { describe, expect, it } from 'vitest';
import type { ExpectedTrackBox } from '../../../../../src/domain/checks/CheckContext.ts';
import type { CheckResult } from '../../../../../src/domain/checks/CheckResult.ts';
import { corroborate } from '../../../../../src/domain/checks/corroborate.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { offTrack } from '../../../../../src/domain/checks/rules/offTrack.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { box, cloud } from '../sceneFixtures.ts';

const bridge = (trackId: string, b: Cuboid, span = 2): ExpectedTrackBox => ({
  trackId,
  label: b.label,
  box: { center: b.center, size: b.size, yaw: b.yaw },
  before: '000003',
  after: '000005',
  span,
});
const car = box('c', 'Car', 20, 0, [4, 1.8, 1.5], 0.1, { trackId: 't1' });
const ped = box('p', 'Pedestrian', 10, 3, [0.7, 0.65, 1.75], 0, { trackId: 't2' });
const run = (cuboids: Cuboid[], expected: ExpectedTrackBox[]): CheckResult[] =>
  offTrack(createCheckContext({ frameId: 'f', positions: cloud([]), cuboids, expectedTracks: expected }));
const moved = (b: Cuboid, dx: number, patch: Partial<Cuboid> = {}): Cuboid => ({ ...b, center: [b.center[0], b.center[1] + dx, b.center[2]], ...patch });

describe('offTrack', () => {
  it('passes boxes where the frames around put their tracks, and boxes without a track or a bridge', () => {
    expect(run([car, ped, { ...car, id: 'x', trackId: null }, { ...car, id: 'y', trackId: 'other' }], [bridge('t1', car), bridge('t2', ped)])).toEqual([]);
  });

  it('warns of a box a little off its track and is an error at twice the tolerance, with the numbers and the frames', () => {
    const [warn] = run([moved(car, 0.7)], [bridge('t1', car)]);
    expect(warn).toMatchObject({ ruleId: 'offTrack', severity: 'warning', cuboidId: 'c', dictionaryEntry: 'track-consistency' });
    expect(warn.message).toBe('Car box of Track t1 disagrees with frames 000003 and 000005: 0.7 m off where they put it (20.0, 0.0)');
    expect(run([moved(car, 1.0)], [bridge('t1', car)]).map((r) => r.severity)).toEqual(['error']);
    expect(run([{ ...car, center: [20, 0, car.center[2] + 1] }], [bridge('t1', car)])[0].message).toMatch(
      /disagrees with frames 000003 and 000005: 1\.0 m higher$/,
    );
  });

  it('judges the heading of long boxes only: a car turned 30° is an error, a pedestrian turned 90° is not judged', () => {
    expect(run([{ ...car, yaw: car.yaw + (20 * Math.PI) / 180 }], [bridge('t1', car)]).map((r) => r.severity)).toEqual(['warning']);
    const [turned] = run([{ ...car, yaw: car.yaw - Math.PI / 6 }], [bridge('t1', car)]);
    expect(turned.severity).toBe('error');
    expect(turned.message).toMatch(/: turned 30°$/);
    expect(run([{ ...ped, yaw: Math.PI / 2 }], [bridge('t2', ped)])).toEqual([]);
  });

  it('warns of a resized box, never an error alone (a box cut to what the scan shows changes size)', () => {
    const short = { ...car, size: [2.8, 1.8, 1.5] as [number, number, number] };
    const [r] = run([short], [bridge('t1', car)]);
    expect(r.severity).toBe('warning');
    expect(r.message).toContain("sized 2.8 × 1.8 × 1.5 m against the track's 4.0 × 1.8 × 1.5 m");
    expect(run([{ ...short, size: [1.5, 1, 0.8] }], [bridge('t1', car)]).map((x) => x.severity)).toEqual(['warning']);
  });

  it('widens the tolerance with the frames between the two boxes, and does not judge bridges over more than 6', () => {
    expect(run([moved(car, 0.6)], [bridge('t1', car, 4)])).toEqual([]);
    expect(run([moved(car, 3)], [bridge('t1', car, 8)])).toEqual([]);
  });

  it('is placement evidence: with another placement warning on the box it becomes an error', () => {
    const off = run([moved(car, 0.7)], [bridge('t1', car)]);
    const sticks: CheckResult = {
      ruleId: 'pointsOutsideBox',
      severity: 'warning',
      cuboidId: 'c',
      location: null,
      message: 'Car box leaves 9 points of its object out',
      dictionaryEntry: null,
    };
    const raised = corroborate([...off, sticks]);
    expect(raised.find((r) => r.ruleId === 'pointsOutsideBox')).toMatchObject({ severity: 'error' });
    expect(raised.find((r) => r.ruleId === 'pointsOutsideBox')?.message).toContain('it is off where the frames around put its track');
  });
});
