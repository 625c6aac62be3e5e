/**
 * Intensities in training exports: rescaled to the format's full scale (KITTI's 0..1
 * reflectance, nuScenes' 0..255) unless `--intensity keep`, and said so in the report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readVelodyneBin } from '../../../src/domain/kitti/readVelodyneBin.ts';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-export-intensity-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const CAR = 'Car 0.00 0 -1.67 657.39 190.13 700.07 223.39 1.41 1.58 4.36 3.18 2.27 34.38 -1.58';

/** `000000`: a KITTI .bin whose reflectances run 0–255 (as converters from nuScenes write them); `000001`: KITTI's own 0–1. */
function dataset(name: string): string {
  const data = makeKittiDataset(path.join(root, name), { ids: ['000000', '000001'], labels: { '000000': `${CAR}\n`, '000001': `${CAR}\n` } });
  const f = new Float32Array(20 * 4);
  for (let i = 0; i < 20; i++) f.set([5 + i * 0.1, -2, -1, i * 10], i * 4);
  fs.writeFileSync(path.join(data, 'velodyne', '000000.bin'), new Uint8Array(f.buffer));
  return data;
}

const reflectances = (file: string): number[] => Array.from(readVelodyneBin(new Uint8Array(fs.readFileSync(file))).attributes.intensity);

describe('export intensities', () => {
  it('kitti: a .bin with reflectances past 1 is rewritten on 0..1; a KITTI one is copied byte for byte', async () => {
    const data = dataset('scale');
    const out = path.join(root, 'scale-out');
    const res = await runCli(['export', data, '--out', out]);
    expect(res.code).toBe(0);
    const v = path.join(out, 'training', 'velodyne');
    expect(reflectances(path.join(v, '000000.bin'))).toEqual(Array.from({ length: 20 }, (_, i) => Math.fround((i * 10) / 255)));
    expect(fs.readFileSync(path.join(v, '000001.bin')).equals(fs.readFileSync(path.join(data, 'velodyne', '000001.bin')))).toBe(true);
    expect(res.out).toContain(
      "  intensity rescaled to 0–1 (KITTI's reflectance, as KITTI-trained models expect) from 0–255 in 1 frame; --intensity keep writes it as stored\n",
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8')) as { options: { intensity: string } };
    expect(manifest.options.intensity).toBe('scale');
  });

  it('kitti with --intensity keep: written as stored', async () => {
    const data = dataset('keep');
    const out = path.join(root, 'keep-out');
    const res = await runCli(['export', data, '--out', out, '--intensity', 'keep']);
    expect(res.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'training', 'velodyne', '000000.bin')).equals(fs.readFileSync(path.join(data, 'velodyne', '000000.bin')))).toBe(true);
    expect(res.out).not.toContain('rescaled');
    // The two frames' scales differ (0–255 and KITTI's 0–1): kept, they are said to be mixed.
    expect(res.out).toContain('  intensity kept as stored (--intensity keep), on 2 scales: 0–255 in 1 frame, 0–1 in 1 frame;');
  });

  it('openpcdet with --intensity keep: mixed scales are said to be mixed', async () => {
    const data = dataset('keep-pcdet');
    const res = await runCli(['export', data, '--out', path.join(root, 'keep-pcdet-out'), '--format', 'openpcdet', '--intensity', 'keep']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('intensity kept as stored (--intensity keep), on 2 scales: 0–255 in 1 frame, 0–1 in 1 frame;');
  });

  it('nuscenes: KITTI 0..1 reflectances become 0..255', async () => {
    const data = dataset('nusc');
    const out = path.join(root, 'nusc-out');
    const res = await runCli(['export', data, '--out', out, '--format', 'nuscenes']);
    expect(res.code).toBe(0);
    const bin = new Float32Array(new Uint8Array(fs.readFileSync(path.join(out, 'samples', 'LIDAR_TOP', '000001.pcd.bin'))).buffer);
    const source = reflectances(path.join(data, 'velodyne', '000001.bin'));
    expect(Array.from({ length: 20 }, (_, i) => bin[5 * i + 3])).toEqual(source.map((r) => Math.fround(r * 255)));
    expect(res.out).toContain("nuScenes' scale");
  });

  it('refuses an unknown --intensity with exit 2, naming it', async () => {
    const res = await runCli(['export', dataset('bad'), '--out', path.join(root, 'bad-out'), '--intensity', 'normalise']);
    expect(res.code).toBe(2);
    expect(res.err).toContain('--intensity "normalise" must be scale or keep');
  });
});
