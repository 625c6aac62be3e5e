import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importLabelFormat } from '../../../../src/server/import/formats/importLabelFormat.ts';
import { openWorkspace } from '../../../../src/server/openWorkspace.ts';
import { runExport } from '../../../../src/cli/exportCommand.ts';
import { makeKittiDataset, makeTempDir } from '../fixtures/makeDataset.ts';

const root = makeTempDir();
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Runs an import of `format` from `labels` into a fresh 3-frame KITTI dataset. */
async function importInto(name: string, format: Parameters<typeof importLabelFormat>[2], write: (labels: string) => void, minScore?: number) {
  const data = makeKittiDataset(path.join(root, name, 'data'));
  const labels = path.join(root, name, 'labels');
  fs.mkdirSync(labels, { recursive: true });
  write(labels);
  const ws = await openWorkspace({ dataDir: data, stateDir: path.join(root, name, 'state') });
  try {
    const summary = await importLabelFormat(ws.service, labels, format, { actor: 'test', ...(minScore !== undefined ? { minScore } : {}) });
    const docs = await Promise.all(['000000', '000001', '000002'].map((id) => ws.service.getAnnotation(ws.service.dataset.get(id)!, null)));
    return { summary, docs };
  } finally {
    await ws.close();
  }
}

describe('import --format: a bad file is reported, the rest is imported', () => {
  it('openpcdet: a line with a bad column names the file, line and field; the other frames come in with their scores', async () => {
    const { summary, docs } = await importInto(
      'pcdet',
      'openpcdet',
      (dir) => {
        fs.mkdirSync(path.join(dir, 'labels'));
        fs.writeFileSync(path.join(dir, 'labels', '000000.txt'), '10 2 -0.8 4.2 1.8 1.5 0.1 Car 0.9\n12 -3 -0.8 4.2 1.8 1.5 0.1 Car 0.2\n');
        fs.writeFileSync(path.join(dir, 'labels', '000001.txt'), '10 2 -0.8 4.2 1.8 1.5 0.1 Car\n10 2 -0.8 four 1.8 1.5 0.1 Car\n');
        fs.writeFileSync(path.join(dir, 'labels', '000009.txt'), '10 2 -0.8 4.2 1.8 1.5 0.1 Car\n');
      },
      0.5,
    );
    expect(summary.errors).toEqual([{ file: '000001.txt', error: '000001.txt: line 2, field "dx": "four" is not a number' }]);
    expect(summary.unknownFrames).toEqual(['000009.txt']);
    expect(summary.imported).toEqual([expect.objectContaining({ frameId: '000000', boxes: 1, belowScore: 1 })]);
    expect(docs[0].cuboids).toEqual([
      expect.objectContaining({ label: 'Car', center: [10, 2, -0.8], size: [4.2, 1.8, 1.5], yaw: 0.1, score: 0.9, source: 'import' }),
    ]);
    expect(docs[1].cuboids).toEqual([]);
  });

  it('kitti-tracking: a line with 16 values names the file and the line; the other sequence comes in with track ids', async () => {
    const good = '0 4 Car 0 0 -1.57 0 0 0 0 1.5 1.8 4.2 1.0 1.6 12.0 -1.57\n1 4 Car 0 0 -1.57 0 0 0 0 1.5 1.8 4.2 1.0 1.6 13.0 -1.57\n';
    const { summary, docs } = await importInto('tracking', 'kitti-tracking', (dir) => {
      fs.mkdirSync(path.join(dir, 'label_02'));
      fs.writeFileSync(path.join(dir, 'label_02', '0000.txt'), good);
      fs.writeFileSync(path.join(dir, 'label_02', '0001.txt'), '0 1 Car 0 0 -1.57 0 0 0 0 1.5 1.8 4.2 1.0 1.6 12.0\n');
    });
    expect(summary.errors).toEqual([{ file: '0001.txt', error: expect.stringMatching(/0001\.txt.*line 1.*expected 17 or 18 values/) }]);
    expect(summary.imported.map((f) => f.frameId)).toEqual(['000000', '000001']);
    expect(docs[0].cuboids[0].trackId).toBe('t4-s0000');
    expect(docs[1].cuboids[0].trackId).toBe('t4-s0000');
  });

  it('nuscenes: an annotation naming a missing instance is reported (file, row, field) and the frame still opens', async () => {
    const { summary } = await importInto('nu', 'nuscenes', (dir) => {
      const w = (name: string, rows: unknown[]) => fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(rows));
      w('sample', [{ token: 's1', timestamp: 0, scene_token: 'sc', prev: '', next: '' }]);
      w('sample_data', [
        {
          token: 'd1',
          sample_token: 's1',
          ego_pose_token: 'd1',
          calibrated_sensor_token: 'c1',
          filename: 'samples/LIDAR_TOP/000000.pcd.bin',
          timestamp: 0,
          is_key_frame: true,
        },
      ]);
      w('ego_pose', [{ token: 'd1', translation: [0, 0, 0], rotation: [1, 0, 0, 0], timestamp: 0 }]);
      w('calibrated_sensor', [{ token: 'c1', sensor_token: 'x', translation: [0, 0, 0], rotation: [1, 0, 0, 0] }]);
      w('sample_annotation', [
        {
          token: 'a1',
          sample_token: 's1',
          instance_token: 'nope',
          visibility_token: '4',
          attribute_tokens: [],
          translation: [1, 2, 3],
          size: [2, 4, 1.5],
          rotation: [1, 0, 0, 0],
          num_lidar_pts: 3,
        },
      ]);
      w('instance', []);
      w('category', []);
    });
    expect(summary.errors).toEqual([
      { file: 'sample_annotation.json', error: expect.stringMatching(/^sample_annotation\.json: row \d+ \(token "a1"\), field "instance_token"/) },
    ]);
    expect(summary.imported).toEqual([expect.objectContaining({ frameId: '000000', boxes: 0 })]);
  });

  it('nuscenes: an export opens as a dataset again, its tables read from v1.0-cuboid/', async () => {
    const data = makeKittiDataset(path.join(root, 'reopen', 'data'));
    const out = path.join(root, 'reopen', 'out');
    await runExport(data, { out, format: 'nuscenes' });
    const ws = await openWorkspace({ dataDir: out, stateDir: path.join(root, 'reopen', 's1') });
    try {
      expect(ws.service.dataset.warnings.filter((w) => w.includes('no nuScenes tables'))).toEqual([]);
      expect(ws.service.dataset.get('000001')?.points.path).toMatch(/samples[/\\]LIDAR_TOP[/\\]000001\.pcd\.bin$/);
    } finally {
      await ws.close();
    }
  });

  it('nuscenes: a detection results file comes back as scored boxes in each LiDAR frame', async () => {
    const data = makeKittiDataset(path.join(root, 'results', 'data'));
    const out = path.join(root, 'results', 'out');
    await runExport(data, { out, format: 'nuscenes' });
    const tables = path.join(out, 'v1.0-cuboid');
    const samples = JSON.parse(fs.readFileSync(path.join(tables, 'sample_data.json'), 'utf8')) as { sample_token: string; filename: string }[];
    const sample = samples.find((r) => r.filename.endsWith('/000001.pcd.bin'))!.sample_token;
    const half = Math.SQRT1_2;
    const box = (score: number) => ({
      sample_token: sample,
      translation: [10, 2, -0.8],
      size: [1.8, 4.2, 1.5],
      rotation: [half, 0, 0, half],
      velocity: [0, 0],
      detection_name: 'car',
      detection_score: score,
      attribute_name: '',
    });
    fs.writeFileSync(path.join(tables, 'results.json'), JSON.stringify({ meta: { use_lidar: true }, results: { [sample]: [box(0.8), box(0.1)] } }));
    const ws = await openWorkspace({ dataDir: data, stateDir: path.join(root, 'results', 's1') });
    try {
      const summary = await importLabelFormat(ws.service, path.join(tables, 'results.json'), 'nuscenes', { actor: 'test', minScore: 0.3 });
      expect(summary.errors).toEqual([]);
      expect(summary.imported).toEqual([expect.objectContaining({ frameId: '000001', boxes: 1, belowScore: 1 })]);
      const [c] = (await ws.service.getAnnotation(ws.service.dataset.get('000001')!, null)).cuboids;
      // No ego poses in the export: the global frame is the LiDAR frame; size [w, l, h] → [l, w, h]; yaw from the quaternion.
      expect(c).toMatchObject({ label: 'car', score: 0.8, size: [4.2, 1.8, 1.5] });
      expect(c.center.map((v) => Number(v.toFixed(9)))).toEqual([10, 2, -0.8]);
      expect(c.yaw).toBeCloseTo(Math.PI / 2, 12);
    } finally {
      await ws.close();
    }
  });
});

describe("KITTI tracking: the devkit's published lines come back as they were", () => {
  it('import then export reproduces the first lines of training label_02/0000.txt (no calib: the axis convention)', async () => {
    // The first two lines of KITTI tracking training/label_02/0000.txt (frame 0).
    const published = [
      '0 -1 DontCare -1 -1 -10.000000 219.310000 188.490000 245.500000 218.560000 -1000.000000 -1000.000000 -1000.000000 -10.000000 -1.000000 -1.000000 -1.000000',
      '0 0 Van 0 0 -1.793451 296.744956 161.752147 455.226042 292.372804 2.000000 1.823255 4.433886 -4.552284 1.858523 13.410495 -2.115488',
    ];
    const data = makeKittiDataset(path.join(root, 'published', 'data'), { ids: ['000000'], calib: [] });
    const labels = path.join(root, 'published', 'label_02');
    fs.mkdirSync(labels, { recursive: true });
    fs.writeFileSync(path.join(labels, '0000.txt'), `${published.join('\n')}\n`);
    const ws = await openWorkspace({ dataDir: data, stateDir: path.join(root, 'published', 'state') });
    try {
      const summary = await importLabelFormat(ws.service, labels, 'kitti-tracking', { actor: 'test' });
      expect(summary.errors).toEqual([]);
    } finally {
      await ws.close();
    }
    const out = path.join(root, 'published', 'out');
    await runExport(data, { out, format: 'kitti-tracking', state: path.join(root, 'published', 'state') });
    // Boxes first, then DontCare regions, within a frame (as label_2).
    expect(fs.readFileSync(path.join(out, 'training', 'label_02', '0000.txt'), 'utf8')).toBe(`${published[1]}\n${published[0]}\n`);
  });
});
