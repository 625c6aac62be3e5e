import { describe, expect, it } from 'vitest';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { KittiError } from '../../../../src/domain/kitti/KittiError.ts';
import { cuboidToKitti } from '../../../../src/domain/kitti/cuboidToKitti.ts';
import { kittiBoxCorners } from '../../../../src/domain/kitti/kittiBoxCorners.ts';
import { kittiToCuboid } from '../../../../src/domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../../../src/domain/kitti/parseKittiLabel.ts';
import { expectClose, readSampleText } from './kittiSamples.ts';

const calib0 = parseKittiCalib(readSampleText('calib', '000000.txt'));
const calib1 = parseKittiCalib(readSampleText('calib', '000001.txt'));

const CAR_LINE = 'Car 0.00 0 1.85 387.63 181.54 423.81 203.12 1.67 1.87 3.69 -16.53 2.39 58.49 1.57';
const PED_LINE = 'Pedestrian 0.00 0 -0.20 712.40 143.00 810.73 307.92 1.89 0.48 1.20 1.84 1.47 8.41 0.01';

/** The cuboid without the imported 2D fields, as if it had been edited. */
function edited(cuboid: Cuboid): Cuboid {
  const { kitti2d: _dropped, ...rest } = cuboid;
  return rest;
}

describe('kittiToCuboid: worked example of §3.7 (frame 000001 Car)', () => {
  const obj = parseKittiLabel(CAR_LINE)[0];
  const cuboid = kittiToCuboid(obj, calib1, { id: 'car-1', trackId: 't7' });

  it('gives the LiDAR centre, size l w h and yaw', () => {
    expectClose(cuboid.center, [58.780800999, 16.55963371, -0.841110953], 1e-8);
    expect(cuboid.size).toEqual([3.69, 1.87, 1.67]);
    expect(cuboid.yaw).toBeCloseTo(-3.140796326795, 11);
  });

  it('keeps label, attributes, ids, source and the 2D fields of the line', () => {
    expect(cuboid.id).toBe('car-1');
    expect(cuboid.trackId).toBe('t7');
    expect(cuboid.label).toBe('Car');
    expect(cuboid.attributes).toEqual({ truncated: 0, occluded: 0 });
    expect(cuboid.source).toBe('import');
    expect(cuboid.score).toBeUndefined();
    expect(cuboid.kitti2d).toEqual({ alpha: 1.85, bbox: [387.63, 181.54, 423.81, 203.12] });
    expect(cuboid.kitti2d?.bbox).not.toBe(obj.bbox);
  });

  it('maps back to location (−16.53, 2.39, 58.49) and ry 1.57 to 1e-9', () => {
    const back = cuboidToKitti(cuboid, calib1);
    expectClose(back.location, [-16.53, 2.39, 58.49], 1e-9);
    expect(back.rotationY).toBeCloseTo(1.57, 9);
    expect(back.dimensions).toEqual([1.67, 1.87, 3.69]);
  });

  it('recomputes alpha by both formulas once the 2D fields are dropped', () => {
    expect(cuboidToKitti(edited(cuboid), calib1, { alpha: 'camera' }).alpha).toBeCloseTo(1.845429546, 8);
    expect(cuboidToKitti(edited(cuboid), calib1).alpha).toBeCloseTo(1.844601471, 8);
  });

  it('has the corners and projected (not annotated) 2D box of the table', () => {
    const corners = kittiBoxCorners(obj.location, obj.dimensions, obj.rotationY);
    expectClose(corners[0], [-15.593531, 2.39, 56.645745], 1e-6);
    expectClose(corners[2], [-17.466469, 2.39, 60.334255], 1e-6);
    expectClose(corners[7], [-15.59647, 0.72, 60.335744], 1e-6);
    const bbox = cuboidToKitti(edited(cuboid), calib1).bbox;
    expectClose(bbox, [387.881, 181.4596, 423.7698, 203.2919], 1e-4);
  });
});

describe('kittiToCuboid: frame 000000 Pedestrian (§3.7)', () => {
  const obj = parseKittiLabel(PED_LINE)[0];
  const cuboid = kittiToCuboid(obj, calib0);

  it('gives centre, size and yaw', () => {
    expectClose(cuboid.center, [8.731381916, -1.855917464, -0.654699333], 1e-8);
    expect(cuboid.size).toEqual([1.2, 0.48, 1.89]);
    expect(cuboid.yaw).toBeCloseTo(-1.580796326795, 11);
  });

  it('goes back to the label values, and gives both alphas and the projected bbox', () => {
    const back = cuboidToKitti(cuboid, calib0);
    expectClose(back.location, [1.84, 1.47, 8.41], 1e-9);
    expect(back.rotationY).toBeCloseTo(0.01, 9);
    const fresh = edited(cuboid);
    expect(cuboidToKitti(fresh, calib0, { alpha: 'camera' }).alpha).toBeCloseTo(-0.205393161, 8);
    expect(cuboidToKitti(fresh, calib0).alpha).toBeCloseTo(-0.199440052, 8);
    expectClose(cuboidToKitti(fresh, calib0, { imageSize: [1224, 370] }).bbox, [710.4446, 144.0021, 820.2931, 307.5869], 1e-4);
  });
});

describe('kittiToCuboid: the other GT objects of frames 000001/000002 (§3.7 table)', () => {
  const table: [string, string, number[], number[], number, number[]][] = [
    ['000001', 'Truck', [69.724789, -0.447565, 0.583652], [12.34, 2.63, 2.85], -0.010796, [599.8492, 157.3376, 629.8412, 189.845]],
    ['000001', 'Cyclist', [46.12527, -4.572066, -0.031539], [2.02, 0.6, 1.86], -0.020796, [676.8633, 164.1563, 688.8937, 194.0952]],
    ['000002', 'Misc', [8.839809, -3.213927, -0.791872], [2.37, 1.48, 1.63], -0.100796, [806.2268, 168.8646, 995.7527, 329.9906]],
    ['000002', 'Car', [34.675492, -3.153533, -1.311311], [4.36, 1.58, 1.41], 0.009204, [657.5196, 189.815, 700.2805, 223.7191]],
  ];
  for (const [frame, type, center, size, yaw, bbox] of table) {
    it(`${frame} ${type}`, () => {
      const calib = parseKittiCalib(readSampleText('calib', `${frame}.txt`));
      const obj = parseKittiLabel(readSampleText('label_2', `${frame}.txt`)).find((o) => o.type === type);
      expect(obj).toBeDefined();
      const cuboid = kittiToCuboid(obj!, calib);
      expectClose(cuboid.center, center, 1e-6);
      expect(cuboid.size).toEqual(size);
      expect(cuboid.yaw).toBeCloseTo(yaw, 6);
      expectClose(cuboidToKitti(edited(cuboid), calib).bbox, bbox, 1e-4);
    });
  }
});

describe('kittiToCuboid: other cases', () => {
  it('throws KittiError for DontCare (callers keep those lines separately)', () => {
    const dontCare = parseKittiLabel('DontCare -1 -1 -10 503.89 169.71 590.61 190.13 -1 -1 -1 -1000 -1000 -1000 -10')[0];
    expect(() => kittiToCuboid(dontCare, calib1)).toThrow(KittiError);
    expect(() => kittiToCuboid(dontCare, calib1)).toThrow(/kittiToCuboid: field "type": a DontCare line has no 3D box/);
  });

  it('copies the score and gives distinct default ids', () => {
    const obj = parseKittiLabel(`${CAR_LINE} 0.42`)[0];
    const a = kittiToCuboid(obj, calib1);
    const b = kittiToCuboid(obj, calib1);
    expect(a.score).toBe(0.42);
    expect(a.trackId).toBeNull();
    expect(a.id).not.toBe(b.id);
  });

  it('without calibration inverts the §2.8.3 axis convention', () => {
    const obj = parseKittiLabel('Car 0.00 0 0 0 0 0 0 1.5 1.8 4.0 -2.0 1.55 10.0 -1.87')[0];
    const cuboid = kittiToCuboid(obj, null);
    expectClose(cuboid.center, [10, 2, -0.8], 1e-12);
    expect(cuboid.yaw).toBeCloseTo(1.87 - Math.PI / 2, 12);
  });

  it('names a non-finite field', () => {
    const obj = { ...parseKittiLabel(CAR_LINE)[0], location: [1, Infinity, 2] as [number, number, number] };
    expect(() => kittiToCuboid(obj, calib1)).toThrow('kittiToCuboid: field "y": Infinity is not a finite number (Car)');
  });
});
