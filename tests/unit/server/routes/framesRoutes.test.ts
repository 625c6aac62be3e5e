import { afterEach, describe, expect, it } from 'vitest';
import type { FrameListItem } from '../../../../src/domain/document/FrameListItem.ts';
import fs from 'node:fs';
import path from 'node:path';
import { SHARED_KITTI, SHARED_PCD, makeKittiDataset, makeTempDir } from '../fixtures/makeDataset.ts';

const CAR = 'Car 0.00 0 -1.67 657.39 190.13 700.07 223.39 1.41 1.58 4.36 3.18 2.27 34.38 -1.58';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/frames', () => {
  it('lists the KITTI samples with files, point counts and shipped box counts', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const frames = (await server.app.inject('/api/frames')).json() as FrameListItem[];
    expect(frames).toEqual([
      { id: '000000', pointsFile: '000000.bin', hasCalib: true, hasImage: true, hasLabel: true, pointCount: 115_384, status: 'todo', boxCount: 1, revision: 0 },
      { id: '000001', pointsFile: '000001.bin', hasCalib: true, hasImage: true, hasLabel: true, pointCount: 120_268, status: 'todo', boxCount: 3, revision: 0 },
      { id: '000002', pointsFile: '000002.bin', hasCalib: true, hasImage: true, hasLabel: true, pointCount: 126_891, status: 'todo', boxCount: 2, revision: 0 },
    ]);
  });

  it('says why a label file of a frame never saved cannot be read, naming the file and line (the bad line is no box)', async () => {
    const data = makeKittiDataset(path.join(makeTempDir(), 'data'), {
      ids: ['a', 'b'],
      labels: { a: `${CAR}\n`, b: `${CAR}\nCar 0.00 0 -1.67\n` },
    });
    server = await startTestServer({ dataDir: data });
    const frames = (await server.app.inject('/api/frames')).json() as FrameListItem[];
    expect(frames[0]).toMatchObject({ id: 'a', boxCount: 1 });
    expect(frames[0].labelProblem).toBeUndefined();
    expect(frames[1]).toMatchObject({ id: 'b', boxCount: 1, labelProblem: expect.stringMatching(/b\.txt.*line 2/) });
    fs.rmSync(path.dirname(data), { recursive: true, force: true });
  });

  it('says why a calib file cannot be read, naming it, and not that the labels or points are wrong', async () => {
    const data = makeKittiDataset(path.join(makeTempDir(), 'data'), { ids: ['a', 'b'], labels: { a: `${CAR}\n`, b: `${CAR}\n` } });
    const file = path.join(data, 'calib', 'b.txt');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('Tr_velo_to_cam'))
        .join('\n'),
    );
    server = await startTestServer({ dataDir: data });
    const frames = (await server.app.inject('/api/frames')).json() as FrameListItem[];
    expect(frames[0].calibProblem).toBeUndefined();
    expect(frames[1]).toMatchObject({ id: 'b', calibProblem: expect.stringMatching(/calib\/b\.txt.*Tr_velo_to_cam/) });
    expect(frames[1].labelProblem).toBeUndefined();
    fs.rmSync(path.dirname(data), { recursive: true, force: true });
  });

  it('a label_2 frame whose calib is missing while the others have one: listed with the problem, and it does not open unplaced', async () => {
    const data = makeKittiDataset(path.join(makeTempDir(), 'data'), { ids: ['a', 'b'], labels: { a: `${CAR}\n`, b: `${CAR}\n` } });
    fs.rmSync(path.join(data, 'calib', 'b.txt'));
    server = await startTestServer({ dataDir: data });
    const frames = (await server.app.inject('/api/frames')).json() as FrameListItem[];
    expect(frames[1]).toMatchObject({ id: 'b', calibProblem: expect.stringMatching(/calib\/b\.txt is missing, while other frames have a calib/) });
    const open = await server.app.inject('/api/frames/b/annotation');
    expect(open.statusCode).toBe(422);
    expect(open.json().detail).toMatch(/label_2\/b\.txt are in camera coordinates/);
    expect((await server.app.inject('/api/frames/a/annotation')).statusCode).toBe(200);
    fs.rmSync(path.dirname(data), { recursive: true, force: true });
  });

  it('lists a flat PCD folder with POINTS from each header', async () => {
    server = await startTestServer({ dataDir: SHARED_PCD });
    const frames = (await server.app.inject('/api/frames')).json() as FrameListItem[];
    expect(frames).toHaveLength(7);
    const byId = new Map(frames.map((f) => [f.id, f]));
    expect(byId.get('hesai_pandar64_outdoor_xyzi_ring_ts_binary_compressed')?.pointCount).toBe(92_677);
    expect(byId.get('pcl_bunny_normals_ascii')).toMatchObject({ pointCount: 397, hasCalib: false, hasImage: false, hasLabel: false, boxCount: 0 });
  });
});

describe('GET /api/dataset', () => {
  it('describes what is served', async () => {
    server = await startTestServer({ dataDir: SHARED_PCD });
    const info = (await server.app.inject('/api/dataset')).json();
    expect(info).toMatchObject({ name: 'pcd', layout: 'flat', frameCount: 7, stateDir: server.stateDir, warnings: [] });
  });
});
