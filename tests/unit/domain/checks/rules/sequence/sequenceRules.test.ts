import { describe, expect, it } from 'vitest';
import { runSequenceChecks } from '../../../../../../src/domain/checks/runSequenceChecks.ts';
import { classSwitch } from '../../../../../../src/domain/checks/rules/sequence/classSwitch.ts';
import { headingFlip } from '../../../../../../src/domain/checks/rules/sequence/headingFlip.ts';
import { impossibleSpeed } from '../../../../../../src/domain/checks/rules/sequence/impossibleSpeed.ts';
import { trackSizeChange } from '../../../../../../src/domain/checks/rules/sequence/trackSizeChange.ts';
import { angleDiff } from '../../../../../../src/domain/checks/rules/sequence/trackAppearances.ts';
import type { SequenceFrame } from '../../../../../../src/domain/checks/SequenceContext.ts';
import { defaultDictionary } from '../../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import type { Cuboid, Vec3 } from '../../../../../../src/domain/types.ts';
import { box } from '../../sceneFixtures.ts';

/** A car track driving along +x at 10 m/s, 10 frames at 10 Hz. */
function track(patch: (k: number, c: Cuboid) => Partial<Cuboid> = () => ({})): SequenceFrame[] {
  return Array.from({ length: 10 }, (_, k) => {
    const c = box(`car-${k}`, 'Car', 10 + k, 3, [4.2, 1.8, 1.5], 0, { trackId: 't1' });
    const ped = box(`ped-${k}`, 'Pedestrian', 8, -4 + 0.1 * k, [0.7 + 0.05 * (k % 3), 0.6, 1.75], Math.PI / 2, { trackId: 't2' });
    return { frameId: String(k).padStart(6, '0'), cuboids: [{ ...c, ...patch(k, c) }, ped] };
  });
}
const ctx = (frames: SequenceFrame[]) => ({ frames, dictionary: defaultDictionary });

describe('sequence rules', () => {
  it('are silent on a consistent sequence (a walking pedestrian may change length)', () => {
    expect(runSequenceChecks(track())).toEqual([]);
  });

  it('trackSizeChange flags the one frame whose box differs from the track median', () => {
    const frames = track((k) => (k === 4 ? { size: [5.5, 1.8, 1.5] as Vec3 } : k === 7 ? { size: [4.2, 1.8, 1.8] as Vec3 } : {}));
    const r = trackSizeChange(ctx(frames));
    expect(r.map((x) => [x.frameId, x.cuboidId, x.severity])).toEqual([
      ['000004', 'car-4', 'error'],
      ['000007', 'car-7', 'warning'],
    ]);
    expect(r[0].message).toBe('Track t1 (Car) is 5.50 m in length here; its median over 10 frames is 4.20 m (31 % off, 15 % tolerated)');
  });

  it('trackSizeChange skips truncated boxes', () => {
    const frames = track((k) => (k === 4 ? { size: [2, 1.8, 1.5] as Vec3, attributes: { truncated: 1, occluded: 0 } } : {}));
    expect(trackSizeChange(ctx(frames))).toEqual([]);
  });

  it('headingFlip flags a turn of more than 90° within half a second', () => {
    const frames = track((k) => (k === 5 ? { yaw: Math.PI } : {}));
    const r = headingFlip(ctx(frames));
    expect(r.map((x) => x.frameId)).toEqual(['000005', '000006']);
    expect(r[0].message).toBe('Track t1 (Car) turns 180° since frame 000004 (0.10 s earlier): a flipped heading?');
    expect(headingFlip(ctx(track((k) => (k === 5 ? { yaw: 1.2 } : {}))))).toEqual([]);
  });

  it('headingFlip compares world headings when frames carry poses', () => {
    // The sensor turns with the car: LiDAR-frame yaw changes by 100°, world yaw does not.
    const frames = track((k) => (k >= 5 ? { yaw: (-100 * Math.PI) / 180 } : {})).map((f, k) => ({
      ...f,
      cuboids: f.cuboids.filter((c) => c.trackId === 't1'),
      pose: { x: 0, y: 0, yaw: k >= 5 ? (100 * Math.PI) / 180 : 0 },
    }));
    expect(headingFlip(ctx(frames))).toEqual([]);
    expect(headingFlip(ctx(frames.map(({ pose: _pose, ...f }) => f)))).toHaveLength(1);
  });

  it('classSwitch flags every change of class along a track', () => {
    const r = classSwitch(ctx(track((k) => (k === 3 ? { label: 'Van' } : {}))));
    expect(r.map((x) => x.frameId)).toEqual(['000003', '000004']);
    expect(r[0].message).toBe('Track t1 is Van here but Car in frame 000002');
  });

  it('impossibleSpeed flags a jump beyond the class speed plus the ego speed', () => {
    const r = impossibleSpeed(ctx(track((k) => (k === 6 ? { center: [30, 3, -0.95] as Vec3 } : {}))));
    expect(r.map((x) => x.frameId)).toEqual(['000006', '000007']);
    expect(r[0].message).toBe('Track t1 (Car) moves 15.0 m in 0.10 s since frame 000005 (150 m/s relative to the sensor); at most 105 m/s is possible');
  });

  it('impossibleSpeed uses frame times and poses when given', () => {
    // A pedestrian 2 m further each frame at 10 Hz: 20 m/s, over its 12 m/s in the world frame.
    const frames: SequenceFrame[] = [0, 1, 2].map((k) => ({
      frameId: `f${k}`,
      time: k * 0.1,
      pose: { x: 0, y: 0, yaw: 0 },
      cuboids: [box(`p${k}`, 'Pedestrian', 5 + 2 * k, 0, [0.7, 0.6, 1.7], 0, { trackId: 'p' })],
    }));
    expect(impossibleSpeed(ctx(frames)).map((x) => x.cuboidId)).toEqual(['p1', 'p2']);
    // Slower frames (1 s apart): 2 m/s is fine.
    expect(impossibleSpeed(ctx(frames.map((f, k) => ({ ...f, time: k }))))).toEqual([]);
    // Without poses the ego allowance applies.
    expect(impossibleSpeed(ctx(frames.map(({ pose: _p, ...f }) => f)))).toEqual([]);
  });

  it('runSequenceChecks orders results by frame, then errors first', () => {
    const frames = track((k) => (k === 3 ? { label: 'Van', size: [5.5, 1.8, 1.5] as Vec3 } : {}));
    const r = runSequenceChecks(frames);
    const order = r.map((x) => Number(x.frameId));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(r.map((x) => x.ruleId))).toEqual(new Set(['classSwitch', 'trackSizeChange']));
  });

  it('angleDiff wraps to (−π, π]', () => {
    expect(angleDiff(0, (3 * Math.PI) / 2)).toBeCloseTo(-Math.PI / 2);
    expect(angleDiff(Math.PI - 0.1, -Math.PI + 0.1)).toBeCloseTo(0.2);
    expect(angleDiff(0, Math.PI)).toBeCloseTo(Math.PI);
  });
});
