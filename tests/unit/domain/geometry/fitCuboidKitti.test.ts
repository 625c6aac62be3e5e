import { describe, expect, it } from 'vitest';
import { estimateGround, groundHeightAt } from '../../../../src/domain/geometry/estimateGround.ts';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { iouBev } from '../../../../src/domain/geometry/iou.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { pointsInCuboids } from '../../../../src/domain/geometry/pointsInCuboids.ts';
import { loadKittiSample } from './kittiSamples.ts';

/**
 * Evaluation on the real KITTI frames: each labelled object is fitted from a click at its
 * ground-truth centre (x, y), as a user would click, with its class; the fit is compared with
 * the ground truth by bird's-eye-view IoU. Six objects from 8 m to 69 m away, 9 to 1,400 points.
 */
describe('fitCuboid on the KITTI sample frames', () => {
  it('fits every labelled object from a click at its centre; cars reach a mean BEV IoU ≥ 0.6', ({ annotate }) => {
    const byClass = new Map<string, number[]>();
    const rows: string[] = [];
    for (const id of ['000000', '000001', '000002']) {
      const s = loadKittiSample(id);
      const grid = buildPointGrid(s.positions);
      const ground = estimateGround(s.positions);
      for (const gt of s.boxes) {
        const r = fitCuboid(s.positions, { x: gt.center[0], y: gt.center[1] }, { label: gt.label, grid, ground });
        expect(r, `${id} ${gt.label}`).not.toBeNull();
        const iou = iouBev(r!, gt);
        const range = Math.hypot(gt.center[0], gt.center[1]);
        rows.push(`${id} ${gt.label} at ${range.toFixed(0)} m, ${r!.pointCount} pts: BEV IoU ${iou.toFixed(3)}`);
        byClass.set(gt.label, [...(byClass.get(gt.label) ?? []), iou]);
        // A floor for every object: the fit lands on it, with a plausible footprint.
        expect(iou, rows[rows.length - 1]).toBeGreaterThan(0.4);
      }
    }
    const means = [...byClass].map(([label, v]) => `${label} ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(3)} (n=${v.length})`);
    annotate(`mean BEV IoU per class: ${means.join(', ')}\n${rows.join('\n')}`);
    const cars = byClass.get('Car') ?? [];
    expect(cars).toHaveLength(2);
    expect(cars.reduce((a, b) => a + b, 0) / cars.length).toBeGreaterThanOrEqual(0.6);
  });

  it('gives a fit of the same quality wherever on the object the click lands', () => {
    for (const id of ['000001', '000002']) {
      const s = loadKittiSample(id);
      const grid = buildPointGrid(s.positions);
      const ground = estimateGround(s.positions);
      const inside = pointsInCuboids(s.positions, s.boxes, { grid });
      s.boxes.forEach((gt, b) => {
        const onObject = Array.from(inside.indices[b]).filter(
          (i) => s.positions[3 * i + 2] > groundHeightAt(ground, s.positions[3 * i], s.positions[3 * i + 1]) + 0.3,
        );
        const step = Math.max(1, Math.floor(onObject.length / 8));
        for (let k = 0; k < onObject.length; k += step) {
          const i = onObject[k];
          const seed = { x: s.positions[3 * i], y: s.positions[3 * i + 1] };
          const r = fitCuboid(s.positions, seed, { label: gt.label, grid, ground });
          expect(iouBev(r!, gt), `${id} ${gt.label} clicked at point ${i}`).toBeGreaterThan(0.4);
        }
      });
    }
  });
});
