/**
 * A flat folder of PLY, LAS and LAZ files is a dataset: `cuboid inspect`, `check` and `export`
 * read each format, and a broken file is named and skipped while the rest opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/server/dataset/Dataset.ts';
import { readFramePoints } from '../../../src/server/dataset/readFramePoints.ts';
import { readPointCount } from '../../../src/server/dataset/readPointCount.ts';
import { makeTempDir } from '../server/fixtures/makeDataset.ts';
import { makeLas } from '../../helpers/makeLas.ts';
import { makePly } from '../../helpers/makePly.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-ply-las-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const CAR = 'Car 0.00 0 -1.67 657.39 190.13 700.07 223.39 1.41 1.58 4.36 3.18 2.27 34.38 -1.58';

/** A car-sized blob of points 10 m ahead on flat ground, as PLY vertex records. */
function scene(n: number): { x: number; y: number; z: number; intensity: number }[] {
  const pts = [];
  for (let i = 0; i < n; i++) {
    const u = (i * 0.618034) % 1;
    const v = (i * 0.414214) % 1;
    pts.push(
      i % 2 === 0
        ? { x: -20 + 40 * u, y: -20 + 40 * v, z: -1.7, intensity: i % 100 }
        : { x: 9 + 2 * u, y: -1 + 2 * v, z: -1.6 + 1.4 * ((i * 0.3) % 1), intensity: 50 },
    );
  }
  return pts;
}

function makeFolder(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'label_2'), { recursive: true });
  const pts = scene(400);
  fs.writeFileSync(
    path.join(dir, 'a.ply'),
    makePly('binary_little_endian', [
      {
        name: 'vertex',
        properties: [
          { name: 'x', type: 'float' },
          { name: 'y', type: 'float' },
          { name: 'z', type: 'float' },
          { name: 'intensity', type: 'ushort' },
        ],
        records: pts.map((p) => [p.x, p.y, p.z, p.intensity]),
      },
    ]),
  );
  fs.writeFileSync(
    path.join(dir, 'b.las'),
    makeLas(
      pts.map((p) => ({ ...p, gpsTime: 1 })),
      { format: 1 },
    ),
  );
  fs.copyFileSync('tests/fixtures/laz/point10.las.laz', path.join(dir, 'c.laz'));
  fs.writeFileSync(
    path.join(dir, 'd.ply'),
    new TextEncoder().encode('ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float16 y\nend_header\n1 2\n'),
  );
  for (const id of ['a', 'b']) fs.writeFileSync(path.join(dir, 'label_2', `${id}.txt`), `${CAR}\n`);
  return dir;
}

describe('a flat folder of PLY, LAS and LAZ files', () => {
  it('is scanned with one frame per file, in its format, and counts points from the headers', async () => {
    const dir = makeFolder('scan');
    const ds = await Dataset.scan(dir);
    expect(ds.ids()).toEqual(['a', 'b', 'c', 'd']);
    expect(ds.ids().map((id) => ds.get(id)?.points.format)).toEqual(['ply', 'las', 'laz', 'ply']);
    expect(ds.get('a')?.points.binLayout).toBeNull();
    const counts = await Promise.all(ds.ids().map((id) => readPointCount(ds.get(id)!)));
    // d.ply's header is broken: no count (the reader names the problem when the frame is opened).
    expect(counts).toEqual([400, 400, 1065, null]);
    const cloud = await readFramePoints(ds.get('c')!);
    expect(cloud.count).toBe(1065);
    await expect(readFramePoints(ds.get('d')!)).rejects.toThrow(/^parsePly \(d\.ply\): header line 5: element vertex, property y: unknown type "float16"/);
  });

  it('cuboid check reads each format and names the broken file, checking the rest', async () => {
    const dir = makeFolder('check');
    const r = await runCli(['check', dir, '--json', '--threads', '1']);
    const report = JSON.parse(r.out) as { frames: { frameId: string; points: number }[]; unchecked: { frameId: string; reason: string; message: string }[] };
    expect(report.unchecked).toEqual([{ frameId: 'd', reason: 'unreadable', message: expect.stringMatching(/parsePly \(d\.ply\): header line 5/) }]);
    const points = Object.fromEntries(report.frames.filter((f) => f.points !== undefined).map((f) => [f.frameId, f.points]));
    expect(points).toMatchObject({ a: 400, b: 400, c: 1065 });
    expect(r.code).toBe(1);
  });

  it('cuboid check refuses a LAS whose header declares more points than the limit, before reading it', async () => {
    const dir = path.join(root, 'too-many');
    fs.mkdirSync(dir);
    const bytes = makeLas([{ x: 1, y: 2, z: 3 }], { format: 1 });
    new DataView(bytes.buffer).setUint32(107, 20_000_000, true);
    fs.writeFileSync(path.join(dir, 'e.las'), bytes);
    const r = await runCli(['check', dir, '--json', '--threads', '1']);
    const report = JSON.parse(r.out) as { unchecked: { frameId: string; reason: string; message: string }[] };
    expect(report.unchecked).toMatchObject([
      { frameId: 'e', reason: 'too_large', message: 'frame e has 20000000 points; the checks take at most 10000000 points' },
    ]);
  });

  it('cuboid export converts each to a KITTI .bin (x y z intensity float32) and names the broken one', async () => {
    const dir = makeFolder('export');
    const out = path.join(root, 'export-out');
    const r = await runCli(['export', dir, '--out', out, '--json']);
    expect(r.code).toBe(1);
    const velodyne = path.join(out, 'training', 'velodyne');
    expect(fs.readdirSync(velodyne).sort()).toEqual(['a.bin', 'b.bin', 'c.bin']);
    const a = new Float32Array(new Uint8Array(fs.readFileSync(path.join(velodyne, 'a.bin'))).buffer);
    expect(a.length).toBe(400 * 4);
    expect([a[0], a[1], a[2], a[3]]).toEqual([Math.fround(-20), Math.fround(-20), Math.fround(-1.7), 0]);
    const b = new Float32Array(new Uint8Array(fs.readFileSync(path.join(velodyne, 'b.bin'))).buffer);
    // A 16-bit intensity is rescaled to KITTI's 0..1 from 65535.
    expect(b[4 * 3 + 3]).toBe(Math.fround(50 / 65535));
    expect(b[4 * 2]).toBeCloseTo(a[4 * 2], 3);
    expect(fs.statSync(path.join(velodyne, 'c.bin')).size).toBe(1065 * 16);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8')) as { skipped: { frameId: string; reason: string }[] };
    expect(manifest.skipped.map((s) => s.frameId)).toEqual(['d']);
    expect(manifest.skipped[0].reason).toMatch(/unknown type "float16"/);
  });

  it('cuboid inspect describes PLY, LAS and LAZ files (and --json)', async () => {
    const dir = makeFolder('inspect');
    const ply = await runCli(['inspect', path.join(dir, 'a.ply'), '--json']);
    expect(ply.code).toBe(0);
    expect(JSON.parse(ply.out)).toMatchObject({
      format: 'ply',
      encoding: 'binary_little_endian',
      version: '1.0',
      points: 400,
      nanPoints: 0,
      positionFields: ['x', 'y', 'z'],
      ply: { elements: [{ name: 'vertex', count: 400 }] },
    });
    const las = await runCli(['inspect', path.join(dir, 'b.las'), '--json']);
    expect(JSON.parse(las.out)).toMatchObject({
      format: 'las',
      version: '1.2',
      points: 400,
      las: { pointFormat: 1, recordLength: 28, scale: [0.001, 0.001, 0.001], laszip: null },
    });
    const laz = await runCli(['inspect', path.join(dir, 'c.laz')]);
    expect(laz.code).toBe(0);
    expect(laz.out).toMatch(/^format {5}laz v1\.2, point format 0, 20-byte records, LASzip 2\.2 r0 pointwise and chunked$/m);
    expect(laz.out).toMatch(/^points {5}1,065$/m);
    const bad = await runCli(['inspect', path.join(dir, 'd.ply'), '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error.message).toMatch(/^parsePly \(d\.ply\): header line 5/);
  });
});
