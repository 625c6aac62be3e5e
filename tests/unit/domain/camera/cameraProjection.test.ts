/**
 * The projection into each camera of a frame: KITTI's P0–P3 on the real calib of frame 000000
 * (FORMATS.md §3.6), and a nuScenes camera through its own ego pose and intrinsics.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cameraCalib } from '../../../../src/domain/camera/CameraProjection.ts';
import { KITTI_CAMERAS, kittiCameraOffsetX, kittiCameraProjection } from '../../../../src/domain/camera/kittiCameras.ts';
import { nuscenesCameraChannel, nuscenesIntrinsic, nuscenesSampleCameras } from '../../../../src/domain/camera/nuscenesCameras.ts';
import { projectCuboidEdges } from '../../../../src/domain/kitti/projectCuboidEdges.ts';
import { projectLidarPoints } from '../../../../src/domain/kitti/projectToImage.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { mat3ToQuaternion, nuLidarPose } from '../../../../src/domain/nuscenes/nuscenesBoxToLidar.ts';
import type { NuscenesTables, NuSampleData } from '../../../../src/domain/nuscenes/NuscenesTables.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

const calib = parseKittiCalib(fs.readFileSync('../shared/samples/kitti/calib/000000.txt', 'utf8'), { fileName: '000000.txt' });
const cam = (i: number) => cameraCalib(kittiCameraProjection(calib, KITTI_CAMERAS[i]) as NonNullable<ReturnType<typeof kittiCameraProjection>>);

/** Points straight ahead of the car (LiDAR x forward) at 5…60 m, spread left/right and up/down. */
const AHEAD = new Float32Array([5, 0, 0, 10, 2, -1, 20, -3, 0.5, 35, 6, -1.5, 60, -8, 1]);
const CAR: Cuboid = {
  id: 'a',
  trackId: null,
  label: 'Car',
  center: [15, 2, -0.9],
  size: [4, 1.8, 1.5],
  yaw: 0.3,
  attributes: { truncated: 0, occluded: 0 },
  source: 'manual',
};

describe('KITTI cameras P0–P3 (real calib of frame 000000)', () => {
  it('camera 2 projects exactly as the calib itself (image 2, the export math)', () => {
    const c2 = cam(2);
    expect(c2.velo2rect).toEqual(calib.velo2rect);
    expect(Array.from(projectLidarPoints(AHEAD, c2))).toEqual(Array.from(projectLidarPoints(AHEAD, calib)));
    expect(projectCuboidEdges(CAR, c2)).toEqual(projectCuboidEdges(CAR, calib));
  });

  it('keeps the FORMATS.md §3.6 velo2rect (LiDAR → rectified camera 0) for every camera', () => {
    const row1 = [-0.001596099421, -0.999916246748, -0.01284043631, -0.022366708918];
    for (const i of [0, 1, 2, 3]) row1.forEach((v, k) => expect(cam(i).velo2rect[k]).toBeCloseTo(v, 9));
  });

  it('shifts a point by the stereo baseline between P2 and P3: Δu = f·b / depth, v unchanged', () => {
    const b = kittiCameraOffsetX(calib.P2) - kittiCameraOffsetX(calib.P3 as number[]);
    expect(b).toBeCloseTo(0.5372, 3); // KITTI's colour cameras are 0.54 m apart
    const fx = calib.P2[0];
    const p2 = projectLidarPoints(AHEAD, cam(2));
    const p3 = projectLidarPoints(AHEAD, cam(3));
    for (let i = 0; i < AHEAD.length / 3; i++) {
      const depth = p2[3 * i + 2];
      const du = p2[3 * i] - p3[3 * i];
      // The left camera sees a point further right; the shift shrinks with depth (±0.5 % for P's tz terms).
      expect(du).toBeGreaterThan(0);
      expect(du * depth).toBeCloseTo(fx * b, -1);
      expect(Math.abs(du * depth - fx * b) / (fx * b)).toBeLessThan(0.005);
      expect(Math.abs(p2[3 * i + 1] - p3[3 * i + 1])).toBeLessThan(1);
    }
  });

  it('puts the grey cameras 0/1 ≈ 0.06 m / 0.54 m from camera 2 along the same rows', () => {
    const p0 = projectLidarPoints(AHEAD, cam(0));
    const p1 = projectLidarPoints(AHEAD, cam(1));
    const p2 = projectLidarPoints(AHEAD, cam(2));
    // Camera 0 sits 0.06 m right of camera 2, camera 1 another 0.54 m right.
    expect((p2[0] - p0[0]) * p2[2]).toBeCloseTo(calib.P2[3], -1);
    expect(p0[0] - p1[0]).toBeGreaterThan(70); // 0.537 m · 707 px / 5 m ≈ 76 px
  });

  it('gives no camera for a calib without that P_i', () => {
    const { P3: _dropped, ...rest } = calib;
    expect(kittiCameraProjection(rest, KITTI_CAMERAS[3])).toBeNull();
    expect(kittiCameraProjection(rest, KITTI_CAMERAS[2])).not.toBeNull();
  });
});

// nuScenes: the ego faces north (+y). The front camera sits 1.5 m ahead of the ego origin, 1.5 m
// up, looking forward (camera z = ego x, camera x = ego −y, camera y = ego −z).
const qz = (a: number): [number, number, number, number] => [Math.cos(a / 2), 0, 0, Math.sin(a / 2)];
const CAM_ROT = mat3ToQuaternion([0, 0, 1, -1, 0, 0, 0, -1, 0]);
const K = [
  [1266, 0, 816],
  [0, 1266, 491],
  [0, 0, 1],
];

function tables(cameraIntrinsic: unknown, cameraEgoY = 200): NuscenesTables {
  const row = (r: Record<string, unknown>) => [r.token as string, r] as [string, never];
  return {
    sample: new Map(),
    sample_data: new Map(),
    ego_pose: new Map([row({ token: 'e-cam', translation: [100, cameraEgoY, 0], rotation: qz(Math.PI / 2), timestamp: 1 })]),
    calibrated_sensor: new Map([
      row({ token: 'c-cam', sensor_token: 's-cam', translation: [1.5, 0, 1.5], rotation: CAM_ROT, camera_intrinsic: cameraIntrinsic, _row: 1 }),
    ]),
    sample_annotation: new Map(),
    instance: new Map(),
    category: new Map(),
    scene: new Map(),
    attribute: new Map(),
  } as NuscenesTables;
}
const CAM_ROW: NuSampleData = {
  token: 'sd-cam',
  sample_token: 's0',
  ego_pose_token: 'e-cam',
  calibrated_sensor_token: 'c-cam',
  filename: 'samples/CAM_FRONT/x__CAM_FRONT__1.jpg',
  timestamp: 1,
  is_key_frame: true,
};
// The LiDAR: 1 m ahead, 1.8 m up, turned −90° (x right, y forward), ego at (100, 200, 0) facing north.
const LIDAR_POSE = nuLidarPose({ translation: [100, 200, 0], rotation: qz(Math.PI / 2) }, { translation: [1, 0, 1.8], rotation: qz(-Math.PI / 2) });

describe('nuScenes cameras', () => {
  it('names the channel by the keyframe folder', () => {
    expect(nuscenesCameraChannel('samples/CAM_FRONT_LEFT/a.jpg')).toBe('CAM_FRONT_LEFT');
    expect(nuscenesCameraChannel('samples/LIDAR_TOP/a.pcd.bin')).toBeNull();
    expect(nuscenesCameraChannel('sweeps/CAM_FRONT/a.jpg')).toBeNull();
  });

  it('projects a point on the camera axis to the principal point and one 1 m left by f/depth', () => {
    const [front] = nuscenesSampleCameras(tables(K), [CAM_ROW], LIDAR_POSE);
    expect(front.problem).toBeNull();
    const c = cameraCalib(front.projection as NonNullable<typeof front.projection>);
    // LiDAR frame: camera at LiDAR (0, 0.5, −0.3); 20 m ahead of it is LiDAR y = 20.5; 1 m left is x = −1.
    const uvd = projectLidarPoints(new Float32Array([0, 20.5, -0.3, -1, 20.5, -0.3]), c);
    expect(uvd[0]).toBeCloseTo(816, 3); // float32 output
    expect(uvd[1]).toBeCloseTo(491, 3); // float32 output
    expect(uvd[2]).toBeCloseTo(20, 3); // float32 output
    expect(uvd[3]).toBeCloseTo(816 - 1266 / 20, 3); // float32 output
  });

  it("uses the camera's own ego pose: the car moved 0.5 m between the LiDAR and the camera exposure", () => {
    const [front] = nuscenesSampleCameras(tables(K, 200.5), [CAM_ROW], LIDAR_POSE);
    const c = cameraCalib(front.projection as NonNullable<typeof front.projection>);
    // The same global point is now 19.5 m ahead of the camera (same u, v; depth 19.5).
    const uvd = projectLidarPoints(new Float32Array([-1, 20.5, -0.3]), c);
    expect(uvd[2]).toBeCloseTo(19.5, 3); // float32 output
    expect(uvd[0]).toBeCloseTo(816 - 1266 / 19.5, 3); // float32 output
  });

  it('names the row and field of a missing or malformed intrinsic and gives no projection', () => {
    const [none] = nuscenesSampleCameras(tables([]), [CAM_ROW], LIDAR_POSE);
    expect(none.projection).toBeNull();
    expect(none.problem).toMatch(/calibrated_sensor\.json: row 1 \(token "c-cam"\), field "camera_intrinsic": expected a 3×3 matrix/);
    const bad = nuscenesIntrinsic({
      token: 't',
      sensor_token: 's',
      translation: [0, 0, 0],
      rotation: [1, 0, 0, 0],
      camera_intrinsic: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 2],
      ],
    });
    expect('problem' in bad && bad.problem).toMatch(/not a pinhole intrinsic matrix/);
  });
});
