import { describe, expect, it } from 'vitest';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { cuboidToKitti, isVisibleInCamera } from '../../../../src/domain/kitti/cuboidToKitti.ts';
import { formatKittiLabel } from '../../../../src/domain/kitti/formatKittiLabel.ts';
import { kittiBoxCorners } from '../../../../src/domain/kitti/kittiBoxCorners.ts';
import { parseKittiCalib, syntheticCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { projectCuboid } from '../../../../src/domain/kitti/projectToImage.ts';
import { wrapAngle } from '../../../../src/domain/kitti/wrapAngle.ts';
import { expectClose, readSampleText } from './kittiSamples.ts';

const calib1 = parseKittiCalib(readSampleText('calib', '000001.txt'));

function lidarBox(center: [number, number, number], size: [number, number, number], yaw: number): Cuboid {
  return {
    id: 'b1',
    trackId: null,
    label: 'Car',
    center,
    size,
    yaw,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual',
  };
}

// FORMATS.md §3.8: a box authored in the tool, frame 000001 calibration.
const authored = lidarBox([10, 2, -0.8], [4, 1.8, 1.5], 0.3);

describe('cuboidToKitti: the authored box of §3.8', () => {
  it('gives location, dimensions h w l and rotation_y', () => {
    const o = cuboidToKitti(authored, calib1);
    expectClose(o.location, [-1.983963998, 1.60034483, 9.7113703], 1e-8);
    expect(o.dimensions).toEqual([1.5, 1.8, 4]);
    expect(o.rotationY).toBeCloseTo(-1.870796327, 9);
  });

  it('gives alpha by the LiDAR formula by default and by the camera formula on request', () => {
    expect(cuboidToKitti(authored, calib1).alpha).toBeCloseTo(-1.673400767, 8);
    expect(cuboidToKitti(authored, calib1, { alpha: 'camera' }).alpha).toBeCloseTo(-1.669276407, 8);
  });

  it('has the 8 corners and projections of the table', () => {
    const o = cuboidToKitti(authored, calib1);
    const corners = kittiBoxCorners(o.location, o.dimensions, o.rotationY);
    const expected = [
      [-3.434807, 1.600345, 11.356075, 395.174424, 274.488745],
      [-1.715202, 1.600345, 11.888011, 509.111611, 269.942086],
      [-0.533121, 1.600345, 8.066666, 567.241069, 315.919066],
      [-2.252726, 1.600345, 7.534729, 399.64238, 326.015485],
      [-3.434807, 0.100345, 11.356075, 395.174424, 179.205392],
      [-1.715202, 0.100345, 11.888011, 509.111611, 178.92126],
      [-0.533121, 0.100345, 8.066666, 567.241069, 181.794469],
      [-2.252726, 0.100345, 7.534729, 399.64238, 182.425417],
    ];
    const projected = projectCuboid(authored, calib1, [1242, 375]);
    expect(projected.visible).toBe(true);
    expected.forEach((row, i) => {
      expectClose(corners[i], row.slice(0, 3), 1e-6);
      expectClose(projected.corners[i], row.slice(3), 1e-6);
    });
  });

  it('gives the projected 2D box and the label line of step 7', () => {
    const o = cuboidToKitti(authored, calib1, { alpha: 'camera' });
    expectClose(o.bbox, [395.174424, 178.92126, 567.241069, 326.015485], 1e-6);
    expect(o.truncated).toBe(0);
    expect(o.occluded).toBe(0);
    expect(o.score).toBeUndefined();
    expect(formatKittiLabel([o])).toBe('Car 0.00 0 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 9.71 -1.87\n');
  });
});

describe('cuboidToKitti: clipping example of §3.8', () => {
  const box = lidarBox([8, 6, -0.9], [4.2, 1.8, 1.6], -0.5);

  it('clips the 2D box to [0, W−1] × [0, H−1]', () => {
    const o = cuboidToKitti(box, calib1, { alpha: 'camera', imageSize: [1242, 375] });
    expectClose(o.location, [-5.982626, 1.771691, 7.710409], 1e-6);
    expect(o.rotationY).toBeCloseTo(-1.070796, 6);
    expect(o.alpha).toBeCloseTo(-0.410915, 6);
    expectClose(o.bbox, [0, 185.231713, 283.278661, 374], 1e-6);
    // KITTI's truncation: the share of the 2D box the image cuts off.
    expect(o.truncated).toBeGreaterThan(0.1);
    expect(o.truncated).toBeLessThan(0.9);
  });

  it('is visible (minimum corner depth 5.436 m) although partly outside the image', () => {
    const o = cuboidToKitti(box, calib1);
    expect(isVisibleInCamera(o, calib1, [1242, 375])).toBe(true);
    const minZ = Math.min(...kittiBoxCorners(o.location, o.dimensions, o.rotationY).map((c) => c[2]));
    expect(minZ).toBeCloseTo(5.436, 3);
  });

  it('uses the default 1242×375 image and honours another size', () => {
    expect(cuboidToKitti(box, calib1).bbox[3]).toBe(374);
    expect(cuboidToKitti(box, calib1, { imageSize: [1224, 370] }).bbox[3]).toBe(369);
  });
});

describe('cuboidToKitti: other cases', () => {
  it('writes bbox 0 0 0 0 for a box behind the camera or beside the image', () => {
    const behind = lidarBox([-10, 0, -0.8], [4, 1.8, 1.5], 0);
    const beside = lidarBox([6, 40, -0.8], [4, 1.8, 1.5], 0);
    const straddling = lidarBox([0, 0, -0.8], [4, 1.8, 1.5], 0);
    for (const box of [behind, beside, straddling]) {
      const o = cuboidToKitti(box, calib1);
      expect(o.bbox).toEqual([0, 0, 0, 0]);
      expect(isVisibleInCamera(o, calib1)).toBe(false);
      // Outside camera 2: truncated 1, as the samples' convention and KITTI's definition say.
      expect(o.truncated).toBe(1);
      // Without a camera (the synthetic calib) nothing is known of it: the attribute stays.
      expect(cuboidToKitti(box, syntheticCalib()).truncated).toBe(0);
    }
  });

  it("uses an imported box's alpha and bbox verbatim", () => {
    const box: Cuboid = { ...authored, kitti2d: { alpha: 0.42, bbox: [1, 2, 3, 4] } };
    const o = cuboidToKitti(box, calib1);
    expect(o.alpha).toBe(0.42);
    expect(o.bbox).toEqual([1, 2, 3, 4]);
    expect(o.bbox).not.toBe(box.kitti2d?.bbox);
  });

  it('copies truncated, occluded, score and label', () => {
    const box: Cuboid = {
      ...authored,
      label: 'Pedestrian',
      attributes: { truncated: 0.3, occluded: 2 },
      score: 0.75,
    };
    const o = cuboidToKitti(box, calib1);
    expect([o.type, o.truncated, o.occluded, o.score]).toEqual(['Pedestrian', 0.3, 2, 0.75]);
  });

  it('without calibration uses the §2.8.3 axis convention and bbox 0 0 0 0', () => {
    const o = cuboidToKitti(authored, null);
    // x_cam = −y, y_cam = −z_bottom, z_cam = x
    expectClose(o.location, [-2, 1.55, 10], 1e-12);
    expect(o.dimensions).toEqual([1.5, 1.8, 4]);
    expect(o.rotationY).toBeCloseTo(-0.3 - Math.PI / 2, 12);
    expect(o.alpha).toBeCloseTo(o.rotationY + Math.atan2(2, 10), 12);
    expect(o.bbox).toEqual([0, 0, 0, 0]);
    expect(cuboidToKitti(authored, syntheticCalib())).toEqual(o);
  });
});

describe('yaw ↔ rotation_y (§3.10)', () => {
  const table: [number, number][] = [
    [0, -1.570796],
    [Math.PI / 2, -3.141593],
    [-Math.PI / 2, 0],
    [Math.PI, 1.570796],
    [-Math.PI, 1.570796],
    [3.0, 1.712389],
    [-3.0, 1.429204],
  ];
  for (const [yaw, ry] of table) {
    it(`θ = ${yaw.toFixed(6)} gives ry = ${ry}`, () => {
      expect(cuboidToKitti(lidarBox([10, 0, 0], [4, 2, 1.5], yaw), calib1).rotationY).toBeCloseTo(ry, 6);
    });
  }

  it('θ = +π/2 gives exactly −π, and wrapAngle stays in [−π, π)', () => {
    expect(cuboidToKitti(lidarBox([10, 0, 0], [4, 2, 1.5], Math.PI / 2), calib1).rotationY).toBe(-Math.PI);
    expect(wrapAngle(Math.PI)).toBe(-Math.PI);
    expect(wrapAngle(-Math.PI)).toBe(-Math.PI);
    for (let a = -20; a <= 20; a += 0.37) {
      const w = wrapAngle(a);
      expect(w >= -Math.PI && w < Math.PI).toBe(true);
      expect(Math.cos(w)).toBeCloseTo(Math.cos(a), 12);
      expect(Math.sin(w)).toBeCloseTo(Math.sin(a), 12);
    }
  });
});
