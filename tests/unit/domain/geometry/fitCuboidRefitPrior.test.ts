import { describe, expect, it } from 'vitest';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { headingNearPrior } from '../../../../src/domain/geometry/fitLShape.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { loadKittiSample } from './kittiSamples.ts';

const deg = (r: number): number => (r * 180) / Math.PI;
/** Angle between two headings' axes, degrees (0–45: a quarter turn is the same axis). */
const axisOff = (a: number, b: number): number => {
  const d = Math.abs(deg(a - b)) % 90;
  return Math.min(d, 90 - d);
};

describe('a refit with its box as the prior', () => {
  it('keeps the KITTI trailer (Misc, 000002) on the face its label follows, not the denser end face', () => {
    // Its side and its end are not square to each other (13° apart): each gives a closeness peak.
    const s = loadKittiSample('000002');
    const gt = s.boxes.find((b) => b.label === 'Misc')!;
    const r = fitCuboid(
      s.positions,
      { x: gt.center[0], y: gt.center[1], z: gt.center[2] },
      {
        label: 'Misc',
        grid: buildPointGrid(s.positions),
        ground: estimateGround(s.positions),
        prior: gt,
      },
    );
    expect(r).not.toBeNull();
    expect(axisOff(r!.yaw, gt.yaw)).toBeLessThan(1.5);
  });

  it("keeps a person's heading: the KITTI cyclist at 46 m (000001) is not turned by its few returns", () => {
    const s = loadKittiSample('000001');
    const gt = s.boxes.find((b) => b.label === 'Cyclist')!;
    const r = fitCuboid(
      s.positions,
      { x: gt.center[0], y: gt.center[1], z: gt.center[2] },
      { label: 'Cyclist', grid: buildPointGrid(s.positions), ground: estimateGround(s.positions), prior: gt },
    );
    expect(r).not.toBeNull();
    expect(axisOff(r!.yaw, gt.yaw)).toBeLessThan(0.5);
  });

  it("takes the points' own heading when nothing near the prior fits them (a box turned 30°)", () => {
    // An L of a car's side (4 m along +x) and rear (1.8 m along +y).
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i <= 40; i++) (xs.push(i * 0.1), ys.push(0));
    for (let i = 1; i <= 18; i++) (xs.push(0), ys.push(i * 0.1));
    const x = Float64Array.from(xs);
    const y = Float64Array.from(ys);
    expect(headingNearPrior(x, y, 0, (30 * Math.PI) / 180)).toBe(0);
    // A prior 4° off is pulled onto the faces.
    expect(Math.abs(deg(headingNearPrior(x, y, 0, (4 * Math.PI) / 180)))).toBeLessThan(0.2);
  });
});
