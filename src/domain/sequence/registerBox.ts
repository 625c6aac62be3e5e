import type { CuboidShape } from '../geometry/CuboidShape.ts';
import type { PointGrid } from '../geometry/PointGrid.ts';
import { queryRect } from '../geometry/PointGrid.ts';
import type { GroundModel } from '../geometry/estimateGround.ts';
import { groundHeightAt } from '../geometry/estimateGround.ts';
import { PointHash } from './PointHash.ts';
import { searchShift } from './searchShift.ts';

/** One frame's points with the optional indexes built once per frame. LiDAR frame, metres. */
export interface FrameCloud {
  /** x y z interleaved, the frame's own LiDAR frame, metres. */
  positions: Float32Array;
  /** Grid over `positions` (a linear scan when absent). */
  grid?: PointGrid;
  /** Ground model of the frame (the box bottom stands in for the ground when absent). */
  ground?: GroundModel;
}

export interface RegisterBoxOptions {
  /**
   * How far from the initial box the object may be found, metres in x and y. Default: 0.5 m plus
   * a quarter of the box's longer side (1.5 m for a car), at most 3 m.
   */
  window?: number;
  /** Points this close above the ground are ignored on both sides, metres. Default 0.2. */
  groundClearance?: number;
  /** Iteration cap per ICP run (over all stages). Default 60. */
  maxIterations?: number;
  /** Pair distance (metres) at the last iterations; a pair within it is an inlier. Default 0.2. */
  inlierDistance?: number;
}

export interface RegisterBoxResult {
  /** The source box moved rigidly onto the target points (size unchanged), target LiDAR frame. */
  box: CuboidShape;
  /** Source points paired with a target point within `inlierDistance` at the end. */
  inliers: number;
  /** Source points (inside the source box, above the ground). */
  sourcePoints: number;
  /** Root-mean-square distance of the inlier pairs, metres. */
  rmse: number;
}

const SOURCE_SLACK = 0.1;
const HASH_CELL = 0.25;
/** Pairing distances (metres) of the ICP stages before the final one, each run to convergence. */
const LEVELS = [0.35];
const ITERATIONS_PER_LEVEL = 15;
/** A shift below this (metres) ends a stage. */
const CONVERGED = 5e-4;
/**
 * Score given up per point for a shift as long as the box (quadratic in the shift): a shift must
 * lay clearly more points onto the target to win, so that a small object does not jump onto a
 * neighbour of its size (two people walking side by side).
 */
const SHIFT_COST = 0.3;
/** Points used in the coarse search (evenly thinned). */
const SEARCH_POINTS = 400;
/** Largest default search window, metres. */
const MAX_WINDOW = 3;
/** Large objects are registered with an evenly thinned subset of their points. */
const MAX_SOURCE_POINTS = 800;
/** Fewest source points worth registering; below this, registration is left to the fit. */
const MIN_SOURCE_POINTS = 3;

/**
 * Tracks a box from one frame to the next by aligning the object's points (the shift in x and y;
 * the heading is the initial box's).
 *
 * `source`: the frame the box is in; `box` (its LiDAR frame) selects the object's points (inside
 * the box plus 10 cm, above the ground + `groundClearance`). `target`: the next frame;
 * `initial` (its LiDAR frame) is where the box is expected (the motion prediction).
 * 1. Coarse search (`searchShift`): every shift on a 10 cm grid within ±`window` of the initial
 *    box, scored by how many source points land on target points, less a cost growing with the
 *    shift (relative to the box size). It cannot stop in a local optimum, and along a long flat
 *    side, which looks the same at every shift, it keeps the prediction; the object's ends and
 *    corners decide.
 * 2. Fine: point-to-point ICP of the shift (3D nearest neighbours within 0.35 m, then within
 *    `inlierDistance`), so the result is not bound to the 10 cm grid.
 *
 * Returns the moved box (centre z: the source box's height above the ground kept when both
 * frames have a ground model, else the initial box's z), or null when the source box holds fewer
 * than 3 points or no target point pairs up.
 */
export function registerBox(
  source: FrameCloud,
  box: CuboidShape,
  target: FrameCloud,
  initial: CuboidShape,
  opts: RegisterBoxOptions = {},
): RegisterBoxResult | null {
  const clearance = opts.groundClearance ?? 0.2;
  const window = opts.window ?? Math.min(MAX_WINDOW, defaultWindow(initial));
  const margin = window + 0.5;
  const maxIterations = opts.maxIterations ?? 60;
  const finalDistance = opts.inlierDistance ?? 0.2;

  const src = decimate(gatherLocal(source, box, SOURCE_SLACK, clearance), MAX_SOURCE_POINTS);
  const ns = src.length / 3;
  if (ns < MIN_SOURCE_POINTS) return null;
  const sourceGround = source.ground ? groundHeightAt(source.ground, box.center[0], box.center[1]) : box.center[2] - box.size[2] / 2;
  const targetGround = target.ground ? groundHeightAt(target.ground, initial.center[0], initial.center[1]) : initial.center[2] - initial.size[2] / 2;
  const dz = targetGround - sourceGround;
  // Target points in the initial box's local frame grown by the margin, back in LiDAR coordinates.
  const tgtLocal = gatherLocal(target, initial, margin, clearance);
  const nt = tgtLocal.length / 3;
  if (nt === 0) return null;
  const tgt = toLidar(tgtLocal, initial);
  const hash = new PointHash(tgt, HASH_CELL);

  // 1. Coarse: the best shift on a 10 cm grid within the search window (no local optimum; along
  //    a flat side, where every shift fits alike, the prediction is kept).
  const coarse = toLidar(decimate(src, SEARCH_POINTS), initial);
  const size = Math.max(initial.size[0], initial.size[1]);
  const shift = searchShift(coarse, tgt, { window, shiftCost: SHIFT_COST / (size * size) });
  // 2. Fine: ICP of the shift from there, pairing within 0.35 m then `inlierDistance`.
  const best = icpShift(src, hash, initial.center[0] + shift.dx, initial.center[1] + shift.dy, initial.yaw, dz, maxIterations, finalDistance);
  if (best.inliers === 0) return null;
  const z = source.ground && target.ground ? box.center[2] + dz : initial.center[2];
  return {
    box: { center: [best.cx, best.cy, z], size: [box.size[0], box.size[1], box.size[2]], yaw: initial.yaw },
    inliers: best.inliers,
    sourcePoints: ns,
    rmse: Math.sqrt(best.sq / best.inliers),
  };
}

/** The default search window: 0.5 m plus a quarter of the box's longer side, metres. */
function defaultWindow(box: CuboidShape): number {
  return 0.5 + 0.25 * Math.max(box.size[0], box.size[1]);
}

function distanceLevels(finalDistance: number): number[] {
  return [...LEVELS.filter((d) => d > finalDistance), finalDistance];
}

interface IcpResult {
  cx: number;
  cy: number;
  /** Pairs within the final distance, and the sum of their squared distances (m²). */
  inliers: number;
  sq: number;
}

/**
 * Point-to-point ICP of the shift only: the box-local source points, turned by `yaw` and placed
 * at (cx, cy), paired with their nearest target point (3D) within a pairing distance; the mean
 * pair difference moves the box. The pairing distance is 0.35 m, then `finalDistance`, each
 * stage iterated until the shift is under 0.5 mm (at most 15 iterations per stage).
 */
function icpShift(
  src: Float64Array,
  hash: PointHash,
  x0: number,
  y0: number,
  yaw: number,
  dz: number,
  maxIterations: number,
  finalDistance: number,
): IcpResult {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const tgt = hash.pts;
  const ns = src.length / 3;
  let cx = x0;
  let cy = y0;
  let inliers = 0;
  let sq = 0;
  let iterations = 0;
  for (const level of distanceLevels(finalDistance)) {
    for (let k = 0; k < ITERATIONS_PER_LEVEL && iterations < maxIterations; k++, iterations++) {
      let sx = 0;
      let sy = 0;
      let m = 0;
      sq = 0;
      for (let i = 0; i < ns; i++) {
        const px = cx + c * src[3 * i] - s * src[3 * i + 1];
        const py = cy + s * src[3 * i] + c * src[3 * i + 1];
        const pz = src[3 * i + 2] + dz;
        const j = hash.nearest(px, py, pz, level);
        if (j < 0) continue;
        const ex = tgt[3 * j] - px;
        const ey = tgt[3 * j + 1] - py;
        const ez = tgt[3 * j + 2] - pz;
        sx += ex;
        sy += ey;
        sq += ex * ex + ey * ey + ez * ez;
        m++;
      }
      inliers = m;
      if (m === 0) break;
      cx += sx / m;
      cy += sy / m;
      if (Math.hypot(sx / m, sy / m) < CONVERGED) break;
    }
  }
  return { cx, cy, inliers, sq };
}

/**
 * The points inside `box` grown by `slack` in x and y (and 0.3 m above its top), above the local
 * ground + `clearance`, in box-local coordinates (x along the heading, y left; z stays LiDAR z).
 */
function gatherLocal(cloud: FrameCloud, box: CuboidShape, slack: number, clearance: number): Float64Array {
  const hl = box.size[0] / 2 + slack;
  const hw = box.size[1] / 2 + slack;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const [bx, by, bz] = box.center;
  const floor = (cloud.ground ? groundHeightAt(cloud.ground, bx, by) : bz - box.size[2] / 2) + clearance;
  const top = bz + box.size[2] / 2 + 0.3;
  const out: number[] = [];
  const p = cloud.positions;
  const visit = (i: number): void => {
    const z = p[3 * i + 2];
    if (!(z >= floor && z <= top)) return;
    const dx = p[3 * i] - bx;
    const dy = p[3 * i + 1] - by;
    const lx = c * dx + s * dy;
    const ly = -s * dx + c * dy;
    if (Math.abs(lx) <= hl && Math.abs(ly) <= hw) out.push(lx, ly, z);
  };
  const r = Math.hypot(hl, hw);
  if (cloud.grid) queryRect(cloud.grid, bx - r, by - r, bx + r, by + r, visit);
  else for (let i = 0, n = Math.floor(p.length / 3); i < n; i++) visit(i);
  return Float64Array.from(out);
}

/** Every k-th point (xyz triples) so that at most `max` remain. */
function decimate(points: Float64Array, max: number): Float64Array {
  const n = points.length / 3;
  if (n <= max) return points;
  const step = n / max;
  const out = new Float64Array(max * 3);
  for (let k = 0; k < max; k++) {
    const i = Math.floor(k * step);
    out.set(points.subarray(3 * i, 3 * i + 3), 3 * k);
  }
  return out;
}

/** Box-local (x, y) back to LiDAR coordinates (z unchanged). */
function toLidar(local: Float64Array, box: CuboidShape): Float64Array {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const out = new Float64Array(local.length);
  for (let i = 0; i < local.length; i += 3) {
    out[i] = box.center[0] + c * local[i] - s * local[i + 1];
    out[i + 1] = box.center[1] + s * local[i] + c * local[i + 1];
    out[i + 2] = local[i + 2];
  }
  return out;
}
