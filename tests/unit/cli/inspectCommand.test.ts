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

  it('names a KITTI calib or label file as such instead of a PCD error; a broken calib gets its line', async () => {
    const calib = await run(['inspect', path.join(SAMPLES, 'kitti/calib/000000.txt')]);
    expect(calib.code).toBe(1);
    expect(calib.err).toContain(
      '000000.txt is a KITTI calib file (P0, P1, P2, P3, R0_rect, Tr_velo_to_cam, Tr_imu_to_velo read): inspect describes point files',
    );
    const label = await run(['inspect', path.join(SAMPLES, 'kitti/label_2/000000.txt')]);
    expect(label.code).toBe(1);
    expect(label.err).toMatch(/000000\.txt is a KITTI label file \(\d+ objects?: [A-Za-z]+ \d+/);
    const image = await run(['inspect', path.join(SAMPLES, 'kitti/image_2/000000.png')]);
    expect(image.err).toContain('000000.png is not a point file');
    const dir = mkdtempSync(path.join(tmpdir(), 'cuboid-inspect-'));
    writeFileSync(path.join(dir, 'calib.txt'), 'P2: 1 2 3\n');
    const broken = await run(['inspect', path.join(dir, 'calib.txt')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('parseKittiCalib (calib.txt): line 1, field "P2": expected 12 values, found 3');
  });

  it('exits 1 naming the size for a .bin that is not whole records', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cuboid-inspect-'));
    const broken = path.join(dir, 'odd.bin');
    writeFileSync(broken, new Uint8Array(33));
    const { code, err } = await run(['inspect', broken]);
    expect(code).toBe(1);
    expect(err).toContain('33');
  });

  it('refuses a PCD with COUNT 0, naming the field (exit 1; a missing file is exit 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cuboid-inspect-'));
    const file = path.join(dir, 'zero.pcd');
    writeFileSync(file, 'VERSION 0.7\nFIELDS x y z intensity\nSIZE 4 4 4 4\nTYPE F F F F\nCOUNT 1 1 1 0\nWIDTH 1\nPOINTS 1\nDATA ascii\n1 2 3 4\n');
    const { code, err } = await run(['inspect', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/zero\.pcd.*field intensity has COUNT 0/);
    expect((await run(['inspect', path.join(dir, 'missing.pcd')])).code).toBe(2);
  });

  it('says a PCD has no x, y or z field instead of reporting bounds (0, 0, 0)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cuboid-inspect-'));
    const file = path.join(dir, 'noxyz.pcd');
    writeFileSync(file, 'VERSION 0.7\nFIELDS intensity ring\nSIZE 4 2\nTYPE F U\nCOUNT 1 1\nWIDTH 2\nPOINTS 2\nDATA ascii\n5 1\n6 2\n');
    const text = await run(['inspect', file]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/bounds\s+none \(the file has no x, y or z field\)/);
    expect(text.out).toMatch(/warning\s+no x, y, z fields/);
    const json = JSON.parse((await run(['inspect', file, '--json'])).out);
    expect(json).toMatchObject({ bounds: null, positionFields: [], points: 2 });
  });

  it("prints a broken file's error as JSON on stdout under --json", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cuboid-inspect-'));
    const file = path.join(dir, 'odd.bin');
    writeFileSync(file, new Uint8Array(33));
    const { code, out, err } = await run(['inspect', file, '--json']);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(JSON.parse(out)).toEqual({ error: { command: 'inspect', message: expect.stringContaining('33'), exitCode: 1 } });
  });
});

describe('cuboid --version and usage errors', () => {
  it('prints the package version', async () => {
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('exits 2 on an unknown command or option, in JSON under --json', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const json = await run(['inspect', '--json', '--colour']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).error).toMatchObject({ command: 'inspect', message: expect.stringContaining('--colour'), exitCode: 2 });
  });
});
