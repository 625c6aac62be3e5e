import { describe, expect, it } from 'vitest';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { TRACKING_CALIB } from '../../server/fixtures/makeSequenceDatasets.ts';
import { cuboidToKitti } from '../../../../src/domain/kitti/cuboidToKitti.ts';
import { groupByFrame, parseTrackingLabels, parseTrackingTrackId, trackingTrackId } from '../../../../src/domain/kittiTracking/parseTrackingLabels.ts';
import { trackingFrameLabels } from '../../../../src/domain/kittiTracking/trackingFrames.ts';

// Two lines in the tracking devkit's column order (from its readme's example layout).
const TEXT = [
  '0 -1 DontCare -1 -1 -10.000000 219.310000 188.490000 245.500000 218.560000 -1000.000000 -1000.000000 -1000.000000 -10.000000 -1.000000 -1.000000 -1.000000',
  '0 0 Van 0 0 -1.793451 296.744956 161.752147 455.226042 292.372804 2.000000 1.823255 4.433886 -4.552284 1.858523 13.410495 -2.115488',
  '',
  '1 0 Van 0 0 -1.796862 294.898777 156.024256 452.199718 284.621269 2.000000 1.823255 4.433886 -4.650955 1.766774 13.581085 -2.121565',
  '1 2 Pedestrian 0 0 -2.523309 1106.137292 166.576807 1204.470628 323.876144 1.714062 0.767881 0.972283 6.301919 1.652419 8.455685 -1.900245',
].join('\n');

describe('parseTrackingLabels', () => {
  it('reads frame, track id and the label_2 columns, grouped by frame', () => {
    const labels = parseTrackingLabels(TEXT, { fileName: '0000.txt' });
    expect(labels.map((l) => [l.frame, l.trackId, l.object.type, l.line])).toEqual([
      [0, -1, 'DontCare', 1],
      [0, 0, 'Van', 2],
      [1, 0, 'Van', 4],
      [1, 2, 'Pedestrian', 5],
    ]);
    expect(labels[1].object.dimensions).toEqual([2, 1.823255, 4.433886]);
    expect(labels[1].object.location).toEqual([-4.552284, 1.858523, 13.410495]);
    expect(
      groupByFrame(labels)
        .get(1)
        ?.map((l) => l.trackId),
    ).toEqual([0, 2]);
  });

  it('reads the integer truncation levels as label_2 shares (0, 0.25, 0.75), a fraction as it is', () => {
    const line = (id: number, truncated: string) => `0 ${id} Car ${truncated} 0 -1.79 296.7 161.7 455.2 292.3 1.5 1.6 3.9 -4.5 1.8 13.4 -2.1`;
    const labels = parseTrackingLabels([line(0, '0'), line(1, '1'), line(2, '2'), line(3, '0.30')].join('\n'));
    expect(labels.map((l) => l.object.truncated)).toEqual([0, 0.25, 0.75, 0.3]);
  });

  it('gives LiDAR boxes with sequence-scoped track ids and keeps DontCare aside', () => {
    const calib = parseKittiCalib(TRACKING_CALIB, { fileName: '0000.txt' });
    const labels = groupByFrame(parseTrackingLabels(TEXT)).get(0) ?? [];
    const { cuboids, dontCare } = trackingFrameLabels(labels, '0000', '0000_000000', calib);
    expect(dontCare).toHaveLength(1);
    expect(cuboids).toHaveLength(1);
    expect(cuboids[0].trackId).toBe('t0-s0000');
    expect(cuboids[0].id).toBe('0000_000000#2');
    expect(parseTrackingTrackId(cuboids[0].trackId as string)).toEqual({ sequence: '0000', trackId: 0 });
    expect(trackingTrackId('0011', 7)).toBe('t7-s0011');
    // Round trip to the camera frame gives the file's location and rotation back.
    const back = cuboidToKitti(cuboids[0], calib);
    back.location.forEach((v, i) => expect(v).toBeCloseTo(labels[1].object.location[i], 6));
    expect(back.rotationY).toBeCloseTo(-2.115488, 6);
  });

  it('names the file, line and field of bad lines', () => {
    const bad = (text: string) => () => parseTrackingLabels(text, { fileName: '0003.txt' });
    expect(bad('0 1 Car 0 0 0 1 2 3 4 1.5 1.6 4')).toThrow(/0003\.txt.*line 1: expected 17 or 18 values/);
    expect(bad(`${TEXT}\nx 1 Car 0 0 0 1 2 3 4 1.5 1.6 4 1 2 3 0`)).toThrow(/line 6, field "frame": "x" is not an integer/);
    expect(bad('0 -1 Car 0 0 0 1 2 3 4 1.5 1.6 4 1 2 3 0')).toThrow(/line 1, field "track_id": a Car box needs a track id/);
    expect(bad('0 4 Car 0 0 0 1 2 3 4 1.5 1.6 4 1 2 3 0\n0 4 Car 0 0 0 1 2 3 4 1.5 1.6 4 1 2 3 0')).toThrow(
      /line 2, field "track_id": track 4 appears twice in frame 0/,
    );
    expect(bad('\n\n0 4 Car 0 0 0 1 2 3 4 1.5 abc 4 1 2 3 0')).toThrow(/line 3, field "w": "abc" is not a number/);
  });
});
