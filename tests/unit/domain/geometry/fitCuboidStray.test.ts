import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../src/domain/checks/FrameChecker.ts';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { simFrames } from '../../../bench/quality/simFrames.ts';

describe('fitCuboid and a stray return beside a car', () => {
  it('keeps the width when one return lies 0.34 m past the rest on the far side (off the kerb, through a window)', () => {
    const [frame] = [...simFrames({ profile: 'hdl64', height: 1.73, vehicleFrame: false }, 1, 0)];
    // The car with the most returns between 10 and 25 m.
    let best = -1;
    frame.boxes.forEach((b, i) => {
      const r = Math.hypot(b.center[0], b.center[1]);
      if (b.label === 'Car' && r > 10 && r < 25 && (best < 0 || frame.returns[i] > frame.returns[best])) best = i;
    });
    const box = frame.boxes[best];
    expect(frame.returns[best]).toBeGreaterThan(100);
    const opts = (positions: Float32Array) => {
      const { grid, ground, sensor } = new FrameChecker(frame.id, positions, { ring: frame.ring }).analysis;
      return { label: 'Car', grid, ground, sensor };
    };
    const seed = { x: box.center[0], y: box.center[1] };
    const clean = fitCuboid(frame.positions, seed, opts(frame.positions))!;
    // 0.34 m past the return farthest out on the side away from the sensor, at its height.
    const nx = -Math.sin(box.yaw);
    const ny = Math.cos(box.yaw);
    const side = nx * box.center[0] + ny * box.center[1] > 0 ? 1 : -1;
    const p = frame.positions;
    let out = frame.objectPoints[best][0];
    for (const q of frame.objectPoints[best]) if (side * (p[3 * q] * nx + p[3 * q + 1] * ny) > side * (p[3 * out] * nx + p[3 * out + 1] * ny)) out = q;
    const stray = [p[3 * out] + side * 0.34 * nx, p[3 * out + 1] + side * 0.34 * ny, p[3 * out + 2]];
    const positions = new Float32Array(frame.positions.length + 3);
    positions.set(frame.positions);
    positions.set(stray, frame.positions.length);
    const fit = fitCuboid(positions, seed, opts(positions))!;
    expect(fit.indices).toContain(frame.positions.length / 3);
    expect(Math.abs(fit.size[1] - clean.size[1])).toBeLessThan(0.05);
    expect(Math.abs(fit.size[0] - clean.size[0])).toBeLessThan(0.05);
  }, 30_000);
});
