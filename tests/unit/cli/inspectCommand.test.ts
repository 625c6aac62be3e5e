import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli/main.ts';

const SAMPLES = path.resolve(process.cwd(), '../shared/samples');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('cuboid inspect', () => {
  it('describes an organized PCD with NaN points as JSON', async () => {
    const file = path.join(SAMPLES, 'pcd/pcl_table_scene_organized_nan_xyzrgba_binary_compressed.pcd');
    const { code, out } = await run(['inspect', file, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ format: 'pcd', encoding: 'binary_compressed', points: 307200, nanPoints: 97920, width: 640, height: 480, organized: true });
    expect(r.fields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual(['x:F', 'y:F', 'z:F', 'rgba:U']);
    expect(r.viewpoint).toEqual([0, 0, 0, 0, 1, 0, 0]);
  });

  it('describes a KITTI velodyne .bin in words', async () => {
    const { code, out } = await run(['inspect', path.join(SAMPLES, 'kitti/velodyne/000000.bin')]);
    expect(code).toBe(0);
    expect(out).toContain('kitti-bin');
    expect(out).toContain('115,384');
    expect(out).toMatch(/fields\s+x:F4 y:F4 z:F4 intensity:F4/);
  });

  it('exits 1 with the parser error on a truncated file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cuboid-inspect-'));
    const broken = path.join(dir, 'cut.pcd');
    writeFileSync(broken, readFileSync(path.join(SAMPLES, 'pcd/velodyne_hdl32_outdoor_xyzi_binary.pcd')).subarray(0, 1000));
    const { code, err } = await run(['inspect', broken]);
    expect(code).toBe(1);
    expect(err).toContain('truncated body');
    expect(err).toContain('cut.pcd');
  });

  it('exits 1 naming the size for a .bin that is not whole records', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cuboid-inspect-'));
    const broken = path.join(dir, 'odd.bin');
    writeFileSync(broken, new Uint8Array(33));
    const { code, err } = await run(['inspect', broken]);
    expect(code).toBe(1);
    expect(err).toContain('33');
  });
});
