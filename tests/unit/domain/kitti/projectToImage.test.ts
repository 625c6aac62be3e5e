import { describe, expect, it } from 'vitest';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { cuboidToKitti } from '../../../../src/domain/kitti/cuboidToKitti.ts';
import { transformPoint } from '../../../../src/domain/kitti/mat4.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { projectCuboid, projectLidarPoints } from '../../../../src/domain/kitti/projectToImage.ts';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import { expectClose, readSampleBytes, readSampleText } from './kittiSamples.ts';

const calib0 = parseKittiCalib(readSampleText('calib', '000000.txt'));
const calib1 = parseKittiCalib(readSampleText('calib', '000001.txt'));

describe('projectLidarPoints', () => {
  it('applies velo2img of §3.6 and divides by the third component', () => {
    const out = projectLidarPoints(new Float32Array([10, 0, 0, 20, 5, -1]), calib0);
    // velo2img rows of frame 000000; the point (10, 0, 0): p = 10·c1 + c4
    const p0 = 602.943690972 * 10 - 170.942720667;
    const p1 = 176.777248158 * 10 - 102.568634111;
    const p2 = 0.99998479 * 10 - 0.327567983;
    expectClose(Array.from(out.subarray(0, 3)), [p0 / p2, p1 / p2, p2], 1e-3);
    const q = [
      602.943690972 * 20 - 707.913280141 * 5 + 12.274842415 - 170.942720667,
      176.777248158 * 20 + 8.808798802 * 5 + 707.936115177 - 102.568634111,
      0.99998479 * 20 - 0.001528267 * 5 + 0.005290712 - 0.327567983,
    ];
    expectClose(Array.from(out.subarray(3)), [q[0] / q[2], q[1] / q[2], q[2]], 1e-3);
  });

  it("reproduces mmdet3d's centre_2d and depth of the 000000 pedestrian (§3.9)", () => {
    // The gravity centre (location.y − h/2) in the camera, moved to LiDAR with rect2velo.
    const g = transformPoint(calib0.rect2velo, 1.84, 1.47 - 1.89 / 2, 8.41);
    const out = projectLidarPoints(new Float32Array(g), calib0);
    expectClose(Array.from(out), [763.7633, 224.4706, 8.414981], 1e-4);
  });

  it('gives NaN u v for points behind or at the camera, and keeps their depth', () => {
    const out = projectLidarPoints(new Float32Array([-5, 0, 0, 0.1, 0, 0, NaN, 0, 0]), calib1);
    expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
    expect(out[2]).toBeLessThan(0);
    expect(Number.isNaN(out[3]) && Number.isNaN(out[4])).toBe(true);
    expect(out[5]).toBeLessThanOrEqual(0.1);
    expect(Number.isNaN(out[6]) && Number.isNaN(out[8])).toBe(true);
  });

  it('projects a whole real scan, with a plausible share of points in the image', () => {
    const cloud = readVelodyneBin(readSampleBytes('velodyne', '000001.bin'));
    const out = projectLidarPoints(cloud.positions, calib1);
    expect(out).toHaveLength(cloud.count * 3);
    let inside = 0;
    for (let i = 0; i < cloud.count; i++) {
      const u = out[i * 3];
      const v = out[i * 3 + 1];
      if (u >= 0 && u < 1242 && v >= 0 && v < 375) inside++;
    }
    // The camera sees about a quarter of a 360° scan.
    expect(inside / cloud.count).toBeGreaterThan(0.1);
    expect(inside / cloud.count).toBeLessThan(0.4);
  });
});

describe('projectCuboid', () => {
  const box: Cuboid = {
    id: 'a',
    trackId: null,
    label: 'Car',
    center: [10, 2, -0.8],
    size: [4, 1.8, 1.5],
    yaw: 0.3,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual',
  };

  it('matches the export: the bbox is the min/max of the projected corners', () => {
    const p = projectCuboid(box, calib1);
    const us = p.corners.map((c) => c[0]);
    const vs = p.corners.map((c) => c[1]);
    const bbox = cuboidToKitti(box, calib1).bbox;
    expectClose([Math.min(...us), Math.min(...vs), Math.max(...us), Math.max(...vs)], bbox, 1e-9);
    expect(p.depths).toHaveLength(8);
    expectClose([p.depths[0], p.depths[2]], [11.356075 + 0.002745884, 8.066666 + 0.002745884], 1e-5);
    expect(p.visible).toBe(true);
  });

  it('is not visible behind the camera, nor beside the image when a size is given', () => {
    expect(projectCuboid({ ...box, center: [-10, 0, -0.8] }, calib1).visible).toBe(false);
    const beside = { ...box, center: [6, 40, -0.8] as const };
    expect(projectCuboid(beside, calib1).visible).toBe(true);
    expect(projectCuboid(beside, calib1, [1242, 375]).visible).toBe(false);
  });
});
