import type { Vec3 } from '../types.ts';
import { boxForHeading, rectangleSides, scoreAxisAssignment } from './boxForHeading.ts';
import type { BevBox, BevCluster } from './boxForHeading.ts';
import { classDefaults } from './classDefaults.ts';
import type { ClassDefaults } from './classDefaults.ts';
import { cutOverhang } from './cutOverhang.ts';
import { estimateGround, groundHeightAt } from './estimateGround.ts';
import type { GroundModel } from './estimateGround.ts';
import { fitHeight, DEFAULT_ELEVATION_GAP } from './fitHeight.ts';
import { fitLShape, headingNearPrior } from './fitLShape.ts';
import type { FitConfidence, FitCuboidOptions, FitResult, HeadingSource } from './fitTypes.ts';
import { chooseHeading, wrapAngle } from './headingSign.ts';
import { riderEndOn } from './riderEndOn.ts';
import { principalAxis } from './principalAxis.ts';
import { bodyBand, headOnHeading, isHeadOn } from './vehicleHeadingCues.ts';
import { buildPointGrid, cellRange } from './PointGrid.ts';
import { seenPast } from './seenPast.ts';
import type { PointGrid } from './PointGrid.ts';

/** Points this close above the local ground are ground (metres). */
export const GROUND_CLEARANCE = 0.2;
/** Points this far above the class's tallest size are not the object (metres). */
export const HEIGHT_MARGIN = 0.3;
/**
 * Distance to an edge (metres) under which points score alike in the L-shape fit; it grows
 * with range as returns get noisier, so a few stray points do not tilt a sparse face.
 */
const L_SHAPE_D0 = 0.01;
const L_SHAPE_D0_PER_M = 0.0015;
/** A sparse cluster thinner than this (spread across / along) is a line of returns. */
const LINE_SPREAD = 0.2;
/**
 * A vehicle cluster thinner than this (spread across / along) is one visible face, headed by least
 * squares. An L whose short leg holds only a few percent of the returns already spreads 0.15–0.2
 * across, and its principal axis leans several degrees towards that leg: the L-shape fit heads it.
 */
const FACE_SPREAD = 0.1;
/** Fewer returns than this: a sparse object, boxed at the class size around them. */
export const SPARSE_POINTS = 10;
/** Azimuth step assumed without a sensor model, radians (0.2°, a VLP-32C at 10 Hz; HDL-64E ≈ 0.17°). */
const DEFAULT_AZIMUTH_STEP = 0.2 * (Math.PI / 180);
/** Clearance a label keeps around the returns of a face (about the range noise), metres. */
const LABEL_CLEARANCE = 0.02;
/** How far (azimuth steps × range) a face's edge lies beyond its outermost return (see `fitObject`). */
const EDGE_STEPS = 0.25;

export interface FitToPointsOptions extends FitCuboidOptions {
  /** Where the user clicked (LiDAR frame, metres); default the points' centroid. */
  seed?: { x: number; y: number };
}

/** The sensor's position, beam elevations and azimuth step as the fit uses them. */
export interface FitSensor {
  origin: readonly [number, number, number];
  elevations?: Float64Array;
  azimuthStep: number;
}

export function fitSensor(opts: FitCuboidOptions): FitSensor {
  const s = opts.sensor;
  const origin = s?.origin ?? opts.sensorOrigin ?? [0, 0, 0];
  const elevations = s !== undefined && s.beams >= 2 && s.elevations.length >= 2 ? s.elevations : undefined;
  const azimuthStep = s !== undefined && s.azimuthStep > 0 ? s.azimuthStep : DEFAULT_AZIMUTH_STEP;
  return { origin, elevations, azimuthStep };
}

/**
 * Fits an oriented box to given points of one object: the lean entry point for a caller that
 * already knows which points belong to it (a check that refits a box to the points in and around
 * it), skipping the click clustering of `fitCuboid`.
 *
 * `positions`: x y z interleaved, metres, the points' frame (sensor at `sensorOrigin`).
 * `indices`: the points to fit (any order). Ground returns (within 0.2 m of the local ground),
 * returns above the class's tallest size (+0.3 m), and what hangs over the object above a
 * vertical gap are dropped first. Returns null when no point is left.
 *
 * Steps: heading (head-on rule, single-face least squares, L-shape fit, or the road axis for a
 * sparse object); which end is the front (`chooseHeading`); the footprint (`boxForHeading`:
 * what is seen, completed from the class range away from the sensor); the height (`fitHeight`:
 * the highest return, or the class prior when a beam above it shows the top was not seen).
 */
export function fitToPoints(positions: Float32Array, indices: ArrayLike<number>, opts: FitToPointsOptions = {}): FitResult | null {
  const defaults = classDefaults(opts.label ?? 'Car');
  const sensor = fitSensor(opts);
  const idx = Uint32Array.from(indices as ArrayLike<number>);
  if (idx.length === 0) return null;
  let ground = opts.ground;
  if (ground === undefined) {
    let cx = 0;
    let cy = 0;
    for (let k = 0; k < idx.length; k++) {
      cx += positions[3 * idx[k]] / idx.length;
      cy += positions[3 * idx[k] + 1] / idx.length;
    }
    ground = localGround(opts.grid ?? buildPointGrid(positions), cx, cy, defaults.searchRadius + 8);
  }
  const kept = objectPoints(positions, idx, ground, defaults, sensor);
  if (kept.length === 0) return null;
  return fitObject(positions, kept, ground, defaults, sensor, opts);
}

/**
 * The points of `idx` that are the object: not ground, not above the class's tallest size, and
 * not over a vertical gap above the class's smallest height (a tree, an awning; for a person any
 * such gap, `cutOverhang` without roofs). Sorted.
 */
export function objectPoints(positions: Float32Array, idx: Uint32Array, ground: GroundModel, defaults: ClassDefaults, sensor: FitSensor): Uint32Array {
  const hMax = defaults.range.h[1] + HEIGHT_MARGIN;
  const heights: number[] = [];
  const px: number[] = [];
  const py: number[] = [];
  const pick: number[] = [];
  let meanRange = 0;
  for (let k = 0; k < idx.length; k++) {
    const o = 3 * idx[k];
    const h = positions[o + 2] - groundHeightAt(ground, positions[o], positions[o + 1]);
    if (!(h >= GROUND_CLEARANCE && h <= hMax)) continue;
    heights.push(h);
    px.push(positions[o]);
    py.push(positions[o + 1]);
    pick.push(idx[k]);
    meanRange += Math.hypot(positions[o] - sensor.origin[0], positions[o + 1] - sensor.origin[1]);
  }
  if (pick.length === 0) return new Uint32Array(0);
  meanRange /= pick.length;
  // Two missing beam rows at that range (at least 0.35 m) is a gap, not a window.
  const gap = Math.max(0.35, 2.2 * meanRange * Math.tan(beamSpacing(sensor)));
  const keep = cutOverhang(Float64Array.from(heights), Float64Array.from(px), Float64Array.from(py), defaults.range.h[0], gap, defaults.boxShaped);
  const out: number[] = [];
  for (let k = 0; k < pick.length; k++) if (keep[k]) out.push(pick[k]);
  return Uint32Array.from(out).sort();
}

/** The median angle between neighbouring beams (radians), or the default without beam data. */
export function beamSpacing(sensor: FitSensor): number {
  const e = sensor.elevations;
  if (e === undefined) return DEFAULT_ELEVATION_GAP;
  const gaps: number[] = [];
  for (let i = 1; i < e.length; i++) gaps.push(e[i] - e[i - 1]);
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] || DEFAULT_ELEVATION_GAP;
}

/** The fit proper, on the object's points (non-empty, ground and overhang removed). */
export function fitObject(
  positions: Float32Array,
  indices: Uint32Array,
  ground: GroundModel,
  defaults: ClassDefaults,
  sensor: FitSensor,
  opts: FitToPointsOptions,
): FitResult {
  const prior = opts.prior;
  const dims: Vec3 = prior ? prior.size : defaults.size;
  const n = indices.length;
  const [ox, oy, oz] = sensor.origin;
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
  const zs = new Float64Array(n);
  const ranges = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const o = 3 * indices[k];
    xs[k] = positions[o] - mx;
    ys[k] = positions[o + 1] - my;
    zs[k] = positions[o + 2];
    ranges[k] = Math.hypot(positions[o] - ox, positions[o + 1] - oy);
  }
  const range = Math.hypot(mx - ox, my - oy);
  const seed = opts.seed ?? { x: mx, y: my };
  const sparse = n < SPARSE_POINTS;

  // Heading axis, from the vertical faces: for vehicles the returns in the body band (bumpers,
  // doors), not the roof, bonnet or boot, which lie inside the outline seen from above.
  const los = Math.atan2(my - oy, mx - ox);
  const [hx, hy] = defaults.boxShaped && !sparse ? bodyBand(xs, ys, zs, groundHeightAt(ground, mx, my)) : [xs, ys];
  const axis = principalAxis(hx, hy);
  let theta: number;
  let headOn = false;
  // A rider (a class longer than it can be wide) is boxed along `theta` as found: its spread is
  // its length, and a rider whose returns are a blob is seen from behind or ahead (from the side
  // its length shows), so it heads along the line of sight. The spans of a few dozen returns
  // would rather turn the box across (a rider's back seen from above is as wide as it is deep):
  // on simulated 32/64-beam frames that put 1 rider box in 4 across its bicycle.
  const rider = !defaults.boxShaped && defaults.range.l[0] > defaults.range.w[1];
  if (sparse && axis.spreadRatio > LINE_SPREAD) theta = 0;
  // People: the direction of largest spread when elongated (a rider, a stride), else along the
  // line of sight (a rider) or the road (+x; a person: people mostly walk along pavements).
  // With a prior (a refit), a person keeps the box's heading: a few dozen returns on a person say
  // less about it than the annotator did (a far cyclist was turned 21°).
  // A rider whose spread would turn its box wider across the line of sight than its returns is
  // seen end-on (`riderEndOn`): the spread of a back seen from behind is noise.
  else if (!defaults.boxShaped)
    theta =
      prior !== undefined
        ? prior.yaw
        : axis.spreadRatio < 0.6 && !(rider && riderEndOn(xs, ys, zs, groundHeightAt(ground, mx, my), los, axis.angle, defaults.range.l[0], dims[1]))
          ? axis.angle
          : rider
            ? los
            : 0;
  else if ((headOn = isHeadOn(hx, hy, los, defaults, [xs, ys]))) theta = headOnHeading(hx, hy, los, axis);
  else if (axis.spreadRatio < FACE_SPREAD) theta = axis.angle;
  else theta = fitLShape(hx, hy, L_SHAPE_D0 + L_SHAPE_D0_PER_M * range);
  // A refit keeps to the faces its box is aligned with when the points support them nearly as well.
  if (prior !== undefined && defaults.boxShaped && !sparse && !headOn)
    theta = headingNearPrior(hx, hy, theta, prior.yaw, L_SHAPE_D0 + L_SHAPE_D0_PER_M * range);

  const cluster: BevCluster = { xs, ys, originX: mx, originY: my, seedX: seed.x - mx, seedY: seed.y - my, sensorX: ox, sensorY: oy };
  // The last return on a face lies inside its edge by up to one azimuth step (half on average),
  // but a beam that only grazes the edge still comes back from it: its footprint (a divergence of
  // 2–3 mrad, about the step's size) puts the outermost returns up to half of it past the edge.
  // Net, the edge lies about a quarter step beyond the last return (real cars' widths came out
  // 0.1–0.3 m wide with half a step).
  const edge = LABEL_CLEARANCE + EDGE_STEPS * sensor.azimuthStep * range;
  const boxOpts = {
    fixedSize: prior !== undefined,
    rounded: !defaults.boxShaped,
    // A person's unseen depth is a person's, unless the points show more (a rider's is its bicycle's).
    unseenAtPrior: !defaults.boxShaped && !rider,
    range: { l: defaults.range.l, w: defaults.range.w },
    spread: [defaults.spread[0], defaults.spread[1]] as const,
    edge,
    azimuthStep: sensor.azimuthStep,
  };
  const a = theta;
  const b = theta + Math.PI / 2;
  const assignLength = (): number => {
    const sides = rectangleSides(cluster, a, seenThroughAt(ground, defaults, sensor, opts.grid));
    return scoreAxisAssignment(sides, dims, false) <= scoreAxisAssignment(sides, dims, true) ? a : b;
  };
  const first = headOn || (rider && !sparse) ? a : assignLength();
  const second = first === a ? b : a;
  const firstBox = boxForHeading(cluster, first, dims, boxOpts);
  const bottomOf = (bev: BevBox): number => groundHeightAt(ground, bev.centerX, bev.centerY);

  // Which way each axis points.
  const cues = (bev: BevBox, ax: number, withProfile: boolean): Parameters<typeof chooseHeading>[1] => {
    const base = {
      centerX: bev.centerX,
      centerY: bev.centerY,
      sensorX: ox,
      sensorY: oy,
      previousCenter: opts.previousCenter,
      onRoad: defaults.boxShaped || (opts.label ?? '').toLowerCase() === 'cyclist',
      trafficSide: opts.trafficSide ?? ('right' as const),
    };
    // The profile needs the side seen at 20° or more: at a grazing angle the far part of the cabin
    // returns too little, and its gap to the box end looks like a bonnet.
    const sideOn = Math.abs(Math.sin(ax - Math.atan2(bev.centerY - oy, bev.centerX - ox))) >= 0.34;
    if (!withProfile || !defaults.boxShaped || !bev.lengthSeen || sparse || !sideOn) return base;
    const bottom = bottomOf(bev);
    let zTop = -Infinity;
    for (let k = 0; k < n; k++) if (zs[k] > zTop) zTop = zs[k];
    const highFrom = bottom + 0.75 * (zTop - bottom);
    const c = Math.cos(ax);
    const s = Math.sin(ax);
    const along = new Float64Array(n);
    const high = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      along[k] = (xs[k] + mx - bev.centerX) * c + (ys[k] + my - bev.centerY) * s;
      high[k] = zs[k] >= highFrom ? 1 : 0;
    }
    return { ...base, profile: { along, high, length: bev.length } };
  };
  const h0 = chooseHeading(first, cues(firstBox, first, true));
  const h1 = chooseHeading(second, cues(firstBox, second, false));
  let pairs: [number, number][] = [
    [h0.yaw, wrapAngle(h0.yaw + Math.PI)],
    [h1.yaw, wrapAngle(h1.yaw + Math.PI)],
  ];
  let headingSource: HeadingSource = h0.source;
  if (prior !== undefined) {
    const off = (yaw: number): number => Math.abs(wrapAngle(yaw - prior.yaw));
    pairs = pairs.map((p): [number, number] => (off(p[1]) < off(p[0]) ? [p[1], p[0]] : p));
    if (off(pairs[1][0]) < off(pairs[0][0])) pairs = [pairs[1], pairs[0]];
    headingSource = 'prior';
  }
  const candidates = [...pairs[0], ...pairs[1]];
  const pick = (((opts.headingIndex ?? 0) % 4) + 4) % 4;
  const yaw = candidates[pick];
  const sameAxis = Math.abs(Math.sin(yaw - first)) < 1e-9;
  const bev = sameAxis ? firstBox : boxForHeading(cluster, yaw, dims, boxOpts);
  if (!sameAxis) headingSource = prior !== undefined ? 'prior' : h1.source;

  // Height from the highest return and the beam above it.
  const bottom = bottomOf(bev);
  const [near, far] = footprintRange(bev, yaw, ox, oy);
  const fit = fitHeight({
    zs,
    ranges,
    bottom,
    sensorZ: oz,
    footprintNear: near,
    footprintFar: far,
    prior: dims[2],
    spread: defaults.spread[2],
    range: defaults.range.h,
    elevations: sensor.elevations,
  });
  // A sparse object is boxed at its class's size, height included: a few returns (dark paint,
  // glass, a missed row) say too little to cut the class height down.
  const height = prior ? prior.size[2] : sparse ? Math.max(fit.height, dims[2]) : fit.height;
  const confidence: FitConfidence = sparse ? 'low' : bev.lengthSeen && bev.widthSeen && fit.topSeen ? 'high' : 'medium';
  return {
    center: [bev.centerX, bev.centerY, bottom + height / 2],
    size: [bev.length, bev.width, height],
    yaw,
    pointCount: n,
    headingCandidates: candidates,
    indices,
    headingSource,
    confidence,
    topSeen: fit.topSeen,
  };
}

/**
 * Whether the sensor saw through a place at a vehicle's body height (half to nine tenths of the
 * class's least height above the ground there; `seenPast`), for the axis assignment; undefined
 * without a point grid, or for a class that is not box-shaped.
 */
function seenThroughAt(
  ground: GroundModel,
  defaults: ClassDefaults,
  sensor: FitSensor,
  grid: PointGrid | undefined,
): ((x: number, y: number) => boolean) | undefined {
  if (grid === undefined || !defaults.boxShaped) return undefined;
  const hMin = defaults.range.h[0];
  return (x, y) => {
    const g = groundHeightAt(ground, x, y);
    return seenPast(grid, sensor.origin, { x, y, zLo: g + 0.5 * hMin, zHi: g + 0.9 * hMin, halfAngle: 1.5 * sensor.azimuthStep, reach: 25 });
  };
}

/** Nearest and farthest horizontal distance (metres) of a footprint's corners from the sensor. */
function footprintRange(bev: BevBox, yaw: number, ox: number, oy: number): [number, number] {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  let near = Infinity;
  let far = 0;
  for (const [u, v] of [
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ]) {
    const x = bev.centerX + (u * bev.length * c) / 2 - (v * bev.width * s) / 2;
    const y = bev.centerY + (u * bev.length * s) / 2 + (v * bev.width * c) / 2;
    const r = Math.hypot(x - ox, y - oy);
    if (r < near) near = r;
    if (r > far) far = r;
  }
  return [near, far];
}

/** Ground model from the points around (x, y) only, for a fit without a frame-wide model. */
export function localGround(grid: PointGrid, x: number, y: number, r: number): GroundModel {
  const range = cellRange(grid, x - r, y - r, x + r, y + r);
  if (range === null) return estimateGround(new Float32Array(0));
  const a = grid.cellStart[range[1] * grid.nx + range[0]];
  const b = grid.cellStart[range[3] * grid.nx + range[2] + 1];
  // Whole rows of cells between the two corners: a superset of the square, good enough here.
  // No range limit: the square is local already, and may lie beyond the frame model's 80 m.
  // Beyond the frame model's range every scanner's ground rings lie metres apart.
  return estimateGround(grid.sorted.subarray(3 * a, 3 * b), { maxRange: Infinity, sparseRingsAt: () => true });
}
