import { cellRange } from '../../geometry/PointGrid.ts';
import { beamGapAt } from '../../sensor/beamGapAt.ts';
import { isPointInAnyCuboid } from '../../geometry/isPointInCuboid.ts';
import type { Cuboid } from '../../types.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';
import { createGrowScratch, growFromInside, surfaceLink } from './growFromInside.ts';
import type { GrowScratch } from './growFromInside.ts';

/** `growFromInside` always joins points closer than this share of its link (its voxels are 2/3 of it). */
const ALWAYS_LINKED = 2 / 3;
/** Outside points beyond this count and this multiple of the inside ones: the box is embedded in a larger structure. */
const EMBEDDED_MIN = 1500;
const EMBEDDED_RATIO = 6;
/** The box's bottom slab (metres) holds ground returns, not the object (as `countObjectPoints`). */
const GROUND_SLAB = 0.2;

/** Buffers reused from box to box, grown on demand (no per-box allocation of point arrays). */
export interface GatherScratch {
  local: Float64Array;
  state: Uint8Array;
  /** Box-local x y z of the object's points, 3 per point. */
  object: Float64Array;
  grow: GrowScratch;
}

export function createGatherScratch(): GatherScratch {
  return { local: new Float64Array(3 * 1024), state: new Uint8Array(1024), object: new Float64Array(3 * 1024), grow: createGrowScratch() };
}

/** What `gatherObject` found: the object's points are `scratch.object[0 .. 3n)`, box-local. */
export interface GatheredObject {
  /** Number of object points. */
  n: number;
  /** Of them, points outside the box grown by the margin. */
  outside: number;
  /** How far (metres) beyond the side faces / above the top the object was followed. */
  reach: number;
  reachUp: number;
  /**
   * Per face (0 front +x, 1 rear −x, 2 left +y, 3 right −y, 4 top): the object's surface goes on
   * to the edge of the gathered region there, so it is part of something larger (a wall, a hedge,
   * a much longer vehicle) whose end is not seen.
   */
  atReach: [boolean, boolean, boolean, boolean, boolean];
}

/**
 * The boxed object's points in and around a box, box-local (x along the heading, y to the left,
 * z up from the box centre; metres): the above-ground points (obstacle clusters of the frame
 * analysis) of the clusters the box holds, inside the box grown by `reach` horizontally and
 * `reachUp` above its top, and not below its bottom 0.2 m, plus the returns too low for an obstacle
 * cluster (a car's lowest row, 0.2–0.3 m up) inside the box grown by `margin` above that slab; then only the surface connected to the
 * points inside the box (grown by `margin`), followed through 0.3 m links (`growFromInside`; at
 * range 1.8 of the sensor's column spacings, `surfaceLink`) and never through another box. So a
 * second object 0.4 m away or more (0.53 m 75 m from a 64-beam scanner) is left out, and a wall that
 * touches the object shows as a surface reaching the edge of the region (`atReach`).
 * When the clusters around hold more than 1500 points and 6 times those inside, the box is taken
 * as embedded in a larger structure: only its inside points are the object, every face `atReach`.
 * `others`: boxes near this one (their points are not followed); or, among many boxes,
 * `covered`: a `coverageMask` of every box grown by `margin` (this one included). Nothing is gathered when the
 * box (grown by the margin) holds fewer than `minInside` (≥ 1) returns above its bottom slab. Cost: the grid cells under the
 * grown box, linear in their points.
 */
export function gatherObject(
  analysis: FrameAnalysis,
  box: Cuboid,
  others: readonly Cuboid[],
  margin: number,
  reach: number,
  reachUp: number,
  minInside: number,
  scratch: GatherScratch,
  covered: Uint8Array | null = null,
): GatheredObject {
  const none: GatheredObject = { n: 0, outside: 0, reach, reachUp, atReach: [false, false, false, false, false] };
  const { grid } = analysis;
  const labels = analysis.clusters.labels;
  const { sorted, indices, cellStart, nx } = grid;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const hh = box.size[2] / 2;
  const [cx, cy, cz] = box.center;
  const ex = (hl + reach) * Math.abs(c) + (hw + reach) * Math.abs(s);
  const ey = (hl + reach) * Math.abs(s) + (hw + reach) * Math.abs(c);
  const zLow = -hh + Math.min(GROUND_SLAB, hh);
  // Rows of one surface lie one beam gap apart vertically: heights are squeezed while the surface
  // is followed so that the gap at this range always links (within 2/3 of the link, whatever the
  // voxel boundaries: a 16-beam scan's rows are 0.3 m apart at 9 m), and restored in the object's points.
  const link = surfaceLink(analysis.sensor, cx, cy);
  const zScale = Math.min(1, (ALWAYS_LINKED * link) / (1.1 * beamGapAt(analysis.sensor, cx, cy, cz)));
  // Pass 1: the obstacle clusters with points inside the box (grown by the margin), and how many
  // returns above its bottom slab it holds (the lowest too, clustered or not).
  const fx = (hl + margin) * Math.abs(c) + (hw + margin) * Math.abs(s);
  const fy = (hl + margin) * Math.abs(s) + (hw + margin) * Math.abs(c);
  const footprint = cellRange(grid, cx - fx, cy - fy, cx + fx, cy + fy);
  if (footprint === null) return none;
  const own = new Set<number>();
  let held = 0;
  for (let iy = footprint[1]; iy <= footprint[3]; iy++) {
    const end = cellStart[iy * nx + footprint[2] + 1];
    for (let p = cellStart[iy * nx + footprint[0]]; p < end; p++) {
      const lz = sorted[3 * p + 2] - cz;
      if (lz < zLow || lz > hh + margin) continue;
      const label = labels[indices[p]];
      const dx = sorted[3 * p] - cx;
      const dy = sorted[3 * p + 1] - cy;
      if (Math.abs(dx * c + dy * s) <= hl + margin && Math.abs(dy * c - dx * s) <= hw + margin) {
        if (label >= 0) own.add(label);
        held++;
      }
    }
  }
  if (held < minInside) return none;
  // Only the own clusters' points are gathered: scan the part of the region their bounds cover.
  const { clusters } = analysis;
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  for (const label of own) {
    bx0 = Math.min(bx0, clusters.minX[label]);
    by0 = Math.min(by0, clusters.minY[label]);
    bx1 = Math.max(bx1, clusters.maxX[label]);
    by1 = Math.max(by1, clusters.maxY[label]);
  }
  // ...and the box itself (grown by the margin), for the returns too low for a cluster.
  const range = cellRange(
    grid,
    Math.min(Math.max(cx - ex, bx0), cx - fx),
    Math.min(Math.max(cy - ey, by0), cy - fy),
    Math.max(Math.min(cx + ex, bx1), cx + fx),
    Math.max(Math.min(cy + ey, by1), cy + fy),
  );
  if (range === null) return none;
  // Pass 2: those clusters' points in the grown region, with a state for growFromInside.
  const [first, second] = own.size <= 2 ? [...own, -2] : [-2, -2];
  const few = own.size <= 2;
  let m = 0;
  let outsidePoints = 0;
  let insidePoints = 0;
  for (let iy = range[1]; iy <= range[3]; iy++) {
    const end = cellStart[iy * nx + range[2] + 1];
    for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
      // Height first: it reads the sorted copy in order, the label a scattered array.
      const lz = sorted[3 * p + 2] - cz;
      if (lz < zLow || lz > hh + reachUp) continue;
      const label = labels[indices[p]];
      const x = sorted[3 * p];
      const y = sorted[3 * p + 1];
      const dx = x - cx;
      const dy = y - cy;
      const lx = dx * c + dy * s;
      const ly = dy * c - dx * s;
      if (few ? label !== first && label !== second : !own.has(label)) {
        // A return too low for an obstacle cluster (a car's lowest row, 0.2–0.3 m up) is the
        // object's when it stands inside the box above its bottom slab.
        if (label >= 0 || Math.abs(lx) > hl + margin || Math.abs(ly) > hw + margin || lz > hh + margin) continue;
      }
      if (Math.abs(lx) > hl + reach || Math.abs(ly) > hw + reach) continue;
      if (m === scratch.state.length) growScratch(scratch);
      scratch.local[3 * m] = lx;
      scratch.local[3 * m + 1] = ly;
      scratch.local[3 * m + 2] = lz * zScale;
      const inside = Math.abs(lx) <= hl + margin && Math.abs(ly) <= hw + margin && lz <= hh + margin;
      const inOther = covered !== null ? covered[indices[p]] === 1 : isPointInAnyCuboid(x, y, sorted[3 * p + 2], others, margin);
      const state = inside ? 1 : inOther ? 3 : 2;
      scratch.state[m] = state;
      if (state === 2) outsidePoints++;
      else if (state === 1) insidePoints++;
      m++;
    }
  }
  // Far more of the clusters around the box than in it: the box sits in a large structure (a
  // building, a hedge); its surface is not followed (that would cost the most of any box).
  const embedded = outsidePoints > EMBEDDED_MIN && outsidePoints > EMBEDDED_RATIO * insidePoints;
  const grown =
    outsidePoints > 0 && !embedded
      ? growFromInside(scratch.local, scratch.state, m, link, scratch.grow)
      : { inside: insidePoints, outside: 0, reachedOutside: [] };
  if (grown.inside === 0) return none;
  const { local, state, object } = scratch;
  let n = 0;
  for (let k = 0; k < m; k++) {
    if (state[k] !== 1) continue;
    object[3 * n] = local[3 * k];
    object[3 * n + 1] = local[3 * k + 1];
    object[3 * n + 2] = local[3 * k + 2] / zScale;
    n++;
  }
  const atReach: GatheredObject['atReach'] = [embedded, embedded, embedded, embedded, embedded];
  const edge = reach - link;
  for (const k of grown.reachedOutside) {
    const lx = local[3 * k];
    const ly = local[3 * k + 1];
    const lz = local[3 * k + 2] / zScale;
    object[3 * n] = lx;
    object[3 * n + 1] = ly;
    object[3 * n + 2] = lz;
    n++;
    if (lx - hl > edge) atReach[0] = true;
    if (-lx - hl > edge) atReach[1] = true;
    if (ly - hw > edge) atReach[2] = true;
    if (-ly - hw > edge) atReach[3] = true;
    if (lz - hh > reachUp - link) atReach[4] = true;
  }
  return { n, outside: grown.outside, reach, reachUp, atReach };
}

function growScratch(scratch: GatherScratch): void {
  const size = scratch.state.length * 2;
  const local = new Float64Array(3 * size);
  local.set(scratch.local);
  scratch.local = local;
  const state = new Uint8Array(size);
  state.set(scratch.state);
  scratch.state = state;
  // The object is at most every gathered point.
  scratch.object = new Float64Array(3 * size);
}
