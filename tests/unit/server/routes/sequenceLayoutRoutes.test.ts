/**
 * The server on a KITTI tracking and a nuScenes-style dataset (generated in temp dirs): the
 * frames list as a sequence, shipped labels open as boxes with track ids, the track index holds
 * them before any frame is opened, poses are served, and the points stream. Also the poses of the
 * bundled samples (poses.txt in a KITTI object layout).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FramePose } from '../../../../src/domain/poses/Pose.ts';
import { lidarBoxToWorld } from '../../../../src/domain/poses/worldTransforms.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { makeTempDir } from '../fixtures/makeDataset.ts';
import { makeKittiTrackingDataset, makeNuscenesDataset } from '../fixtures/makeSequenceDatasets.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});
const dataset = (make: (root: string) => string): string => {
  const root = makeTempDir('cuboid-seqapi-');
  roots.push(root);
  return make(path.join(root, 'data'));
};

describe('serving a KITTI tracking layout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dataDir: dataset((d) => makeKittiTrackingDataset(d)) });
  });
  afterAll(() => server.close());

  it('lists the frames sequence by sequence with their shipped boxes', async () => {
    const info = (await server.app.inject('/api/dataset')).json();
    expect(info.layout).toBe('kitti-tracking');
    expect(info.warnings).toEqual([]);
    const frames = (await server.app.inject('/api/frames')).json() as {
      id: string;
      hasLabel: boolean;
      boxCount: number;
      hasCalib: boolean;
      pointCount: number;
    }[];
    expect(frames.map((f) => f.id)).toEqual(['0000_000000', '0000_000001', '0000_000002', '0001_000000', '0001_000001']);
    expect(frames.map((f) => f.boxCount)).toEqual([2, 2, 2, 1, 1]);
    expect(frames.every((f) => f.hasLabel && f.hasCalib && f.pointCount === 200)).toBe(true);
  });

  it('gives the track index before any frame is opened, then opens a frame as boxes with track ids', async () => {
    const tracks = (await server.app.inject('/api/tracks')).json() as { frameId: string; revision: number; cuboids: Cuboid[] }[];
    expect(tracks).toHaveLength(5);
    expect(tracks[0].cuboids.map((c) => c.trackId)).toEqual(['t0-s0000', 't1-s0000']);
    const doc = (await server.app.inject('/api/frames/0000_000001/annotation')).json();
    expect(doc.revision).toBe(1);
    expect(doc.cuboids.map((c: Cuboid) => [c.trackId, c.label, c.source])).toEqual([
      ['t0-s0000', 'Car', 'import'],
      ['t1-s0000', 'Pedestrian', 'import'],
    ]);
    const points = await server.app.inject('/api/frames/0000_000001/points');
    expect(points.statusCode).toBe(200);
    expect(points.rawPayload.length).toBe(200 * 16);
  });

  it('serves the poses, and the parked car is at one place in the world', async () => {
    const poses = (await server.app.inject('/api/poses')).json() as { frames: Record<string, FramePose> };
    expect(Object.keys(poses.frames)).toHaveLength(5);
    expect(poses.frames['0001_000000'].sequence).toBe('0001');
    const one = (await server.app.inject('/api/frames/0000_000002/pose')).json();
    expect(one.pose[3]).toBeCloseTo(2, 1);
    const tracks = (await server.app.inject('/api/tracks')).json() as { frameId: string; cuboids: Cuboid[] }[];
    const world = tracks.slice(0, 3).map((t) => lidarBoxToWorld(t.cuboids.find((c) => c.trackId === 't0-s0000') as Cuboid, poses.frames[t.frameId].pose));
    for (const w of world) expect(Math.hypot(w.center[0] - world[0].center[0], w.center[1] - world[0].center[1])).toBeLessThan(0.05);
  });
});

describe('serving a nuScenes-style layout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      dataDir: dataset((d) =>
        makeNuscenesDataset(d, (t) => {
          (t.sample_annotation[2] as { instance_token: string }).instance_token = 'not-there';
        }),
      ),
    });
  });
  afterAll(() => server.close());

  it('lists the keyframes in scene order, names the bad table row, and opens boxes in the LiDAR frame', async () => {
    const info = (await server.app.inject('/api/dataset')).json();
    expect(info.layout).toBe('nuscenes');
    expect(info.warnings).toContain(
      'v1.0-mini/sample_annotation.json: row 2 (token "a-car-2"), field "instance_token": no instance has token "not-there"; row left out',
    );
    expect(info.binLayouts.map((b: { name: string }) => b.name)).toEqual(['xyzir']);
    const frames = (await server.app.inject('/api/frames')).json() as { id: string; boxCount: number }[];
    expect(frames).toHaveLength(5);
    expect(frames.map((f) => f.boxCount)).toEqual([1, 1, 0, 0, 0]);
    const doc = (await server.app.inject(`/api/frames/${frames[1].id}/annotation`)).json();
    const car = doc.cuboids[0] as Cuboid;
    expect([car.id, car.trackId, car.label]).toEqual(['a-car-1', 'i-car', 'vehicle.car']);
    car.center.forEach((v, k) => expect(v).toBeCloseTo([0, 24, -0.8][k], 6));
    expect(car.size).toEqual([4.5, 2, 1.6]);
  });

  it('serves poses in the global frame, by scene; a frame without a pose is 404 no_pose only when it has none', async () => {
    const poses = (await server.app.inject('/api/poses')).json() as { frames: Record<string, FramePose> };
    const ids = Object.keys(poses.frames);
    expect(ids).toHaveLength(5);
    expect(poses.frames[ids[3]].sequence).toBe('scene-0002');
    expect(poses.frames[ids[0]].pose[7]).toBeCloseTo(201, 9);
    expect((await server.app.inject('/api/frames/nope/pose')).statusCode).toBe(404);
  });
});

describe('serving the bundled samples (KITTI object layout with poses.txt)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dataDir: path.resolve(process.cwd(), 'samples') });
  });
  afterAll(() => server.close());

  it('reads poses.txt as LiDAR poses, one per frame', async () => {
    const poses = (await server.app.inject('/api/poses')).json() as { frames: Record<string, FramePose>; warnings?: string[] };
    expect(poses.warnings).toBeUndefined();
    expect(Object.keys(poses.frames)).toHaveLength(10);
    expect(poses.frames['000009'].pose[3]).toBeCloseTo(2.7, 3);
    const none = await server.app.inject('/api/frames/000003/pose');
    expect(none.json().sequence).toBe('');
  });
});
