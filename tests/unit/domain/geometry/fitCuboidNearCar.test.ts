import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../src/domain/checks/FrameChecker.ts';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { iouBev } from '../../../../src/domain/geometry/iou.ts';
import { simFrames } from '../../../bench/quality/simFrames.ts';

/** Angle between two headings' axes, degrees (a box's length axis has no direction). */
function axisOff(a: number, b: number): number {
  const d = Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));
  return (Math.min(d, Math.PI - d) * 180) / Math.PI;
}

/** A simulated 16-beam frame, its analysis, and the car nearest `range` metres from the sensor. */
function nearCar(frameIndex: number, range: number) {
  const [frame] = [...simFrames({ profile: 'vlp16', height: 1.73, vehicleFrame: false }, 1, frameIndex)];
  const { grid, ground, sensor } = new FrameChecker(frame.id, frame.positions, { ring: frame.ring }).analysis;
  let best = -1;
  frame.boxes.forEach((b, i) => {
    if (b.label !== 'Car') return;
    const off = Math.abs(Math.hypot(b.center[0], b.center[1]) - range);
    if (best < 0 || off < Math.abs(Math.hypot(frame.boxes[best].center[0], frame.boxes[best].center[1]) - range)) best = i;
  });
  return { frame, box: frame.boxes[best], points: frame.objectPoints[best], opts: { label: 'Car', grid, ground, sensor } };
}

describe('fitCuboid on cars right beside a 16-beam scanner', () => {
  it('heads a car seen side-on from 2 m along its length, though its low body band is a car-width strip', () => {
    // The side is 4.3 m long and 2.3 m away: the beams reach the body band only at its far end,
    // a strip as deep as a car is wide, which passed for a rear seen head-on (90° off, IoU 0.26).
    const { frame, box, points, opts } = nearCar(1, 3.7);
    expect(Math.hypot(box.center[0], box.center[1])).toBeLessThan(4.5);
    for (const k of [0, Math.floor(points.length / 2)]) {
      const j = points[k];
      const fit = fitCuboid(frame.positions, { x: frame.positions[3 * j], y: frame.positions[3 * j + 1] }, opts)!;
      expect(axisOff(fit.yaw, box.yaw)).toBeLessThan(3);
      expect(iouBev(fit, box)).toBeGreaterThan(0.8);
    }
  }, 30_000);

  it('boxes the whole car when clicked on the far edge of its roof, a few returns 1.4 m past its near side', () => {
    const { frame, box, points, opts } = nearCar(2, 6.1);
    const p = frame.positions;
    // The object's highest-range return above 1.2 m: the far roof edge, hit by one beam.
    const gz = box.center[2] - box.size[2] / 2;
    let j = -1;
    for (const q of points) if (p[3 * q + 2] - gz > 1.2 && (j < 0 || Math.hypot(p[3 * q], p[3 * q + 1]) > Math.hypot(p[3 * j], p[3 * j + 1]))) j = q;
    const fit = fitCuboid(p, { x: p[3 * j], y: p[3 * j + 1] }, opts)!;
    expect(fit.pointCount).toBeGreaterThan(points.length / 2);
    expect(fit.confidence).not.toBe('low');
    expect(iouBev(fit, box)).toBeGreaterThan(0.8);
  }, 30_000);
});
