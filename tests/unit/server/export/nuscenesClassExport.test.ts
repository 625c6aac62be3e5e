import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectorySink } from '../../../../src/server/export/ExportSink.ts';
import { ReadOnlyExportSource } from '../../../../src/server/export/ReadOnlyExportSource.ts';
import { exportDataset } from '../../../../src/server/export/exportDataset.ts';
import { exportLabelFormat } from '../../../../src/server/export/formats/exportLabelFormat.ts';
import { makeTempDir } from '../fixtures/makeDataset.ts';
import { makeNuscenesDataset } from '../fixtures/makeSequenceDatasets.ts';

const root = makeTempDir();
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const qz = (a: number): number[] => [Math.cos(a / 2), 0, 0, Math.sin(a / 2)];

/** The fixture's scene with a cyclist, a parked bicycle and a barrier beside the parked car in sample s0. */
function makeDataset(dir: string): string {
  return makeNuscenesDataset(dir, (t) => {
    t.attribute = [
      { token: 'at-rider', name: 'cycle.with_rider', description: '' },
      { token: 'at-norider', name: 'cycle.without_rider', description: '' },
    ];
    t.category.push({ token: 'cat-bike', name: 'vehicle.bicycle', description: '' }, { token: 'cat-barrier', name: 'movable_object.barrier', description: '' });
    const ann = (token: string, instance: string, attrs: string[], x: number) => ({
      token,
      sample_token: 's0',
      instance_token: instance,
      visibility_token: '4',
      attribute_tokens: attrs,
      translation: [x, 215, 0.8],
      size: [0.6, 1.8, 1.7],
      rotation: qz(Math.PI / 2),
      num_lidar_pts: 10,
      num_radar_pts: 0,
      prev: '',
      next: '',
    });
    t.sample_annotation.push(
      ann('a-rider', 'i-rider', ['at-rider'], 95),
      ann('a-parked', 'i-parked', ['at-norider'], 94),
      ann('a-barrier', 'i-barrier', [], 106),
    );
    t.instance.push(
      { token: 'i-rider', category_token: 'cat-bike', nbr_annotations: 1, first_annotation_token: 'a-rider', last_annotation_token: 'a-rider' },
      { token: 'i-parked', category_token: 'cat-bike', nbr_annotations: 1, first_annotation_token: 'a-parked', last_annotation_token: 'a-parked' },
      { token: 'i-barrier', category_token: 'cat-barrier', nbr_annotations: 1, first_annotation_token: 'a-barrier', last_annotation_token: 'a-barrier' },
    );
  });
}

describe('exporting a nuScenes dataset to KITTI-class formats', () => {
  const data = makeDataset(path.join(root, 'nu'));

  it('kitti: label_2 has KITTI classes (car → Car, bicycle with rider → Cyclist, without → Misc), the barrier kept, and the manifest says so', async () => {
    const src = await ReadOnlyExportSource.open({ dataDir: data, stateDir: path.join(root, 's-kitti') });
    const out = path.join(root, 'out-kitti');
    try {
      const summary = await exportDataset(src, new DirectorySink(out), { points: false });
      const first = src.dataset.ids()[0];
      const types = fs
        .readFileSync(path.join(out, 'training', 'label_2', `${first}.txt`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0])
        .sort();
      expect(types).toEqual(['Car', 'Cyclist', 'Misc', 'movable_object.barrier']);
      expect(summary.classMapping).toEqual([
        { from: 'movable_object.barrier', to: 'movable_object.barrier', because: '', boxes: 1 },
        { from: 'vehicle.bicycle', to: 'Cyclist', because: 'cycle.with_rider', boxes: 1 },
        { from: 'vehicle.bicycle', to: 'Misc', because: 'cycle.without_rider', boxes: 1 },
        { from: 'vehicle.car', to: 'Car', because: '', boxes: 3 },
      ]);
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8')) as { conversions: string[]; classMapping: unknown[] };
      expect(manifest.classMapping).toHaveLength(4);
      expect(manifest.conversions[0]).toMatch(
        /vehicle\.bicycle \(cycle\.with_rider\) → Cyclist ×1, vehicle\.bicycle \(cycle\.without_rider\) → Misc ×1, vehicle\.car → Car ×3/,
      );
    } finally {
      await src.close();
    }
  });

  it('kitti-tracking and openpcdet write KITTI classes; nuscenes keeps the categories and writes the rider attribute back', async () => {
    const run = async (format: 'kitti-tracking' | 'openpcdet' | 'nuscenes') => {
      const src = await ReadOnlyExportSource.open({ dataDir: data, stateDir: path.join(root, `s-${format}`) });
      try {
        const out = path.join(root, `out-${format}`);
        return { out, summary: await exportLabelFormat(src, new DirectorySink(out), { format, points: false }) };
      } finally {
        await src.close();
      }
    };
    for (const format of ['kitti-tracking', 'openpcdet'] as const) {
      const { summary } = await run(format);
      expect(summary.classes).toEqual(['Car', 'Cyclist', 'Misc', 'movable_object.barrier']);
      expect(summary.conversions[0]).toMatch(/^classes: nuScenes categories mapped to KITTI classes/);
    }
    const nu = await run('nuscenes');
    expect(nu.summary.classes).toEqual(['movable_object.barrier', 'vehicle.bicycle', 'vehicle.car']);
    const dir = path.join(nu.out, 'v1.0-cuboid');
    const attrs = JSON.parse(fs.readFileSync(path.join(dir, 'attribute.json'), 'utf8')) as { token: string; name: string }[];
    expect(attrs.map((a) => a.name).sort()).toEqual(['cycle.with_rider', 'cycle.without_rider']);
    const anns = JSON.parse(fs.readFileSync(path.join(dir, 'sample_annotation.json'), 'utf8')) as { attribute_tokens: string[] }[];
    expect(anns.filter((a) => a.attribute_tokens.length === 1)).toHaveLength(2);
  });
});
