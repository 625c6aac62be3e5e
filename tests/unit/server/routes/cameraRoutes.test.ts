/**
 * `GET /api/frames/:id/cameras` and `GET /api/frames/:id/cameras/:camera/image`: the real KITTI
 * frames (image_2 only), a temp copy with an image_3 (a copy of image_2), a KITTI tracking layout
 * and a nuScenes-style layout with camera keyframes. Nothing is written under ../shared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { frameCamerasResponseSchema, type FrameCamerasResponse } from '../../../../src/domain/api/cameraSchemas.ts';
import { cameraCalib } from '../../../../src/domain/camera/CameraProjection.ts';
import { mat3ToQuaternion } from '../../../../src/domain/nuscenes/nuscenesBoxToLidar.ts';
import { projectLidarPoints } from '../../../../src/domain/kitti/projectToImage.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { makePngHeader, makeTempDir, SHARED_KITTI } from '../fixtures/makeDataset.ts';
import { makeKittiTrackingDataset, makeNuscenesDataset, NU_TIMES, qz } from '../fixtures/makeSequenceDatasets.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

/** A temp copy of the real KITTI frames with `image_3` = a copy of `image_2` (for frames 000000 and 000001). */
function kittiWithImage3(): string {
  const root = makeTempDir('cuboid-cameras-');
  roots.push(root);
  const data = path.join(root, 'kitti');
  fs.cpSync(SHARED_KITTI, data, { recursive: true });
  fs.mkdirSync(path.join(data, 'image_3'));
  for (const id of ['000000', '000001']) fs.copyFileSync(path.join(data, 'image_2', `${id}.png`), path.join(data, 'image_3', `${id}.png`));
  return data;
}

const cameras = async (s: TestServer, id: string): Promise<FrameCamerasResponse> => {
  const res = await s.app.inject(`/api/frames/${id}/cameras`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(frameCamerasResponseSchema.safeParse(body).success).toBe(true);
  return body as FrameCamerasResponse;
};

describe('cameras of the real KITTI frames', () => {
  it('lists image_2 with P2 and the PNG size, and serves the same bytes as GET /image', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const body = await cameras(server, '000000');
    expect(body.cameras.map((c) => [c.name, c.file, c.colour, c.hasImage, c.imageSize, c.problem])).toEqual([
      ['image_2', 'image_2/000000.png', true, true, [1224, 370], null],
    ]);
    const calib = (await server.app.inject('/api/frames/000000/calib')).json().calib;
    expect(body.cameras[0].projection).toEqual({ P: calib.P2, lidarToCamera: calib.velo2rect });
    const img = await server.app.inject('/api/frames/000000/cameras/image_2/image');
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(fs.readFileSync(path.join(SHARED_KITTI, 'image_2', '000000.png')))).toBe(true);
  });

  it('answers 404 naming the cameras for one the frame does not have, and 400 for a bad name', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/frames/000000/cameras/image_3/image');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'camera_not_found' });
    expect(res.json().detail).toBe('frame "000000" has no camera "image_3" (its cameras: image_2)');
    expect((await server.app.inject('/api/frames/000000/cameras/..%2Fcalib/image')).statusCode).toBe(400);
    expect((await server.app.inject('/api/frames/nope/cameras')).statusCode).toBe(404);
  });
});

describe('cameras of a KITTI copy with image_3', () => {
  it('pairs image_3 with P3 (shared velo2rect) and serves its file', async () => {
    const data = kittiWithImage3();
    server = await startTestServer({ dataDir: data });
    const body = await cameras(server, '000001');
    expect(body.cameras.map((c) => c.name)).toEqual(['image_2', 'image_3']);
    const calib = (await server.app.inject('/api/frames/000001/calib')).json().calib;
    expect(body.cameras[1]).toMatchObject({ label: 'Camera 3 (right colour)', file: 'image_3/000001.png', imageSize: [1242, 375], problem: null });
    expect(body.cameras[1].projection).toEqual({ P: calib.P3, lidarToCamera: calib.velo2rect });
    // A point 20 m ahead lands 0.54 m · f / 20 m ≈ 19 px further left in image 3.
    const at = new Float32Array([20, 0, 0]);
    const u2 = projectLidarPoints(at, cameraCalib(body.cameras[0].projection!))[0];
    const u3 = projectLidarPoints(at, cameraCalib(body.cameras[1].projection!))[0];
    expect(u2 - u3).toBeGreaterThan(18);
    expect(u2 - u3).toBeLessThan(21);
    const img = await server.app.inject('/api/frames/000001/cameras/image_3/image');
    expect(img.statusCode).toBe(200);
    expect(img.rawPayload.length).toBe(fs.statSync(path.join(data, 'image_3', '000001.png')).size);
    // Frame 000002 has no image_3 file: only image_2.
    expect((await cameras(server, '000002')).cameras.map((c) => c.name)).toEqual(['image_2']);
  });

  it('lists an image added while serving, and says when the calib has no P3', async () => {
    const data = kittiWithImage3();
    server = await startTestServer({ dataDir: data });
    expect((await cameras(server, '000002')).cameras).toHaveLength(1);
    fs.copyFileSync(path.join(data, 'image_2', '000002.png'), path.join(data, 'image_3', '000002.png'));
    const calibFile = path.join(data, 'calib', '000002.txt');
    fs.writeFileSync(calibFile, fs.readFileSync(calibFile, 'utf8').replace(/^P3:.*\n/m, ''));
    // A folder's mtime has a coarse clock on some file systems: make the change visible.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(data, 'image_3'), later, later);
    const body = await cameras(server, '000002');
    expect(body.cameras.map((c) => c.name)).toEqual(['image_2', 'image_3']);
    expect(body.cameras[1].projection).toBeNull();
    expect(body.cameras[1].problem).toBe('calib/000002.txt has no P3: boxes cannot be projected into image_3');
  });

  it('answers 422 naming the calib when it is malformed, and still serves the images', async () => {
    const data = kittiWithImage3();
    server = await startTestServer({ dataDir: data });
    fs.writeFileSync(path.join(data, 'calib', '000001.txt'), 'P2: 1 2 3\n');
    const res = await server.app.inject('/api/frames/000001/cameras');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('calib_invalid');
    expect(res.json().detail).toMatch(/000001\.txt.*P2|P2.*000001\.txt/);
    expect((await server.app.inject('/api/frames/000001/cameras/image_3/image')).statusCode).toBe(200);
  });

  it('answers 404 naming the file when a listed image went away', async () => {
    const data = kittiWithImage3();
    server = await startTestServer({ dataDir: data });
    expect((await cameras(server, '000001')).cameras).toHaveLength(2);
    fs.rmSync(path.join(data, 'image_3', '000001.png'));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(data, 'image_3'), later, later);
    const res = await server.app.inject('/api/frames/000001/cameras/image_3/image');
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toMatch(/image_3/);
  });
});

describe('camera images stay inside the dataset', () => {
  it('leaves out an image_3 file that is a link leading outside the dataset folder', async () => {
    const data = kittiWithImage3();
    const outside = path.join(path.dirname(data), 'secret.png');
    fs.copyFileSync(path.join(data, 'image_2', '000002.png'), outside);
    fs.symlinkSync(outside, path.join(data, 'image_3', '000002.png'));
    server = await startTestServer({ dataDir: data });
    expect((await cameras(server, '000002')).cameras.map((c) => c.name)).toEqual(['image_2']);
    const res = await server.app.inject('/api/frames/000002/cameras/image_3/image');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('camera_not_found');
  });
});

describe('cameras of a KITTI tracking layout', () => {
  it('pairs image_02/SEQ and image_03/SEQ with P2 and P3 of calib/SEQ.txt', async () => {
    const root = makeTempDir('cuboid-cameras-trk-');
    roots.push(root);
    const data = makeKittiTrackingDataset(path.join(root, 'data'));
    for (const dir of ['image_02', 'image_03']) {
      fs.mkdirSync(path.join(data, dir, '0000'), { recursive: true });
      fs.writeFileSync(path.join(data, dir, '0000', '000001.png'), makePngHeader(1242, 375));
    }
    server = await startTestServer({ dataDir: data });
    const body = await cameras(server, '0000_000001');
    expect(body.cameras.map((c) => [c.name, c.file, c.imageSize])).toEqual([
      ['image_2', 'image_02/0000/000001.png', [1242, 375]],
      ['image_3', 'image_03/0000/000001.png', [1242, 375]],
    ]);
    expect(body.cameras[1].projection?.P[3]).toBeCloseTo(-339.5242, 4);
    expect((await cameras(server, '0000_000000')).cameras).toEqual([]);
    expect((await server.app.inject('/api/frames/0000_000001/cameras/image_3/image')).statusCode).toBe(200);
  });
});

describe('cameras of a nuScenes-style layout', () => {
  // A front camera 1.5 m ahead of the ego origin, 1.5 m up (camera z = ego x), and a back camera.
  const front = mat3ToQuaternion([0, 0, 1, -1, 0, 0, 0, -1, 0]);
  const back = mat3ToQuaternion([0, 0, -1, 1, 0, 0, 0, -1, 0]);
  const K = [
    [1266, 0, 816],
    [0, 1266, 491],
    [0, 0, 1],
  ];
  const camFile = (ch: string, i: number) => `samples/${ch}/n015-2018-07-24-11-22-45+0800__${ch}__${NU_TIMES[i] + 10}.jpg`;
  function dataset(): string {
    const root = makeTempDir('cuboid-cameras-nu-');
    roots.push(root);
    const data = makeNuscenesDataset(path.join(root, 'data'), (t) => {
      t.calibrated_sensor.push(
        { token: 'c-front', sensor_token: 's-front', translation: [1.5, 0, 1.5], rotation: front, camera_intrinsic: K },
        { token: 'c-back', sensor_token: 's-back', translation: [0, 0, 1.5], rotation: back, camera_intrinsic: [] },
      );
      for (let i = 0; i < NU_TIMES.length; i++) {
        t.ego_pose.push({ token: `e-cam${i}`, translation: [100, 200 + 5 * i, 0], rotation: qz(Math.PI / 2), timestamp: NU_TIMES[i] + 10 });
        for (const [ch, cs] of [
          ['CAM_FRONT', 'c-front'],
          ['CAM_BACK', 'c-back'],
        ])
          t.sample_data.push({
            token: `sd-${ch}-${i}`,
            sample_token: `s${i}`,
            ego_pose_token: `e-cam${i}`,
            calibrated_sensor_token: cs,
            filename: camFile(ch, i),
            fileformat: 'jpg',
            timestamp: NU_TIMES[i] + 10,
            is_key_frame: true,
          });
      }
    });
    // Every front image exists (JPEG bytes are not read); the back image of sample 0 is missing.
    for (let i = 0; i < NU_TIMES.length; i++) {
      fs.mkdirSync(path.join(data, 'samples', 'CAM_FRONT'), { recursive: true });
      fs.writeFileSync(path.join(data, camFile('CAM_FRONT', i)), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
      if (i > 0) {
        fs.mkdirSync(path.join(data, 'samples', 'CAM_BACK'), { recursive: true });
        fs.writeFileSync(path.join(data, camFile('CAM_BACK', i)), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
      }
    }
    return data;
  }

  it("lists each CAM_* keyframe of the frame's sample; the parked car projects to the front camera's centre column", async () => {
    server = await startTestServer({ dataDir: dataset() });
    const frames = (await server.app.inject('/api/frames')).json() as { id: string; hasImage: boolean }[];
    expect(frames.every((f) => f.hasImage)).toBe(true);
    const info = (await server.app.inject('/api/dataset')).json();
    expect(info.warnings).toContain(
      `1 camera image(s) that sample_data.json lists are not in the dataset (their cameras show no image), e.g. ${camFile('CAM_BACK', 0)}`,
    );
    const body = await cameras(server, frames[0].id);
    expect(body.cameras.map((c) => [c.name, c.hasImage, c.imageSize])).toEqual([
      ['CAM_FRONT', true, null],
      ['CAM_BACK', false, null],
    ]);
    expect(body.cameras[1].problem).toMatch(/calibrated_sensor\.json: row \d+ \(token "c-back"\), field "camera_intrinsic": expected a 3×3 matrix/);
    const doc = (await server.app.inject(`/api/frames/${frames[0].id}/annotation`)).json();
    const car = doc.cuboids[0] as Cuboid;
    const [u, v, depth] = projectLidarPoints(new Float32Array(car.center), cameraCalib(body.cameras[0].projection!));
    // 30 m ahead of the ego is 28.5 m ahead of the camera, 0.5 m below it.
    expect(depth).toBeCloseTo(28.5, 3);
    expect(u).toBeCloseTo(816, 2);
    expect(v).toBeCloseTo(491 + (1266 * 0.5) / 28.5, 2);
    const img = await server.app.inject(`/api/frames/${frames[0].id}/cameras/CAM_FRONT/image`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    const missing = await server.app.inject(`/api/frames/${frames[0].id}/cameras/CAM_BACK/image`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: 'no_image',
      detail: `frame "${frames[0].id}": camera CAM_BACK has no image file ${camFile('CAM_BACK', 0)} in the dataset`,
    });
  });
});

it('the camera routes are in the OpenAPI document', async () => {
  server = await startTestServer({ dataDir: SHARED_KITTI });
  const doc = (await server.app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
  expect(z.object({ get: z.object({}).passthrough() }).safeParse(doc.paths['/api/frames/{id}/cameras']).success).toBe(true);
  expect(Object.keys(doc.paths)).toContain('/api/frames/{id}/cameras/{camera}/image');
});
