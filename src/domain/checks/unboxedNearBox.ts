import { isPointInAnyCuboid } from '../geometry/isPointInCuboid.ts';
import { cellRange } from '../geometry/PointGrid.ts';
import type { Cuboid } from '../types.ts';
import type { FrameAnalysis } from './frame/FrameAnalysis.ts';

/** Above this many boxes near the box, points are looked up in the coverage mask instead. */
const MASK_ABOVE = 8;

/** The box's bottom slab (metres) holds ground returns, not the object (as `countObjectPoints`). */
const GROUND_SLAB = 0.2;

/** Obstacle points next to a box that no box holds. */
export interface UnboxedNear {
  /** How many. */
  count: number;
  /** BEV distance (metres) from the box's outline to the nearest of them (Infinity when none). */
  nearest: number;
  /**
   * Their extent (metres) along the box's length and width axes: longer than any object of the
   * class and they belong to something larger (a hedge, a wall), not to the box's object.
   */
  span: [number, number];
}

/**
 * The obstacle points (the frame analysis's above-ground clusters) within `reach` metres of the
 * box's footprint (BEV), between its bottom 0.2 m and its top, that lie in none of `boxes` (the
 * frame's boxes, this one included). The scan stops early once they span more than `maxSpan`
 * along either axis of the box (the count is then partial). `coverage`, when given, returns a
 * mask over the frame's points of those inside any of `boxes` (1), used when many boxes are
 * near. An empty box with many of these beside or in front of it
 * has slipped off its object. LiDAR frame, metres. Cost: the grid cells under the grown footprint.
 */
export function unboxedNearBox(
  analysis: FrameAnalysis,
  box: Cuboid,
  boxes: readonly Cuboid[],
  reach: number,
  maxSpan = Infinity,
  coverage?: () => Uint8Array,
): UnboxedNear {
  const { grid, clusters } = analysis;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const [cx, cy, cz] = box.center;
  const bottom = cz - box.size[2] / 2 + GROUND_SLAB;
  const top = cz + box.size[2] / 2;
  const ex = (hl + reach) * Math.abs(c) + (hw + reach) * Math.abs(s);
  const ey = (hl + reach) * Math.abs(s) + (hw + reach) * Math.abs(c);
  const out: UnboxedNear = { count: 0, nearest: Infinity, span: [0, 0] };
  let loX = Infinity;
  let hiX = -Infinity;
  let loY = Infinity;
  let hiY = -Infinity;
  const range = cellRange(grid, cx - ex, cy - ey, cx + ex, cy + ey);
  if (range === null) return out;
  // Only boxes whose BEV circle reaches the grown footprint's can hold one of its points.
  const radius = Math.hypot(hl + reach, hw + reach);
  const near = boxes.filter((b) => {
    const dx = b.center[0] - cx;
    const dy = b.center[1] - cy;
    const r = radius + Math.sqrt(b.size[0] * b.size[0] + b.size[1] * b.size[1]) / 2;
    return dx * dx + dy * dy <= r * r;
  });
  // Among many boxes (a crowd, or thousands stacked in one place) testing each point against
  // each is quadratic: then one mask of the points in any box answers instead.
  const mask = coverage !== undefined && near.length > MASK_ABOVE ? coverage() : null;
  const { sorted, indices, cellStart, nx } = grid;
  const reach2 = reach * reach;
  let nearest2 = Infinity;
  const labels = clusters.labels;
  for (let iy = range[1]; iy <= range[3]; iy++) {
    const end = cellStart[iy * nx + range[2] + 1];
    for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
      if (labels[indices[p]] < 0 || (mask !== null && mask[indices[p]] === 1)) continue;
      const z = sorted[3 * p + 2];
      if (z < bottom || z > top) continue;
      const x = sorted[3 * p];
      const y = sorted[3 * p + 1];
      const dx = x - cx;
      const dy = y - cy;
      const lx = dx * c + dy * s;
      const ly = dy * c - dx * s;
      const du = Math.max(0, Math.abs(lx) - hl);
      const dv = Math.max(0, Math.abs(ly) - hw);
      const d2 = du * du + dv * dv;
      if (d2 > reach2 || (mask === null && isPointInAnyCuboid(x, y, z, near))) continue;
      out.count++;
      if (d2 < nearest2) nearest2 = d2;
      if (lx < loX) loX = lx;
      if (lx > hiX) hiX = lx;
      if (ly < loY) loY = ly;
      if (ly > hiY) hiY = ly;
      // Already longer than `maxSpan`: part of something larger, and the caller needs no more.
      if (hiX - loX > maxSpan || hiY - loY > maxSpan) {
        out.span = [hiX - loX, hiY - loY];
        out.nearest = Math.sqrt(nearest2);
        return out;
      }
    }
  }
  if (out.count > 0) {
    out.span = [hiX - loX, hiY - loY];
    out.nearest = Math.sqrt(nearest2);
  }
  return out;
}
