/**
 * The malformed-file corpus of the sequence datasets: KITTI tracking `label_02` and `oxts`, KITTI
 * odometry `poses.txt` and the nuScenes v1.0 tables. Every broken input is refused (or, for a
 * table row, left out) with a message naming the file and the line or row and field.
 */
import { describe, expect, it } from 'vitest';
import { parseTrackingLabels } from '../../../src/domain/kittiTracking/parseTrackingLabels.ts';
import { parseNuscenesTables } from '../../../src/domain/nuscenes/parseNuscenesTables.ts';
import type { NuTableName } from '../../../src/domain/nuscenes/NuscenesTables.ts';
import { parseKittiOdometryPoses } from '../../../src/domain/poses/parseKittiOdometryPoses.ts';
import { parseOxts } from '../../../src/domain/poses/oxtsToPoses.ts';
import { nuscenesTables } from '../server/fixtures/makeSequenceDatasets.ts';

const CAR = '0 1 Car 0 0 -1.5 100 100 200 200 1.5 1.6 4 1 1.6 10 -1.57';
const OXTS = '49.0 8.4 110 0.01 0.02 0.5 ' + Array.from({ length: 24 }, () => '0').join(' ');
const POSE = '1 0 0 0 0 1 0 0 0 0 1 0';

describe('malformed KITTI tracking, oxts and poses files', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'a label line with 16 values',
      () => parseTrackingLabels('0 1 Car 0 0 -1.5 100 100 200 200 1.5 1.6 4 1 1.6 10', { fileName: '0002.txt' }),
      /^parseTrackingLabels \(0002\.txt\): line 1: expected 17 or 18 values/,
    ],
    [
      'a frame number that is not an integer',
      () => parseTrackingLabels(`${CAR}\n1.5 1 Car 0 0 -1.5 100 100 200 200 1.5 1.6 4 1 1.6 10 -1.57`, { fileName: '0002.txt' }),
      /line 2, field "frame": "1\.5" is not an integer/,
    ],
    [
      'a track id below -1',
      () => parseTrackingLabels('0 -2 Car 0 0 -1.5 100 100 200 200 1.5 1.6 4 1 1.6 10 -1.57', { fileName: '0002.txt' }),
      /line 1, field "track_id": -2 is below -1/,
    ],
    [
      'a car without a track',
      () => parseTrackingLabels('0 -1 Car 0 0 -1.5 100 100 200 200 1.5 1.6 4 1 1.6 10 -1.57', { fileName: '0002.txt' }),
      /field "track_id": a Car box needs a track id/,
    ],
    [
      'one track twice in a frame',
      () => parseTrackingLabels(`${CAR}\n${CAR}`, { fileName: '0002.txt' }),
      /line 2, field "track_id": track 1 appears twice in frame 0/,
    ],
    [
      'a size of 0',
      () => parseTrackingLabels('0 1 Car 0 0 -1.5 100 100 200 200 0 1.6 4 1 1.6 10 -1.57', { fileName: '0002.txt' }),
      /line 1, field "h": 0: a Car box needs a size above 0/,
    ],
    [
      'an occluded level out of range',
      () => parseTrackingLabels('0 1 Car 0 7 -1.5 100 100 200 200 1.5 1.6 4 1 1.6 10 -1.57', { fileName: '0002.txt' }),
      /line 1, field "occluded": 7 is outside/,
    ],
    [
      'an oxts line with 5 values',
      () => parseOxts('49 8.4 110 0 0', { fileName: 'oxts/0002.txt' }),
      /^parseOxts \(oxts\/0002\.txt\): line 1: expected 30 values/,
    ],
    [
      'an oxts longitude out of range',
      () => parseOxts(OXTS.replace('8.4', '181'), { fileName: 'oxts/0002.txt' }),
      /line 1, field "lon": 181 is outside -180\.\.180/,
    ],
    ['a blank line inside oxts', () => parseOxts(`${OXTS}\n\n${OXTS}`, { fileName: 'oxts/0002.txt' }), /line 2: blank line/],
    [
      'a pose with 11 values',
      () => parseKittiOdometryPoses('1 0 0 0 0 1 0 0 0 0 1', { fileName: 'poses.txt' }),
      /^parseKittiOdometryPoses \(poses\.txt\): line 1: expected 12 values/,
    ],
    [
      'a pose value that is not a number',
      () => parseKittiOdometryPoses(`${POSE}\n1 0 0 0 0 1 0 0 0 0 1 nan`, { fileName: 'poses.txt' }),
      /line 2, field "t3": "nan" is not a number/,
    ],
    [
      'a pose that scales',
      () => parseKittiOdometryPoses('1 0 0 0 0 1 0 0 0 0 3 0', { fileName: 'poses.txt' }),
      /line 1: not a rigid transform: the rotation is not orthonormal/,
    ],
    [
      'a singular calibration for the poses',
      () => parseKittiOdometryPoses(POSE, { fileName: 'poses.txt', veloToCam: Array(12).fill(0) }),
      /field "Tr_velo_to_cam": the calibration is singular/,
    ],
  ];
  for (const [what, run, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(run).toThrow(message);
    });
  }
});

describe('malformed nuScenes tables', () => {
  const texts = (edit: (t: Record<string, unknown[]>) => void = () => {}) => {
    const t = nuscenesTables();
    edit(t);
    return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, JSON.stringify(v)])) as Partial<Record<NuTableName, string>>;
  };
  type Row = Record<string, unknown>;
  const rowCases: [string, (t: Record<string, unknown[]>) => void, string][] = [
    [
      'an annotation of a missing instance',
      (t) => ((t.sample_annotation[0] as Row).instance_token = 'x'),
      'sample_annotation.json: row 0 (token "a-car-0"), field "instance_token": no instance has token "x"; row left out',
    ],
    [
      'an annotation of a missing sample',
      (t) => ((t.sample_annotation[1] as Row).sample_token = 'y'),
      'sample_annotation.json: row 1 (token "a-car-1"), field "sample_token": no sample has token "y"; row left out',
    ],
    [
      'an instance of a missing category',
      (t) => ((t.instance[0] as Row).category_token = 'z'),
      'instance.json: row 0 (token "i-car"), field "category_token": no category has token "z"; row left out',
    ],
    [
      'a sample_data of a missing calibrated sensor',
      (t) => ((t.sample_data[2] as Row).calibrated_sensor_token = 'c'),
      'sample_data.json: row 2 (token "sd2"), field "calibrated_sensor_token": no calibrated_sensor has token "c"; row left out',
    ],
    [
      'a sample of a missing scene',
      (t) => ((t.sample[4] as Row).scene_token = 's'),
      'sample.json: row 4 (token "s4"), field "scene_token": no scene has token "s"; row left out',
    ],
    [
      'a size with 2 values',
      (t) => ((t.sample_annotation[0] as Row).size = [1, 2]),
      'sample_annotation.json: row 0 (token "a-car-0"), field "size": expected [width, length, height] in metres, each above 0, got [1,2]; row left out',
    ],
    [
      'a zero quaternion',
      (t) => ((t.ego_pose[0] as Row).rotation = [0, 0, 0, 0]),
      'ego_pose.json: row 0 (token "e0"), field "rotation": the quaternion has zero length; row left out',
    ],
    [
      'a translation that is a string',
      (t) => ((t.calibrated_sensor[0] as Row).translation = '1 0 1.8'),
      'calibrated_sensor.json: row 0 (token "c-lidar"), field "translation": expected [x, y, z] in metres, got "1 0 1.8"; row left out',
    ],
    ['a row without a token', (t) => delete (t.category[0] as Row).token, 'category.json: row 0, field "token": missing; row left out'],
    [
      'a repeated token',
      (t) => t.ego_pose.push({ ...(t.ego_pose[0] as Row) }),
      'ego_pose.json: row 5 (token "e0"), field "token": the token appears twice in the table; the later row left out',
    ],
  ];
  for (const [what, edit, message] of rowCases) {
    it(`leaves out ${what}, naming file, row and field`, () => {
      const { problems } = parseNuscenesTables(texts(edit));
      expect(problems.map((p) => p.message)).toContain(message);
    });
  }

  it('refuses a table that is not JSON, not an array, or missing', () => {
    expect(() => parseNuscenesTables({ ...texts(), sample: '{"a": 1' })).toThrow(/^sample\.json: not valid JSON/);
    expect(() => parseNuscenesTables({ ...texts(), instance: '{"token": "i"}' })).toThrow(/^instance\.json: expected a JSON array of rows/);
    const { sample_data: _sd, ...rest } = texts();
    expect(() => parseNuscenesTables(rest)).toThrow(/^sample_data\.json: the table is missing/);
  });
});
