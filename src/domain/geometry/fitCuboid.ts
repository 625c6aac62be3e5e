import type { Vec3 } from '../types.ts';
import { classDefaults } from './classDefaults.ts';
import { clusterAroundSeed } from './clusterAroundSeed.ts';
import type { CuboidShape } from './CuboidShape.ts';
import { estimateGround, groundHeightAt } from './estimateGround.ts';
import type { GroundModel } from './estimateGround.ts';
import { fitLShape } from './fitLShape.ts';
import { principalAxis } from './principalAxis.ts';
import { buildPointGrid, cellRange } from './PointGrid.ts';
import type { PointGrid } from './PointGrid.ts';
import { boxForHeading, scoreAxisAssignment } from './boxForHeading.ts';
import type { BevCluster } from './boxForHeading.ts';

export interface FitCuboidSeed {
  /** LiDAR-frame click position, metres. `z` is not used: the box sits on the local ground. */
  x: number;
  y: number;
  z?: number;
}

export interface FitCuboidOptions {
  /** Class of the object (KITTI names); sets the search radius and the default size. Default 'Car'. */
  label?: string;
  /** Grid over the same positions (built here when absent; pass one to fit many boxes fast). */
  grid?: PointGrid;
  /** Ground model of the frame (estimated around the seed when absent). */
  ground?: GroundModel;
  /** The same object's box in the previous frame: its size and heading are the priors. */
  prior?: CuboidShape;
  /** Which of `headingCandidates` to use (wraps around); default 0, the most likely. */
  headingIndex?: number;
}

export interface FitResult {
  /** Box centre, LiDAR frame, metres. */
  center: Vec3;
  /** [length along heading, width, height], metres. */
  size: Vec3;
  /** Radians about +z from +x, in (−π, π]; equals `headingCandidates[headingIndex mod 4]`. */
  yaw: number;
  /** Number of points of the object cluster the box was fitted to. */
  pointCount: number;
  /**
   * The 4 plausible headings (radians, (−π, π]), most likely first: the fitted rectangle's
   * length axis both ways, then its other axis both ways (index 1 flips index 0, 2 and 3 turn it
   * a quarter). With a `prior`, the heading closest to the prior's yaw comes first. For a stable
   * cycle, keep the same prior (or none) and step `headingIndex`.
   */
  headingCandidates: number[];
  /** Indices (into positions) of the object cluster, ascending. */
  indices: Uint32Array;
}

/** Points this close above the local ground are ground (metres). */
const GROUND_CLEARANCE = 0.2;
/** Largest gap across the line of sight within one surface, metres (plus 0.4 % of the range). */
const LINK_LATERAL = 0.12;
/**
 * Distance to an edge (metres) under which points score alike in the L-shape fit; it grows
 * with range as returns get noisier, so a few stray points do not tilt a sparse face.
 */
const L_SHAPE_D0 = 0.01;
const L_SHAPE_D0_PER_M = 0.0015;
/** A cluster thinner than this (spread across / along) is one visible face. */
const LINE_SPREAD = 0.2;
/** How much larger than the expected size an object's footprint may be before a piece is refused. */
const FOOTPRINT_SLACK = 1.1;

/**
 * Fits an oriented box to the object under a click in a LiDAR scan.
 *
 * `positions`: x y z interleaved, LiDAR frame, metres, sensor at the origin (the visible faces
 * of an object are the ones facing the origin). Steps:
 * 1. gather the points within the class search radius of the seed, dropping those within 0.2 m
 *    of the local ground and those far above the class height;
 * 2. cluster them (`clusterAroundSeed`): pieces of surface near the click, joined while they fit
 *    the class footprint, so a neighbouring wall or car stays out;
 * 3. heading: L-shape fit (`fitLShape`) for vehicles, least-squares direction for a single
 *    visible face and for people; the rectangle axis that best matches the class length
 *    (`scoreAxisAssignment`) becomes the heading, and the 4 headings are returned as candidates
 *    (`headingIndex` picks one; a `prior` reorders them by closeness to its yaw);
 * 4. extents (`boxForHeading`): the visible span where the object is seen whole, the class size
 *    (or the prior's size) extended away from the sensor where it is seen in part;
 * 5. the bottom sits on the local ground, the top at the highest cluster point (class height
 *    when the cluster is much lower; the prior's height with a prior).
 *
 * Returns null when there is no non-ground point within the search radius of the seed.
 */
export function fitCuboid(
  positions: Float32Array,
  seed: FitCuboidSeed,
  opts: FitCuboidOptions = {},
): FitResult | null {
  const defaults = classDefaults(opts.label ?? 'Car');
  const prior = opts.prior;
  const dims: Vec3 = prior ? prior.size : defaults.size;
  const radius = prior
    ? Math.max(defaults.searchRadius, Math.hypot(prior.size[0], prior.size[1]) / 2 + 1)
    : defaults.searchRadius;
  const grid = opts.grid ?? buildPointGrid(positions);
  const ground = opts.ground ?? localGround(grid, seed.x, seed.y, radius + 8);

  // Scan lines spread with range: farther points are linked more loosely.
  const range = Math.hypot(seed.x, seed.y);
  const [longDim, shortDim] = dims[0] >= dims[1] ? [dims[0], dims[1]] : [dims[1], dims[0]];
  const indices = clusterAroundSeed(seed.x, seed.y, {
    grid,
    ground,
    radius,
    linkLateral: LINK_LATERAL + 0.004 * range,
    linkRadial: defaults.clusterDistance + 0.01 * range,
    mergeDistance: defaults.clusterDistance + 0.01 * range,
    maxFootprint: [FOOTPRINT_SLACK * longDim + 0.25, FOOTPRINT_SLACK * shortDim + 0.25],
    reach: Math.hypot(dims[0], dims[1]) / 2 + defaults.clusterDistance,
    groundClearance: GROUND_CLEARANCE,
    maxHeight: dims[2] * 1.5 + 0.5,
  });
  const n = indices.length;
  if (n === 0) return null;

  // Cluster coordinates relative to its mean, for a well-conditioned angle search.
  let mx = 0;
  let my = 0;
  for (let k = 0; k < n; k++) {
    mx += positions[3 * indices[k]];
    my += positions[3 * indices[k] + 1];
  }
  mx /= n;
  my /= n;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let topZ = -Infinity;
  for (let k = 0; k < n; k++) {
    const o = 3 * indices[k];
    xs[k] = positions[o] - mx;
    ys[k] = positions[o + 1] - my;
    if (positions[o + 2] > topZ) topZ = positions[o + 2];
  }

  // Heading: L-shape fit for box-shaped objects; the least-squares direction for a single
  // visible face (a line) and for people and riders (not box-shaped from above); the viewing
  // ray when there is too little to fit.
  const axis = principalAxis(xs, ys);
  const theta =
    n < 3
      ? Math.atan2(my, mx)
      : !defaults.boxShaped || axis.spreadRatio < LINE_SPREAD
        ? axis.angle
        : fitLShape(xs, ys, L_SHAPE_D0 + L_SHAPE_D0_PER_M * range);
  const cluster = { xs, ys, originX: mx, originY: my, seedX: seed.x - mx, seedY: seed.y - my };
  const candidates = headingCandidates(cluster, theta, dims, prior?.yaw);
  const pick = (((opts.headingIndex ?? 0) % 4) + 4) % 4;
  const yaw = candidates[pick];

  const bev = boxForHeading(cluster, yaw, dims, { fixedSize: prior !== undefined, rounded: !defaults.boxShaped });
  const bottom = groundHeightAt(ground, bev.centerX, bev.centerY);
  const visibleH = topZ - bottom;
  const height = prior ? prior.size[2] : visibleH >= 0.6 * dims[2] ? visibleH : dims[2];
  return {
    center: [bev.centerX, bev.centerY, bottom + height / 2],
    size: [bev.length, bev.width, height],
    yaw,
    pointCount: n,
    headingCandidates: candidates,
    indices,
  };
}

/**
 * The four headings of the fitted rectangle, as two axis pairs: the axis that best explains the
 * cluster as the length (see `scoreAxisAssignment`) pointing along +x, then its opposite, then
 * the other axis both ways. With a prior heading, the pair holding the heading closest to it
 * comes first, and each pair starts with its heading closer to the prior; so index 1 is always
 * the flip of index 0, and 2, 3 the quarter turns.
 */
function headingCandidates(cluster: BevCluster, theta: number, dims: Vec3, priorYaw?: number): number[] {
  const a = theta;
  const b = theta + Math.PI / 2;
  const first = scoreAxisAssignment(cluster, a, dims) <= scoreAxisAssignment(cluster, b, dims) ? a : b;
  const second = first === a ? b : a;
  let pairs = [first, second].map((axis): [number, number] => {
    const f = forwardish(axis);
    return [f, wrapAngle(f + Math.PI)];
  });
  if (priorYaw !== undefined) {
    const off = (yaw: number): number => Math.abs(wrapAngle(yaw - priorYaw));
    pairs = pairs.map((p): [number, number] => (off(p[1]) < off(p[0]) ? [p[1], p[0]] : p));
    if (off(pairs[1][0]) < off(pairs[0][0])) pairs = [pairs[1], pairs[0]];
  }
  return [...pairs[0], ...pairs[1]];
}

/** Ground model from the points around (x, y) only, for a fit without a frame-wide model. */
function localGround(grid: PointGrid, x: number, y: number, r: number): GroundModel {
  const range = cellRange(grid, x - r, y - r, x + r, y + r);
  if (range === null) return estimateGround(new Float32Array(0));
  const a = grid.cellStart[range[1] * grid.nx + range[0]];
  const b = grid.cellStart[range[3] * grid.nx + range[2] + 1];
  // Whole rows of cells between the two corners: a superset of the square, good enough here.
  return estimateGround(grid.sorted.subarray(3 * a, 3 * b));
}

/** Of a heading and its opposite, the one pointing along +x (ties: along +y), in (−π, π]. */
function forwardish(a: number): number {
  const w = wrapAngle(a);
  return w > Math.PI / 2 || w <= -Math.PI / 2 ? wrapAngle(w + Math.PI) : w;
}

function wrapAngle(a: number): number {
  const w = a - 2 * Math.PI * Math.floor(a / (2 * Math.PI) + 0.5);
  return w === -Math.PI ? Math.PI : w;
}
