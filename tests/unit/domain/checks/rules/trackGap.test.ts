import { describe, expect, it } from 'vitest';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { expectedTrackBoxes } from '../../../../../src/domain/checks/expectedTrackBoxes.ts';
import type { TrackWindowFrame } from '../../../../../src/domain/checks/expectedTrackBoxes.ts';
import { trackGap } from '../../../../../src/domain/checks/rules/trackGap.ts';
import { runChecks } from '../../../../../src/domain/checks/runChecks.ts';
import { rigidFromYaw } from '../../../../../src/domain/poses/rigid.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { loadSampleFrame, sampleSequence } from '../sampleDataset.ts';
import { box, cloud, groundPoints, objectPoints } from '../sceneFixtures.ts';

const tracked = (id: string, trackId: string, x: number, y: number, label = 'Car'): Cuboid => box(id, label, x, y, [4, 1.8, 1.5], 0, { trackId });

describe('expectedTrackBoxes', () => {
  it('bridges every track with boxes either side of the frame, whether the frame holds it or not, and no track that ends or starts there', () => {
    const frames: TrackWindowFrame[] = [
      { frameId: 'a', cuboids: [tracked('a1', 't1', 10, 0), tracked('a2', 't2', 20, 5), tracked('a3', 't3', 30, -5)] },
      { frameId: 'b', cuboids: [tracked('b3', 't3', 31, -5)] },
      { frameId: 'c', cuboids: [tracked('c1', 't1', 14, 2), tracked('c3', 't3', 32, -5), tracked('c4', 't4', 5, 5)] },
    ];
    const gaps = expectedTrackBoxes(frames, 1);
    expect(gaps.map((g) => [g.trackId, g.label, g.before, g.after, g.span])).toEqual([
      ['t1', 'Car', 'a', 'c', 2],
      ['t3', 'Car', 'a', 'c', 2],
    ]);
    expect(gaps[0].box.center[0]).toBeCloseTo(12, 6);
    expect(gaps[0].box.center[1]).toBeCloseTo(1, 6);
    // The first and last frames have no frame on one side: never a gap.
    expect(expectedTrackBoxes(frames, 0)).toEqual([]);
    expect(expectedTrackBoxes(frames, 2)).toEqual([]);
  });

  it('takes the nearest box on each side within the reach, and bridges through the world frame when the frames have poses', () => {
    // A parked car at world x = 30 seen from an ego that drives 5 m along x per frame.
    const parked = (id: string, k: number): Cuboid => tracked(id, 'p', 30 - 5 * k, 0);
    const pose = (k: number) => rigidFromYaw(0, [5 * k, 0, 0]);
    const frames: TrackWindowFrame[] = [0, 1, 2, 3, 4].map((k) => ({
      frameId: `f${k}`,
      cuboids: k === 1 || k === 2 ? [] : [parked(`c${k}`, k)],
      pose: pose(k),
    }));
    const [gap] = expectedTrackBoxes(frames, 2);
    expect([gap.before, gap.after, gap.span]).toEqual(['f0', 'f3', 3]);
    expect(gap.box.center[0]).toBeCloseTo(20, 6);
    expect(expectedTrackBoxes(frames, 2, 1)).toEqual([]);
  });
});

describe('trackGap', () => {
  const gapAt = (x: number, y: number) => ({
    trackId: 't7',
    label: 'Car',
    box: box('x', 'Car', x, y, [4, 1.8, 1.5]),
    before: '000003',
    after: '000005',
    span: 2,
  });
  const ground = groundPoints(0, 40, -10, 10, 0.5);

  it('is an error where the returns show the object, naming the track and the frames either side', () => {
    const car = box('gone', 'Car', 20, 0, [4, 1.8, 1.5]);
    const ctx = createCheckContext({ frameId: 'f', positions: cloud(ground, objectPoints(car, 0.3)), cuboids: [], expectedTracks: [gapAt(20.2, 0.1)] });
    const [r] = trackGap(ctx);
    expect(r).toMatchObject({ ruleId: 'trackGap', severity: 'error', cuboidId: null, suggestedLabel: 'Car', dictionaryEntry: 'track-continuity' });
    expect(r.location?.[0]).toBeCloseTo(20.2, 6);
    expect(r.message).toMatch(
      /^Missed box\? Track t7 \(Car\) has a box in frames 000003 and 000005 but none here; \d+ returns lie where it would be \(20\.2, 0\.1\)$/,
    );
  });

  it('is a warning on a few returns and info on none (hidden or gone), and ground returns do not count', () => {
    const few = cloud(ground, [20, 0, -1, 20.5, 0.2, -0.8, 19.5, -0.3, -1.2, 21, 0.5, -1, 19, 0.4, -0.9, 20.3, -0.6, -1.1]);
    expect(trackGap(createCheckContext({ frameId: 'f', positions: few, cuboids: [], expectedTracks: [gapAt(20, 0)] })).map((r) => r.severity)).toEqual([
      'warning',
    ]);
    const [none] = trackGap(createCheckContext({ frameId: 'f', positions: cloud(ground), cuboids: [], expectedTracks: [gapAt(20, 0)] }));
    expect(none.severity).toBe('info');
    expect(none.message).toBe('Track t7 (Car) has a box in frames 000003 and 000005 but none here; no return lies where it would be (hidden or out of sight?)');
  });

  it('says nothing where a box of the frame already covers the place, in a dismissal or outside the annotated region, and leaves other boxes’ returns out', () => {
    const car = box('gone', 'Car', 20, 0, [4, 1.8, 1.5]);
    const positions = cloud(ground, objectPoints(car, 0.3));
    const expectedTracks = [gapAt(20, 0)];
    const other = { ...car, id: 'other', trackId: 't9' };
    expect(trackGap(createCheckContext({ frameId: 'f', positions, cuboids: [other], expectedTracks }))).toEqual([]);
    expect(trackGap(createCheckContext({ frameId: 'f', positions, cuboids: [], expectedTracks, dismissed: [{ x: 20, y: 0, radius: 3 }] }))).toEqual([]);
    expect(trackGap(createCheckContext({ frameId: 'f', positions, cuboids: [], expectedTracks, labelRegion: { maxRange: 15 } }))).toEqual([]);
    // A neighbour whose box holds the returns (half the bridged box overlapping it, under the IoU that makes it the same object).
    const beside = { ...box('beside', 'Car', 20, 0, [4, 1.8, 1.5]), center: [22.6, 0, car.center[2]] as [number, number, number] };
    const onlyBeside = cloud(ground, objectPoints({ ...car, center: [22.6, 0, car.center[2]] }, 0.3));
    expect(trackGap(createCheckContext({ frameId: 'f', positions: onlyBeside, cuboids: [beside], expectedTracks })).map((r) => r.severity)).toEqual(['info']);
  });

  it('finds a car box deleted from the middle frame of the bundled sequence at its place, bridged through the ego poses', () => {
    const seq = sampleSequence();
    const frames: TrackWindowFrame[] = seq
      .slice(3, 6)
      .map((f) => ({ frameId: f.frameId, cuboids: f.cuboids, pose: rigidFromYaw(f.pose!.yaw, [f.pose!.x, f.pose!.y, 0]) }));
    const deleted = frames[1].cuboids.find((c) => c.trackId === 'car-06')!;
    frames[1] = { ...frames[1], cuboids: frames[1].cuboids.filter((c) => c !== deleted) };
    const expectedTracks = expectedTrackBoxes(frames, 1);
    expect(expectedTracks.map((e) => e.trackId)).toContain('car-06');
    const points = loadSampleFrame(frames[1].frameId).positions;
    const results = runChecks(createCheckContext({ frameId: frames[1].frameId, positions: points, cuboids: frames[1].cuboids, expectedTracks }));
    const gap = results.filter((r) => r.ruleId === 'trackGap');
    expect(gap).toHaveLength(1);
    // The car is one finding: the missed-object search's finding at its place gives way to the gap.
    const loc = gap[0].location!;
    expect(results.filter((r) => r.ruleId === 'unlabelledCluster' && Math.hypot(r.location![0] - loc[0], r.location![1] - loc[1]) < 3)).toEqual([]);
    const withoutGaps = runChecks(createCheckContext({ frameId: frames[1].frameId, positions: points, cuboids: frames[1].cuboids }));
    expect(withoutGaps.some((r) => r.ruleId === 'unlabelledCluster' && Math.hypot(r.location![0] - loc[0], r.location![1] - loc[1]) < 3)).toBe(true);
    expect(gap[0].severity).toBe('error');
    expect(Math.hypot(gap[0].location![0] - deleted.center[0], gap[0].location![1] - deleted.center[1])).toBeLessThan(0.3);
    // With the box back, the track has no gap, and no box of the frame is off its track.
    const whole = runChecks(createCheckContext({ frameId: frames[1].frameId, positions: points, cuboids: [...frames[1].cuboids, deleted], expectedTracks }));
    expect(whole.filter((r) => r.ruleId === 'trackGap' || r.ruleId === 'offTrack')).toEqual([]);
  });
});
