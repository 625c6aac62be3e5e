import { describe, expect, it } from 'vitest';
import { degrees, degreesToRadians, radians, radiansToDegrees, type Radians } from '../../../../src/domain/units/angles.ts';
import {
  cameraPoint,
  cameraToLidar,
  lidarPoint,
  lidarToCamera,
  rotationYToYaw,
  yawToRotationY,
  type CameraPoint,
} from '../../../../src/domain/units/frames.ts';
import { syntheticCalib } from '../../../../src/domain/kitti/syntheticCalib.ts';

describe('branded angles', () => {
  it('converts degrees to radians and back, and keeps the two apart in the types', () => {
    expect(degreesToRadians(degrees(180))).toBeCloseTo(Math.PI, 12);
    expect(radiansToDegrees(radians(Math.PI / 2))).toBeCloseTo(90, 12);
    const turn = (a: Radians): Radians => radians(a + 0.1);
    // @ts-expect-error a Degrees value is not radians: it needs degreesToRadians
    expect(turn(degrees(5))).toBeCloseTo(5.1, 12);
    expect(turn(degreesToRadians(degrees(5)))).toBeCloseTo((5 * Math.PI) / 180 + 0.1, 12);
  });
});

describe('branded LiDAR and camera points', () => {
  it('goes from LiDAR to camera and back through the calib, and keeps the frames apart in the types', () => {
    const calib = syntheticCalib();
    const ahead = lidarPoint(10, 2, -1);
    const cam = lidarToCamera(ahead, calib);
    // KITTI camera: z forward, x right, y down.
    expect(cam[2]).toBeGreaterThan(5);
    const back = cameraToLidar(cam, calib);
    for (let i = 0; i < 3; i++) expect(back[i]).toBeCloseTo(ahead[i], 6);
    const asCamera = (p: CameraPoint) => p[2];
    // @ts-expect-error a LiDAR point is not a camera point: it needs lidarToCamera
    expect(asCamera(ahead)).toBe(-1);
    expect(asCamera(cameraPoint(0, 0, 4))).toBe(4);
  });

  it('turns a LiDAR yaw into KITTI rotation_y and back', () => {
    for (const yaw of [0, 0.5, -2, 3]) {
      expect(rotationYToYaw(yawToRotationY(radians(yaw)))).toBeCloseTo(yaw, 12);
    }
    // Heading along LiDAR +x (forward) is rotation_y −π/2 (KITTI: facing the camera's z).
    expect(yawToRotationY(radians(0))).toBeCloseTo(-Math.PI / 2, 12);
  });
});
