import { cellRange } from '../../geometry/PointGrid.ts';
import type { Cuboid } from '../../types.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';

/** A return this close (metres) outside a box still counts as inside it. */
const SLACK = 0.1;
/** How far beyond the two faces of an axis (metres) the object is looked for. */
const BEYOND = 0.6;

/** What a box's obstacle returns show along one of its axes. */
export interface SizeInReturns {
  /** Obstacle returns in the box (grown by 0.1 m). */
  inside: number;
  /** Their extent along the axis, metres (0 without returns). */
  span: number;
  /** Obstacle returns up to 0.6 m beyond the axis's two faces, within the box's other two extents. */
  beyond: number;
}

/**
 * The box's obstacle returns (ground excluded) along `axis` (0 length, 1 width, 2 height): how
 * many are in it, how far they spread, and how many lie just past its two faces on that axis.
 * Says whether the object itself has the box's unusual size: returns spread wider than the class
 * allows, or an object that ends where a small box ends.
 */
export function sizeInReturns(analysis: FrameAnalysis, box: Cuboid, axis: 0 | 1 | 2): SizeInReturns {
  const { grid, clusters } = analysis;
  const { sorted, indices, cellStart, nx } = grid;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const half = [box.size[0] / 2, box.size[1] / 2, box.size[2] / 2];
  const [cx, cy, cz] = box.center;
  const rx = half[0] + BEYOND;
  const ry = half[1] + BEYOND;
  const ex = rx * Math.abs(c) + ry * Math.abs(s);
  const ey = rx * Math.abs(s) + ry * Math.abs(c);
  const cells = cellRange(grid, cx - ex, cy - ey, cx + ex, cy + ey);
  const out: SizeInReturns = { inside: 0, span: 0, beyond: 0 };
  if (cells === null) return out;
  let lo = Infinity;
  let hi = -Infinity;
  const l = [0, 0, 0];
  for (let iy = cells[1]; iy <= cells[3]; iy++) {
    const end = cellStart[iy * nx + cells[2] + 1];
    for (let p = cellStart[iy * nx + cells[0]]; p < end; p++) {
      if (clusters.labels[indices[p]] < 0) continue;
      const dx = sorted[3 * p] - cx;
      const dy = sorted[3 * p + 1] - cy;
      l[0] = dx * c + dy * s;
      l[1] = dy * c - dx * s;
      l[2] = sorted[3 * p + 2] - cz;
      let inOthers = true;
      for (let d = 0; d < 3; d++) if (d !== axis && Math.abs(l[d]) > half[d] + SLACK) inOthers = false;
      if (!inOthers) continue;
      const a = Math.abs(l[axis]);
      if (a <= half[axis] + SLACK) {
        out.inside++;
        if (l[axis] < lo) lo = l[axis];
        if (l[axis] > hi) hi = l[axis];
      } else if (a <= half[axis] + BEYOND) {
        out.beyond++;
      }
    }
  }
  if (out.inside > 0) out.span = hi - lo;
  return out;
}
