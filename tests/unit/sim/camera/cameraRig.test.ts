import { describe, expect, it } from 'vitest';
import { formatKittiCalib } from '../../../../src/domain/kitti/formatKittiCalib.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { projectLidarPoints } from '../../../../src/domain/kitti/projectToImage.ts';
import { cameraRigFromCalib } from '../../../../src/sim/camera/cameraRig.ts';
import { applyRigidZ } from '../../../../src/sim/primitives/RigidZ.ts';
import { sampleCalib } from '../../../../src/sim/sampleCalib.ts';

const calib = parseKittiCalib(formatKittiCalib(sampleCalib()), { fileName: 'calib' });
const apply3 = (m: readonly number[], u: number, v: number): number[] => [0, 1, 2].map((r) => m[r * 3] * u + m[r * 3 + 1] * v + m[r * 3 + 2]);

describe('cameraRigFromCalib', () => {
  it('puts camera 2 about 27 cm ahead of, 6 cm left of and 8 cm below the LiDAR', () => {
    const rig = cameraRigFromCalib(calib, { yaw: 0, tx: 0, ty: 0, tz: 0 }, [1242, 375]);
    expect(rig.width).toBe(1242);
    expect(rig.height).toBe(375);
    expect(rig.origin[0]).toBeCloseTo(0.272, 2);
    expect(rig.origin[1]).toBeCloseTo(0.057, 2);
    expect(rig.origin[2]).toBeCloseTo(-0.078, 2);
    // The principal point looks along the LiDAR's +x, within the calibration's fraction of a degree.
    const d = apply3(rig.pixelToWorldDir, 612.4, 176.3);
    const len = Math.hypot(d[0], d[1], d[2]);
    expect(d[0] / len).toBeGreaterThan(Math.cos((1.5 * Math.PI) / 180));
  });

  it('casts each pixel ray through the points that the KITTI projection maps to that pixel', () => {
    const pose = { yaw: 0.3, tx: 5, ty: -2, tz: 1.73 };
    const rig = cameraRigFromCalib(calib, pose, [1242, 375]);
    const lidar = new Float32Array([12, 3, -1, 30, -8, 0.5, 6, 0.2, -1.6, 55, 10, 4]);
    const uvd = projectLidarPoints(lidar, calib);
    for (let k = 0; k < 4; k++) {
      const w = applyRigidZ(pose, lidar[k * 3], lidar[k * 3 + 1], lidar[k * 3 + 2]);
      const u = uvd[k * 3];
      const v = uvd[k * 3 + 1];
      // Ray direction through (u, v) is parallel to (point − camera centre).
      const d = apply3(rig.pixelToWorldDir, u, v);
      const e = [w[0] - rig.origin[0], w[1] - rig.origin[1], w[2] - rig.origin[2]];
      const cross = Math.hypot(d[1] * e[2] - d[2] * e[1], d[2] * e[0] - d[0] * e[2], d[0] * e[1] - d[1] * e[0]);
      expect(cross / (Math.hypot(...d) * Math.hypot(...e))).toBeLessThan(1e-5);
      expect(d[0] * e[0] + d[1] * e[1] + d[2] * e[2]).toBeGreaterThan(0);
      // And the world → image matrix gives the same pixel.
      const m = rig.worldToImage;
      const h = [0, 1, 2].map((r) => m[r * 4] * w[0] + m[r * 4 + 1] * w[1] + m[r * 4 + 2] * w[2] + m[r * 4 + 3]);
      expect(h[0] / h[2]).toBeCloseTo(u, 2);
      expect(h[1] / h[2]).toBeCloseTo(v, 2);
      expect(h[2]).toBeCloseTo(uvd[k * 3 + 2], 3);
    }
  });
});
