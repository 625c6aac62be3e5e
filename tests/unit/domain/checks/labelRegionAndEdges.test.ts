import { describe, expect, it } from 'vitest';
import { countObjectPoints } from '../../../../src/domain/checks/countObjectPoints.ts';
import { labelRegionFromCamera } from '../../../../src/domain/checks/labelRegionFromCamera.ts';
import { analyzeFrame } from '../../../../src/domain/checks/frame/analyzeFrame.ts';
import { isAtScanEdge } from '../../../../src/domain/checks/rules/isAtScanEdge.ts';
import { sizeOutOfRange } from '../../../../src/domain/checks/rules/sizeOutOfRange.ts';
import { syntheticCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { box, cloud, contextFor, groundPoints } from './sceneFixtures.ts';
import { loadKittiFrame } from './kittiFrames.ts';

const ground = cloud(groundPoints(-5, 35, -20, 20, 0.5));

describe('labelRegionFromCamera', () => {
  it('is the camera view of the real calibration, with DontCare columns as ignored wedges', () => {
    const f = loadKittiFrame('000001');
    const r = labelRegionFromCamera(f.calib, 1242, [[600, 100, 700, 200]])!;
    const deg = (a: number) => (a * 180) / Math.PI;
    expect(deg(r.azimuth![0])).toBeCloseTo(-41.2, 0);
    expect(deg(r.azimuth![1])).toBeCloseTo(40.2, 0);
    const [[a, b]] = r.ignoreAzimuths!;
    expect(deg(a)).toBeLessThan(deg(b));
    expect(deg(b) - deg(a)).toBeCloseTo((Math.atan2(700 - 609.56, 721.54) - Math.atan2(600 - 609.56, 721.54)) * (180 / Math.PI), 0);
  });

  it('is undefined without a real camera (synthetic calibration): everything is annotated', () => {
    expect(labelRegionFromCamera(syntheticCalib(), 1242)).toBeUndefined();
  });
});

describe('countObjectPoints', () => {
  it('leaves out the bottom 0.2 m of a box, where ground returns are', () => {
    const b = box('a', 'Car', 10, 3, [4, 2, 1.5]);
    const [n] = countObjectPoints(cloud(groundPoints(8, 12, 2, 4, 0.25), [10, 3, b.center[2]]), [b]);
    expect(n).toBe(1);
    const low = box('b', 'Misc', 10, 3, [1, 1, 0.3]);
    expect(countObjectPoints(cloud([10, 3, low.center[2] - 0.1]), [low])[0]).toBe(1);
  });
});

describe('truncated boxes', () => {
  const a = analyzeFrame(ground);
  it('count as cut by the scan only near its edge or next to the sensor', () => {
    expect(isAtScanEdge(box('x', 'Car', 10, 3, [4, 1.8, 1.5]), a, 3)).toBe(false);
    expect(isAtScanEdge(box('x', 'Car', 33.5, 3, [4, 1.8, 1.5]), a, 3)).toBe(true);
    expect(isAtScanEdge(box('x', 'Car', 2, 1, [4, 1.8, 1.5]), a, 3)).toBe(true);
  });

  it('may be smaller than their class at the edge, not in the middle of the scan', () => {
    const t = { attributes: { truncated: 1, occluded: 0 } };
    expect(sizeOutOfRange(contextFor(ground, [box('edge', 'Car', 33, 3, [1.5, 1.0, 1.5], 0, t)]))).toEqual([]);
    expect(sizeOutOfRange(contextFor(ground, [box('mid', 'Car', 12, 3, [1.5, 1.0, 1.5], 0, t)])).map((r) => r.severity)).toEqual(['error']);
  });
});
