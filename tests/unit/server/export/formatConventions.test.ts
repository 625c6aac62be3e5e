/**
 * Each export format against what its owners publish (read at the sources named per test; no code
 * of theirs is used): field names and order, units, box centre, size order, heading and quaternion
 * conventions, info-file keys. One frame, two boxes of known geometry, exported in every format.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { DirectorySink } from '../../../../src/server/export/ExportSink.ts';
import { ReadOnlyExportSource } from '../../../../src/server/export/ReadOnlyExportSource.ts';
import { exportLabelFormat, type LabelExportFormat } from '../../../../src/server/export/formats/exportLabelFormat.ts';
import { openWorkspace } from '../../../../src/server/openWorkspace.ts';
import { makeKittiDataset, makeTempDir } from '../fixtures/makeDataset.ts';

const root = makeTempDir('cuboid-conventions-');
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const CAR: Cuboid = {
  id: 'car',
  trackId: 't7',
  label: 'Car',
  center: [12, 2.5, -0.9],
  size: [4.2, 1.8, 1.55], // length along the heading, width, height (m)
  yaw: 0.3,
  attributes: { truncated: 0, occluded: 1 },
  source: 'manual',
};
const BIKE: Cuboid = {
  ...CAR,
  id: 'bike',
  trackId: 't9',
  label: 'Cyclist',
  center: [8, -3, -0.8],
  size: [1.8, 0.6, 1.7],
  yaw: -2.9,
  attributes: { truncated: 0.3, occluded: 0 },
};
const data = path.join(root, 'data');
const state = path.join(root, 'state');
const outs = {} as Record<LabelExportFormat, string>;

beforeAll(async () => {
  makeKittiDataset(data, { ids: ['000000'], points: 20 });
  const ws = await openWorkspace({ dataDir: data, stateDir: state });
  try {
    const frame = ws.service.dataset.get('000000')!;
    const current = await ws.service.getAnnotation(frame, null);
    expect((await ws.service.saveAnnotation(frame, { ...current, cuboids: [CAR, BIKE] }, current.revision, null)).ok).toBe(true);
  } finally {
    await ws.close();
  }
  for (const format of ['kitti-tracking', 'nuscenes', 'openlabel', 'openpcdet', 'mmdet3d'] as const) {
    const src = await ReadOnlyExportSource.open({ dataDir: data, stateDir: state });
    try {
      outs[format] = path.join(root, format);
      await exportLabelFormat(src, new DirectorySink(outs[format]), { format });
    } finally {
      await src.close();
    }
  }
}, 60_000);

const json = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const close = (a: readonly number[], b: readonly number[], digits = 6) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], digits));

describe('nuScenes (nuscenes-devkit: docs/schema_nuscenes.md, nuscenes.py, eval/common/utils.py)', () => {
  const dir = () => path.join(outs.nuscenes, 'v1.0-cuboid');

  it('writes the 13 tables NuScenes() loads, a map row naming every log with an existing mask file', () => {
    // nuscenes.py: table_names, and __make_reverse_index__ reads self.map[0]['log_tokens'] and maps every log.
    for (const t of [
      'category',
      'attribute',
      'visibility',
      'instance',
      'sensor',
      'calibrated_sensor',
      'ego_pose',
      'log',
      'scene',
      'sample',
      'sample_data',
      'sample_annotation',
      'map',
    ])
      expect(Array.isArray(json(path.join(dir(), `${t}.json`)))).toBe(true);
    const maps = json(path.join(dir(), 'map.json')) as { log_tokens: string[]; filename: string; category: string }[];
    const logs = json(path.join(dir(), 'log.json')) as { token: string }[];
    expect(maps[0].log_tokens.sort()).toEqual(logs.map((l) => l.token).sort());
    // MapMask asserts the file exists (utils/map_mask.py); it is a PNG.
    expect([...fs.readFileSync(path.join(outs.nuscenes, maps[0].filename)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('sample_annotation: the schema fields, translation = centre, size = [w, l, h], rotation = [w, x, y, z] of the heading; quaternion_yaw gives the yaw back', () => {
    const anns = json(path.join(dir(), 'sample_annotation.json')) as Record<string, unknown>[];
    expect(Object.keys(anns[0]).sort()).toEqual(
      [
        'attribute_tokens',
        'instance_token',
        'next',
        'num_lidar_pts',
        'num_radar_pts',
        'prev',
        'rotation',
        'sample_token',
        'size',
        'token',
        'translation',
        'visibility_token',
      ].sort(),
    );
    const car = anns[0] as { translation: number[]; size: number[]; rotation: number[] };
    close(car.translation, CAR.center, 9); // no ego pose: identity ego_pose and calibrated_sensor, LiDAR frame = global
    expect(car.size).toEqual([1.8, 4.2, 1.55]);
    close(car.rotation, [Math.cos(0.15), 0, 0, Math.sin(0.15)], 9);
    // eval/common/utils.py quaternion_yaw: rotate (1, 0, 0) by the quaternion, atan2(v_y, v_x).
    const [w, x, y, z] = car.rotation;
    const vx = 1 - 2 * (y * y + z * z);
    const vy = 2 * (x * y + w * z);
    expect(Math.atan2(vy, vx)).toBeCloseTo(0.3, 8); // the quaternion is written to 9 decimals
    // schema: visibility_token is a visibility row's token (occluded 1 → '3', 60–80 %).
    expect((anns[0] as { visibility_token: string }).visibility_token).toBe('3');
  });

  it('sample_data: the LIDAR_TOP keyframe file is float32 x y z intensity ring (5 values), in microsecond timestamps', () => {
    const sd = (json(path.join(dir(), 'sample_data.json')) as { filename: string; is_key_frame: boolean; timestamp: number; fileformat: string }[])[0];
    expect(sd.filename).toBe('samples/LIDAR_TOP/000000.pcd.bin');
    expect(sd.is_key_frame).toBe(true);
    expect(sd.fileformat).toBe('pcd');
    expect(Number.isInteger(sd.timestamp)).toBe(true);
    expect(fs.statSync(path.join(outs.nuscenes, sd.filename)).size).toBe(20 * 5 * 4);
    const sensor = (json(path.join(dir(), 'sensor.json')) as { channel: string; modality: string }[])[0];
    expect(sensor).toMatchObject({ channel: 'LIDAR_TOP', modality: 'lidar' });
  });
});

describe('KITTI tracking (tracking devkit readme: 17 columns; calib keys R_rect, Tr_velo_cam without colons)', () => {
  it('label_02 lines: frame, track id, type, integer truncation level, occluded, alpha, bbox, h w l, bottom centre in camera 0 (rectified), rotation_y', () => {
    const lines = fs
      .readFileSync(path.join(outs['kitti-tracking'], 'training', 'label_02', '0000.txt'), 'utf8')
      .trim()
      .split('\n');
    const cols = lines.map((l) => l.split(' '));
    expect(cols.map((c) => c.length)).toEqual([17, 17]);
    const [car, bike] = cols;
    expect(car.slice(0, 3)).toEqual(['0', '0', 'Car']);
    expect(bike.slice(0, 3)).toEqual(['0', '1', 'Cyclist']);
    // truncated: an integer level (0, 1, 2) in tracking, not the object benchmark's fraction.
    expect([car[3], car[4], bike[3]]).toEqual(['0', '1', '1']);
    expect(car.slice(10, 13).map(Number)).toEqual([1.55, 1.8, 4.2]);
    // location = R0_rect · Tr_velo_to_cam · (bottom centre in the LiDAR frame), from the calib text.
    const calib = fs.readFileSync(path.join(data, 'calib', '000000.txt'), 'utf8');
    const row = (key: string) =>
      calib
        .split('\n')
        .find((l) => l.startsWith(`${key}:`))!
        .split(/\s+/)
        .slice(1)
        .map(Number);
    const R = row('R0_rect');
    const T = row('Tr_velo_to_cam');
    const p = [CAR.center[0], CAR.center[1], CAR.center[2] - CAR.size[2] / 2];
    const cam = [0, 1, 2].map((i) => T[4 * i] * p[0] + T[4 * i + 1] * p[1] + T[4 * i + 2] * p[2] + T[4 * i + 3]);
    const rect = [0, 1, 2].map((i) => R[3 * i] * cam[0] + R[3 * i + 1] * cam[1] + R[3 * i + 2] * cam[2]);
    close(car.slice(13, 16).map(Number), rect, 5);
    // rotation_y about camera y (down): −yaw − π/2 for a camera whose z is the LiDAR's x (to the calib's small tilt).
    expect(Number(car[16])).toBeCloseTo(-0.3 - Math.PI / 2, 1);
    const tcalib = fs.readFileSync(path.join(outs['kitti-tracking'], 'training', 'calib', '0000.txt'), 'utf8');
    expect(
      tcalib
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['P0:', 'P1:', 'P2:', 'P3:', 'R_rect', 'Tr_velo_cam', 'Tr_imu_velo']);
  });
});

describe('OpenPCDet custom (docs/CUSTOM_DATASET_TUTORIAL.md, pcdet/datasets/custom/custom_dataset.py)', () => {
  it('labels/ID.txt: x y z dx dy dz heading_angle category_name, single spaces (the reader splits on " "), the name last', () => {
    const lines = fs
      .readFileSync(path.join(outs.openpcdet, 'labels', '000000.txt'), 'utf8')
      .trim()
      .split('\n');
    const car = lines[0].split(' ');
    expect(car).toHaveLength(8);
    expect(car[7]).toBe('Car');
    // Unified box (README): geometric centre, dx along the heading, heading counter-clockwise from +x.
    expect(car.slice(0, 7).map(Number)).toEqual([12, 2.5, -0.9, 4.2, 1.8, 1.55, 0.3]);
    expect(lines[1].split(' ')[6]).toBe('-2.900000');
  });

  it('points/ID.npy: NumPy 1.0 header, <f4, C order, shape (N, 4); ImageSets lists the ids', () => {
    const npy = fs.readFileSync(path.join(outs.openpcdet, 'points', '000000.npy'));
    expect([...npy.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLen = npy.readUInt16LE(8);
    // numpy.lib.format: the header ends with '\n' and leaves the data aligned (NumPy itself pads to 64; np.load reads any).
    expect((10 + headerLen) % 8).toBe(0);
    expect(npy.subarray(10, 10 + headerLen).toString('latin1')).toMatch(/^\{'descr': ?'<f4', ?'fortran_order': ?False, ?'shape': ?\(20, ?4\),? ?\} *\n$/);
    expect(npy.length - 10 - headerLen).toBe(20 * 4 * 4);
    const sets = ['train', 'val'].map((s) => fs.readFileSync(path.join(outs.openpcdet, 'ImageSets', `${s}.txt`), 'utf8'));
    expect(sets.join('')).toBe('000000\n');
  });
});

describe('mmdetection3d custom (docs/en/advanced_guides/customize_dataset.md, det3d_dataset.py, lidar_box3d.py)', () => {
  it('info file: metainfo.classes, data_list with lidar_points.lidar_path and instances bbox_3d (bottom centre) / bbox_label_3d', () => {
    const info = json(path.join(outs.mmdet3d, 'custom_infos_train.json')) as {
      metainfo: { classes: string[] };
      data_list: { lidar_points: { lidar_path: string; num_pts_feats: number }; instances: { bbox_3d: number[]; bbox_label_3d: number }[] }[];
    };
    const val = json(path.join(outs.mmdet3d, 'custom_infos_val.json')) as typeof info;
    const entry = [...info.data_list, ...val.data_list][0];
    // The same list in every export (KITTI's classes in its order, then others): a config's class list holds.
    expect(info.metainfo.classes).toEqual(['Car', 'Van', 'Truck', 'Pedestrian', 'Person_sitting', 'Cyclist', 'Tram', 'Misc']);
    expect(entry.lidar_points).toEqual({ lidar_path: '000000.bin', num_pts_feats: 4 });
    const car = entry.instances[0];
    expect(car.bbox_label_3d).toBe(0);
    expect(entry.instances[1].bbox_label_3d).toBe(5);
    // LiDARInstance3DBoxes: (x, y, z, x_size, y_size, z_size, yaw), origin (0.5, 0.5, 0): z at the bottom.
    close(car.bbox_3d, [12, 2.5, -0.9 - 1.55 / 2, 4.2, 1.8, 1.55, 0.3], 6);
    expect(fs.statSync(path.join(outs.mmdet3d, 'points', '000000.bin')).size).toBe(20 * 16);
  });
});

describe('ASAM OpenLABEL 1.0.0 (schema validated in labelFormatsRoundTrip.test.ts)', () => {
  it('cuboid val = x, y, z, qx, qy, qz, qw, sx, sy, sz in the LIDAR_TOP sensor_cs; stream LIDAR_TOP is a lidar', () => {
    const doc = json(path.join(outs.openlabel, 'openlabel.json')) as {
      openlabel: {
        metadata: { schema_version: string };
        streams: Record<string, { type: string }>;
        coordinate_systems: Record<string, { type: string }>;
        frames: Record<string, { objects: Record<string, { object_data: { cuboid: { name: string; val: number[]; coordinate_system: string }[] } }> }>;
        objects: Record<string, { name: string; type: string }>;
      };
    };
    const ol = doc.openlabel;
    expect(ol.metadata.schema_version).toBe('1.0.0');
    expect(ol.streams.LIDAR_TOP.type).toBe('lidar');
    expect(ol.coordinate_systems.LIDAR_TOP.type).toBe('sensor_cs');
    expect(Object.values(ol.objects).map((o) => [o.name, o.type])).toEqual([
      ['t7', 'Car'],
      ['t9', 'Cyclist'],
    ]);
    const cuboid = ol.frames['0'].objects['0'].object_data.cuboid[0];
    expect(cuboid.coordinate_system).toBe('LIDAR_TOP');
    close(cuboid.val, [12, 2.5, -0.9, 0, 0, Math.sin(0.15), Math.cos(0.15), 4.2, 1.8, 1.55], 9);
  });
});
