import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Dataset } from '../../../../src/server/dataset/Dataset.ts';
import { readPointCount } from '../../../../src/server/dataset/readPointCount.ts';
import { readFramePoints } from '../../../../src/server/dataset/readFramePoints.ts';
import { SHARED_KITTI, SHARED_SAMPLES, makeTempDir } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';
import type { DatasetInfo } from '../../../../src/domain/api/wireTypes.ts';

const AV2 = path.join(SHARED_SAMPLES, 'multisensor/av2_adcf7d18_315973157959879000/315973157959879000_xyz_intensity_laser.f32.bin');
const SUSTECH = path.join(SHARED_SAMPLES, 'multisensor/sustechpoints_example_000975/000975_xyz_intensity_ring.f32.bin');

const dirs: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A flat dataset folder holding copies of the given files under the given names. */
function dataset(files: Record<string, string>, datasetFile?: string): string {
  const root = makeTempDir('cuboid-binlayout-');
  dirs.push(root);
  for (const [name, from] of Object.entries(files)) fs.copyFileSync(from, path.join(root, name));
  if (datasetFile !== undefined) fs.writeFileSync(path.join(root, 'cuboid.json'), datasetFile);
  return root;
}

describe('Dataset.scan: the layout of .bin files', () => {
  it('reads *.pcd.bin as nuScenes xyzir by name; the frame id drops the whole .pcd.bin', async () => {
    const root = dataset({ 'av2_sweep.pcd.bin': AV2 });
    const ds = await Dataset.scan(root);
    expect(ds.ids()).toEqual(['av2_sweep']);
    const frame = ds.get('av2_sweep');
    expect(frame?.points.format).toBe('bin');
    expect(frame?.points.binLayout).toMatchObject({ name: 'xyzir', source: 'file-name', warning: null });
    expect(ds.warnings).toEqual([]);
    expect(await readPointCount(frame!)).toBe(100_660);
    const cloud = await readFramePoints(frame!);
    expect(cloud.count).toBe(100_660);
    expect(cloud.attributes.ring).toBeInstanceOf(Uint16Array);
  });

  it('detects xyzir for plain .bin copies of the 5-float frames and warns that 16 bytes fit too', async () => {
    const root = dataset({ 'a.bin': AV2, 'b.bin': SUSTECH });
    const ds = await Dataset.scan(root);
    // The two sizes share only the 20-byte layouts: one decision for the dataset.
    for (const id of ['a', 'b']) expect(ds.get(id)?.points.binLayout).toMatchObject({ name: 'xyzir', source: 'detected' });
    expect(ds.binLayouts()).toHaveLength(1);
    const alone = await Dataset.scan(dataset({ 'a.bin': AV2 }));
    expect(alone.get('a')?.points.binLayout?.name).toBe('xyzir');
    expect(alone.warnings.join('\n')).toMatch(/read as xyzir by detection \(xyzi, xyzir, xyzit fit the file size\)/);
    expect(await readPointCount(alone.get('a')!)).toBe(100_660);
  });

  it('a KITTI scan cut short among whole ones keeps their layout and fails to read, naming the trailing bytes', async () => {
    const root = dataset({
      '000000.bin': path.join(SHARED_KITTI, 'velodyne', '000000.bin'),
      '000001.bin': path.join(SHARED_KITTI, 'velodyne', '000001.bin'),
      '000002.bin': path.join(SHARED_KITTI, 'velodyne', '000002.bin'),
    });
    // 1,000 bytes: 50 records of the 20-byte layouts, 62.5 of KITTI's 16 bytes.
    fs.writeFileSync(path.join(root, '000003.bin'), fs.readFileSync(path.join(SHARED_KITTI, 'velodyne', '000000.bin')).subarray(0, 1000));
    const ds = await Dataset.scan(root);
    for (const id of ['000000', '000001', '000002']) expect(ds.get(id)?.points.binLayout).toMatchObject({ name: 'xyzi', warning: null });
    const cut = ds.get('000003')!;
    expect(cut.points.binLayout?.name).toBe('xyzi');
    expect(cut.points.binLayout?.warning).toMatch(
      /000003\.bin: size 1000 bytes is not a whole number of xyzi records \(16 bytes each.*other 3 \.bin files; 8 trailing bytes at byte offset 992\)/,
    );
    await expect(readFramePoints(cut)).rejects.toThrow(/000003\.bin/);
  });

  it('keeps the KITTI samples xyzi with no warning', async () => {
    const ds = await Dataset.scan(SHARED_KITTI);
    expect(ds.get('000001')?.points.binLayout).toMatchObject({ name: 'xyzi', source: 'detected', warning: null });
    expect(ds.warnings).toEqual([]);
  });

  it('takes the layout the dataset file declares, and the flag over the file', async () => {
    const root = dataset({ 'a.bin': AV2 }, '{ "binLayout": "xyzir" }');
    const byFile = await Dataset.scan(root);
    expect(byFile.get('a')?.points.binLayout).toMatchObject({ name: 'xyzir', source: 'dataset-file', warning: null });
    expect(byFile.get('a')?.points.binLayout?.detail).toContain('set by cuboid.json');
    const byFlag = await Dataset.scan(root, { binLayout: 'xyzi' });
    expect(byFlag.get('a')?.points.binLayout).toMatchObject({ name: 'xyzi', source: 'flag' });
    expect(await readPointCount(byFlag.get('a')!)).toBe(125_825);
  });

  it('refuses a malformed dataset file, naming it and the field', async () => {
    await expect(Dataset.scan(dataset({ 'a.bin': AV2 }, '{ "binLayout": "xyzrgb" }'))).rejects.toThrow(
      /cuboid\.json, field "binLayout": "xyzrgb" is not a point layout/,
    );
    await expect(Dataset.scan(dataset({ 'a.bin': AV2 }, '{ binLayout: xyzir }'))).rejects.toThrow(/cuboid\.json: not valid JSON/);
    const extra = await Dataset.scan(dataset({ 'a.bin': AV2 }, '{ "binLayout": "xyzir", "colour": 1 }'));
    expect(extra.warnings.join('\n')).toMatch(/unknown field "colour" ignored/);
  });

  it('names a .bin whose size fits no layout, and the trailing bytes, when reading it fails', async () => {
    const root = dataset({});
    fs.writeFileSync(path.join(root, 'odd.bin'), fs.readFileSync(AV2).subarray(0, 16 * 20 + 2));
    const ds = await Dataset.scan(root);
    expect(ds.warnings.join('\n')).toMatch(/odd\.bin: size 322 bytes fits no point layout/);
    await expect(readFramePoints(ds.get('odd')!)).rejects.toThrow(/odd\.bin.*2 trailing bytes at byte offset 320/);
  });
});

describe('the server with a declared layout', () => {
  it('serves dataset info with the layout, and the points with the layout header', async () => {
    const root = dataset({ 'sweep.bin': SUSTECH }, '{ "binLayout": "xyzir" }');
    const server = await startTestServer({ dataDir: root });
    servers.push(server);
    const info = (await server.app.inject('/api/dataset')).json<DatasetInfo>();
    expect(info.binLayouts).toEqual([expect.objectContaining({ name: 'xyzir', source: 'dataset-file', frames: 1, warning: null })]);
    const points = await server.app.inject('/api/frames/sweep/points');
    expect(points.statusCode).toBe(200);
    expect(points.headers['x-cuboid-points-format']).toBe('bin');
    expect(points.headers['x-cuboid-bin-layout']).toBe('xyzir');
    expect(points.headers['x-cuboid-bin-layout-note']).toBeUndefined();
    expect(points.rawPayload.length).toBe(1_343_060);
    const frames = (await server.app.inject('/api/frames')).json<{ id: string; pointCount: number | null }[]>();
    expect(frames.find((f) => f.id === 'sweep')?.pointCount).toBe(67_153);
  });

  it('passes --bin-layout (the server option) over the dataset file, and carries a detection note', async () => {
    const root = dataset({ 'sweep.bin': AV2 });
    const detected = await startTestServer({ dataDir: root });
    servers.push(detected);
    const info = (await detected.app.inject('/api/dataset')).json<DatasetInfo>();
    expect(info.binLayouts[0]).toMatchObject({ name: 'xyzir', source: 'detected' });
    expect(info.warnings.some((w) => w.includes('read as xyzir by detection'))).toBe(true);
    const points = await detected.app.inject('/api/frames/sweep/points');
    expect(points.headers['x-cuboid-bin-layout']).toBe('xyzir');
    expect(String(points.headers['x-cuboid-bin-layout-note'])).toMatch(/xyzi, xyzir, xyzit fit the file size/);
    const declared = dataset({ 'sweep.bin': AV2 }, '{ "binLayout": "xyzir" }');
    const forced = await startTestServer({ dataDir: declared, binLayout: 'xyzi' });
    servers.push(forced);
    expect((await forced.app.inject('/api/frames/sweep/points')).headers['x-cuboid-bin-layout']).toBe('xyzi');
    expect((await forced.app.inject('/api/dataset')).json<DatasetInfo>().binLayouts[0]).toMatchObject({ name: 'xyzi', source: 'flag' });
  });
});
