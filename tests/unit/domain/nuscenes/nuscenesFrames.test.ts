import { describe, expect, it } from 'vitest';
import { lidarBoxToNuscenes, nuLidarPose, nuscenesBoxToLidar } from '../../../../src/domain/nuscenes/nuscenesBoxToLidar.ts';
import { nuscenesFrameId, nuscenesFrames } from '../../../../src/domain/nuscenes/nuscenesFrames.ts';
import { parseNuscenesTables } from '../../../../src/domain/nuscenes/parseNuscenesTables.ts';
import type { NuTableName } from '../../../../src/domain/nuscenes/NuscenesTables.ts';

/** A quaternion [w, x, y, z] for a rotation by `a` radians about +z. */
const qz = (a: number): [number, number, number, number] => [Math.cos(a / 2), 0, 0, Math.sin(a / 2)];

// The ego stands at global (100, 200, 0) facing north (+y, yaw 90°). The top LiDAR sits 1 m ahead
// of the ego origin and 1.8 m up, turned −90° about z as on the nuScenes car (x right, y forward).
const EGO = { translation: [100, 200, 0] as [number, number, number], rotation: qz(Math.PI / 2) };
const CS = { translation: [1, 0, 1.8] as [number, number, number], rotation: qz(-Math.PI / 2) };

describe('nuScenes box → LiDAR frame (devkit conventions)', () => {
  it('puts a car 10 m ahead of the ego, facing the same way, at LiDAR (0, 9, −0.8) with yaw +90°', () => {
    // Global: centre 10 m north of the ego, heading north, size [w, l, h] = [2, 4.5, 1.6].
    const box = nuscenesBoxToLidar({ translation: [100, 210, 1], size: [2, 4.5, 1.6], rotation: qz(Math.PI / 2) }, nuLidarPose(EGO, CS));
    box.center.forEach((v, i) => expect(v).toBeCloseTo([0, 9, -0.8][i], 9));
    expect(box.size).toEqual([4.5, 2, 1.6]);
    expect(box.yaw).toBeCloseTo(Math.PI / 2, 9);
  });

  it('turns a box heading east into the LiDAR frame as heading right (yaw 0 in x-right)', () => {
    const box = nuscenesBoxToLidar({ translation: [103, 201, 0.5], size: [1, 1, 1], rotation: qz(0) }, nuLidarPose(EGO, CS));
    // Ego frame: 1 m ahead, 3 m right → LiDAR x = 3 (right), y = 0 (same as sensor), z = 0.5 − 1.8.
    box.center.forEach((v, i) => expect(v).toBeCloseTo([3, 0, -1.3][i], 9));
    expect(box.yaw).toBeCloseTo(0, 9);
  });

  it('goes back to the global frame exactly', () => {
    const pose = nuLidarPose(
      { translation: [411.3, 1180.9, 0.2], rotation: [0.57, -0.01, 0.012, -0.82] },
      { translation: [0.94, 0.0, 1.84], rotation: [0.7078, -0.0065, 0.0106, -0.7063] },
    );
    const global = { translation: [420.1, 1170.2, 1.1] as [number, number, number], size: [1.9, 4.6, 1.7] as [number, number, number], rotation: qz(-2.1) };
    const lidar = nuscenesBoxToLidar(global, pose);
    const back = lidarBoxToNuscenes(lidar, pose);
    back.translation.forEach((v, i) => expect(v).toBeCloseTo(global.translation[i], 9));
    expect(back.size).toEqual(global.size);
    // The same heading (a tilted sensor makes the round trip drop a little roll/pitch, not yaw).
    const yaw = (q: readonly number[]) => Math.atan2(2 * (q[0] * q[3] + q[1] * q[2]), 1 - 2 * (q[2] * q[2] + q[3] * q[3]));
    expect(yaw(back.rotation)).toBeCloseTo(-2.1, 3);
  });
});

/** Tables of one scene with two LiDAR keyframes and one parked car seen in both. */
function nuscenesTables(): Record<NuTableName, unknown[]> {
  const file = (t: number) => `samples/LIDAR_TOP/n015-2018-07-24-11-22-45+0800__LIDAR_TOP__${t}.pcd.bin`;
  return {
    scene: [{ token: 'sc1', name: 'scene-0001' }],
    sample: [
      { token: 's1', timestamp: 1532402927647951, scene_token: 'sc1', prev: '', next: 's2' },
      { token: 's2', timestamp: 1532402928147847, scene_token: 'sc1', prev: 's1', next: '' },
    ],
    sample_data: [
      {
        token: 'sd1',
        sample_token: 's1',
        ego_pose_token: 'e1',
        calibrated_sensor_token: 'c1',
        filename: file(1532402927647951),
        timestamp: 1532402927647951,
        is_key_frame: true,
      },
      {
        token: 'sd2',
        sample_token: 's2',
        ego_pose_token: 'e2',
        calibrated_sensor_token: 'c1',
        filename: file(1532402928147847),
        timestamp: 1532402928147847,
        is_key_frame: true,
      },
      {
        token: 'cam1',
        sample_token: 's1',
        ego_pose_token: 'e1',
        calibrated_sensor_token: 'c1',
        filename: 'samples/CAM_FRONT/x.jpg',
        timestamp: 1532402927612460,
        is_key_frame: true,
      },
    ],
    ego_pose: [
      { token: 'e1', translation: EGO.translation, rotation: EGO.rotation, timestamp: 1532402927647951 },
      { token: 'e2', translation: [100, 205, 0], rotation: EGO.rotation, timestamp: 1532402928147847 },
    ],
    calibrated_sensor: [{ token: 'c1', sensor_token: 'lidar', translation: CS.translation, rotation: CS.rotation }],
    sample_annotation: [
      {
        token: 'a1',
        sample_token: 's1',
        instance_token: 'i1',
        visibility_token: '4',
        attribute_tokens: [],
        translation: [100, 210, 1],
        size: [2, 4.5, 1.6],
        rotation: qz(Math.PI / 2),
        num_lidar_pts: 120,
        prev: '',
        next: 'a2',
      },
      {
        token: 'a2',
        sample_token: 's2',
        instance_token: 'i1',
        visibility_token: '1',
        attribute_tokens: [],
        translation: [100, 210, 1],
        size: [2, 4.5, 1.6],
        rotation: qz(Math.PI / 2),
        num_lidar_pts: 90,
        prev: 'a1',
        next: '',
      },
    ],
    instance: [{ token: 'i1', category_token: 'cat-car', nbr_annotations: 2, first_annotation_token: 'a1', last_annotation_token: 'a2' }],
    category: [{ token: 'cat-car', name: 'vehicle.car', description: 'cars' }],
    attribute: [],
  };
}

const texts = (t: Record<string, unknown[]>) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, JSON.stringify(v)])) as Partial<Record<NuTableName, string>>;

describe('nuScenes tables → frames', () => {
  it('lists the LiDAR keyframes in time order with poses, boxes in each LiDAR frame and instance track ids', () => {
    const { tables, problems } = parseNuscenesTables(texts(nuscenesTables()));
    expect(problems).toEqual([]);
    const frames = nuscenesFrames(tables);
    expect(frames.map((f) => f.id)).toEqual([
      'n015-2018-07-24-11-22-45_0800__LIDAR_TOP__1532402927647951',
      'n015-2018-07-24-11-22-45_0800__LIDAR_TOP__1532402928147847',
    ]);
    expect(frames[0].sequence).toBe('scene-0001');
    const [c1, c2] = [frames[0].cuboids[0], frames[1].cuboids[0]];
    expect([c1.id, c1.trackId, c1.label, c1.attributes.occluded]).toEqual(['a1', 'i1', 'vehicle.car', 0]);
    expect(c2.trackId).toBe('i1');
    expect(c2.attributes.occluded).toBe(2);
    // The ego moved 5 m north: the parked car is 5 m closer in the second frame's LiDAR frame.
    expect(c1.center[1]).toBeCloseTo(9, 9);
    expect(c2.center[1]).toBeCloseTo(4, 9);
    // The sensor sits 1 m ahead (north) of the ego origin.
    expect(frames[1].pose[7]).toBeCloseTo(206, 9);
  });

  it('leaves out rows that refer to missing tokens, naming the file, row and field; the rest still loads', () => {
    const t = nuscenesTables();
    (t.sample_annotation[1] as { instance_token: string }).instance_token = 'nope';
    (t.sample_data[1] as { ego_pose_token: string }).ego_pose_token = 'gone';
    const { tables, problems } = parseNuscenesTables(texts(t));
    expect(problems.map((p) => p.message)).toEqual([
      'sample_data.json: row 1 (token "sd2"), field "ego_pose_token": no ego_pose has token "gone"; row left out',
      'sample_annotation.json: row 1 (token "a2"), field "instance_token": no instance has token "nope"; row left out',
    ]);
    expect(nuscenesFrames(tables)).toHaveLength(1);
  });

  it('names the field of a malformed row and refuses a table that is not JSON or is missing', () => {
    const t = nuscenesTables();
    (t.sample_annotation[0] as { size: unknown }).size = [2, -1, 1];
    const { problems } = parseNuscenesTables(texts(t));
    expect(problems[0].message).toMatch(/^sample_annotation\.json: row 0 \(token "a1"\), field "size": expected \[width, length, height\]/);
    expect(() => parseNuscenesTables({ ...texts(nuscenesTables()), ego_pose: '[{' })).toThrow(/^ego_pose\.json: not valid JSON/);
    const { category: _c, ...rest } = texts(nuscenesTables());
    expect(() => parseNuscenesTables(rest)).toThrow(/^category\.json: the table is missing/);
  });

  it('keeps the annotation attribute names (attribute.json) as the nuscenes_attribute of each box', () => {
    const t = nuscenesTables();
    t.attribute = [
      { token: 'at-moving', name: 'vehicle.moving', description: '' },
      { token: 'at-rider', name: 'cycle.with_rider', description: '' },
    ];
    (t.sample_annotation[0] as { attribute_tokens: string[] }).attribute_tokens = ['at-rider', 'unknown-token', 'at-moving'];
    const parsed = parseNuscenesTables(texts(t));
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'sample_annotation.json: row 0 (token "a1"), field "attribute_tokens": no attribute has token "unknown-token"; the token is ignored',
    ]);
    const frames = nuscenesFrames(parsed.tables);
    expect(frames[0].cuboids[0].attributes.nuscenes_attribute).toBe('cycle.with_rider,vehicle.moving');
    expect(frames[1].cuboids[0].attributes).toEqual({ truncated: 0, occluded: 2 });
  });

  it('makes frame ids the app accepts from nuScenes file names', () => {
    expect(nuscenesFrameId('samples/LIDAR_TOP/n008-2018-08-01-15-16-36-0400__LIDAR_TOP__1533151603547590.pcd.bin')).toBe(
      'n008-2018-08-01-15-16-36-0400__LIDAR_TOP__1533151603547590',
    );
    expect(nuscenesFrameId('samples/LIDAR_TOP/a+b c.pcd.bin')).toBe('a_b_c');
  });
});
