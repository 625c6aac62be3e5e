import { describe, expect, it } from 'vitest';
import { dismissalToDontCare } from '../../../../src/domain/kitti/dismissalToDontCare.ts';
import { formatKittiLabel } from '../../../../src/domain/kitti/formatKittiLabel.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../../../src/domain/kitti/parseKittiLabel.ts';
import { projectLidarPoints } from '../../../../src/domain/kitti/projectToImage.ts';
import { syntheticCalib } from '../../../../src/domain/kitti/syntheticCalib.ts';
import { readSampleText } from './kittiSamples.ts';

const calib = parseKittiCalib(readSampleText('calib', '000001.txt'), { fileName: '000001.txt' });
const IMAGE: [number, number] = [1242, 375];

describe('dismissalToDontCare', () => {
  it('writes a place in front of the car as a DontCare line around its projection, 3D fields as KITTI placeholders', () => {
    const place = { location: [15, 3, -0.9] as [number, number, number], radius: 1.5 };
    const obj = dismissalToDontCare(place, calib, IMAGE);
    expect(obj).not.toBeNull();
    const line = formatKittiLabel([obj!]);
    expect(line).toMatch(/^DontCare -1 -1 -10 \d+\.\d\d \d+\.\d\d \d+\.\d\d \d+\.\d\d -1 -1 -1 -1000 -1000 -1000 -10\n$/);
    // The box holds the projected centre and stays inside the image.
    const [u, v] = projectLidarPoints(new Float32Array([15, 3, -0.9]), calib);
    const [x1, y1, x2, y2] = obj!.bbox;
    expect(x1).toBeLessThan(u);
    expect(x2).toBeGreaterThan(u);
    expect(y1).toBeLessThan(v);
    expect(y2).toBeGreaterThan(v);
    expect(x1).toBeGreaterThanOrEqual(0);
    expect(x2).toBeLessThanOrEqual(IMAGE[0] - 1);
    // At 15 m a 3 m wide region spans about 3/15 of the focal length (721 px): some 150 px.
    expect(x2 - x1).toBeGreaterThan(100);
    expect(x2 - x1).toBeLessThan(260);
    // Read back it is a DontCare region, not a box.
    const [read] = parseKittiLabel(line, { fileName: 'x.txt' });
    expect(read.type).toBe('DontCare');
  });

  it('clips a place at the image edge and writes none behind the car, beside it out of view, or without a camera', () => {
    const edge = dismissalToDontCare({ location: [12, 10, -0.9], radius: 3 }, calib, IMAGE);
    expect(edge?.bbox[0]).toBe(0);
    expect(dismissalToDontCare({ location: [-15, 0, -0.9], radius: 1.5 }, calib, IMAGE)).toBeNull();
    expect(dismissalToDontCare({ location: [2, 20, -0.9], radius: 1 }, calib, IMAGE)).toBeNull();
    // A region reaching behind the camera plane has no well-defined image box: none.
    expect(dismissalToDontCare({ location: [1, 0, -0.9], radius: 2 }, calib, IMAGE)).toBeNull();
    expect(dismissalToDontCare({ location: [15, 3, -0.9], radius: 1.5 }, null, IMAGE)).toBeNull();
    expect(dismissalToDontCare({ location: [15, 3, -0.9], radius: 1.5 }, syntheticCalib(), IMAGE)).toBeNull();
  });
});
