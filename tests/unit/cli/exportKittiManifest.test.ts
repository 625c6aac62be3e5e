/**
 * The default `kitti` export's manifest records what the other formats' manifests do (format,
 * version, boxes, classes, conversions), and the summary names the point formats it converted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSIONS } from '../../../src/domain/formats/LabelFormats.ts';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { makePly } from '../../helpers/makePly.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-kitti-manifest-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const CAR = 'Car 0.00 0 -1.67 657.39 190.13 700.07 223.39 1.41 1.58 4.36 3.18 2.27 34.38 -1.58';
const PEDESTRIAN = 'Pedestrian 0.00 0 0.21 423.17 173.67 433.17 224.03 1.60 0.57 0.31 -7.98 1.85 37.21 0.01';
const DONT_CARE = 'DontCare -1 -1 -10 503.89 169.71 590.61 190.13 -1 -1 -1 -1000 -1000 -1000 -10';

/** `000000` (.bin) with two cars and a DontCare, `000001` (.pcd) with a pedestrian, `000002` (.ply) without boxes or calib. */
function dataset(): string {
  const data = makeKittiDataset(path.join(root, 'data'), {
    ids: ['000000', '000001'],
    pcd: ['000001'],
    labels: { '000000': `${CAR}\n${CAR}\n${DONT_CARE}\n`, '000001': `${PEDESTRIAN}\n` },
  });
  const vertex = {
    name: 'vertex',
    properties: ['x', 'y', 'z'].map((name) => ({ name, type: 'float' as const })),
    records: [
      [1, 2, 3],
      [4, 5, 6],
    ],
  };
  fs.writeFileSync(path.join(data, 'velodyne', '000002.ply'), makePly('binary_little_endian', [vertex]));
  return data;
}

describe('the kitti export manifest', () => {
  it('records format, formatVersion, boxes, classes with box counts and conversions, and keeps its own fields', async () => {
    const out = path.join(root, 'out');
    const res = await runCli(['export', dataset(), '--out', out]);
    expect(res.code).toBe(0);
    expect(res.err).toMatch(/^cuboid export: warning  the dataset's 1 \.bin file read as xyzi by detection [^\n]*\n$/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      tool: 'cuboid',
      format: 'kitti',
      formatVersion: FORMAT_VERSIONS.kitti,
      frames: 3,
      frameIds: ['000000', '000001', '000002'],
      boxes: 3,
      classes: ['Car', 'Pedestrian'],
      boxesByClass: { Car: 2, Pedestrian: 1 },
      conversions: [
        'points: 2 .pcd and .ply files converted to KITTI .bin float32 x y z intensity',
        "points: intensity rescaled to 0–1 (KITTI's reflectance, as KITTI-trained models expect) from 0–255 in 1 frame; --intensity keep writes it as stored",
        '1 frame has no calib: the no-camera synthetic calib was written (2D boxes 0 0 0 0)',
      ],
      // The fields the manifest had before, for readers of them.
      options: { split: 0.8, seed: 'cuboid', statuses: null, bin: true, intensity: 'scale' },
      noCamera: ['000002'],
      emptyLabels: ['000002'],
    });
    expect(manifest.labelFormat).toMatch(/^KITTI label_2/);
    expect(res.out).toContain('  converted 2 .pcd and .ply files to KITTI .bin (x y z intensity float32; --no-bin copies them as they are)\n');
  });
});
