import type { Vec3 } from '../types.ts';
import { truncatedNormalMean } from './truncatedNormal.ts';
import { boundingSpan, densestWindow, endGap, robustRange } from './sortedSpan.ts';
import type { Span } from './sortedSpan.ts';

/**
 * A bird's-eye-view point cluster, coordinates relative to (originX, originY) in the LiDAR frame
 * (metres). The sensor is at (sensorX, sensorY) in the LiDAR frame (default the origin), i.e. at
 * (sensorX − originX, sensorY − originY) in these coordinates.
 */
export interface BevCluster {
  xs: Float64Array;
  ys: Float64Array;
  originX: number;
  originY: number;
  /** The click, in the same relative coordinates. */
  seedX: number;
  seedY: number;
  /** LiDAR-frame x, y of the sensor, metres (default 0, 0). */
  sensorX?: number;
  sensorY?: number;
}

export interface BevBox {
  /** LiDAR-frame centre, metres. */
  centerX: number;
  centerY: number;
  /** Extent along the heading and across it, metres. */
  length: number;
  width: number;
  /** Whether the length (width) was seen whole rather than completed from the class prior. */
  lengthSeen: boolean;
  widthSeen: boolean;
}

/** Most by which the prior of an unseen side scales with the seen one (see `boxForHeading`). */
const MAX_SHAPE_SCALE = 1.25;
/** With a fixed size, a visible extent at least this fraction of it is taken as the whole object. */
const SEEN_WHOLE = 0.85;
export interface BoxForHeadingOptions {
  /** Keep the expected size even where the object is seen whole (a prior from another frame). */
  fixedSize?: boolean;
  /**
   * The object is rounded, not box-shaped (a person): a partly seen span is its near side, so
   * the box is placed halfway between starting at it and being centred on it.
   */
  rounded?: boolean;
  /**
   * An unseen extent is the prior itself, or the visible span when that is longer, rather than
   * the mean of the prior above the span (which runs past the prior whenever the span is near
   * it): for people, whose depth the points show least, the typical size is the likeliest.
   */
  unseenAtPrior?: boolean;
  /** Sizes the class spans, [min, max] metres, along the heading (l) and across it (w). */
  range?: { l: readonly [number, number]; w: readonly [number, number] };
  /** One standard deviation of the class size around `dims`, [along, across], metres. */
  spread?: readonly [number, number];
  /**
   * How far (metres) the true edge of a seen face lies beyond its outermost return: half the
   * spacing of neighbouring returns plus the clearance a label keeps around its points. Default 0.
   */
  edge?: number;
  /**
   * Horizontal angle between neighbouring firings of a beam (radians; 0 or absent: not known).
   * Along a face seen at a slant the returns are farther apart than across the line of sight
   * (azimuth step × range² / the sensor's distance from the face's line): the face's far end may
   * lie up to one such spacing beyond its last return, and the class prior decides where.
   */
  azimuthStep?: number;
}

/**
 * The bird's-eye-view rectangle for a cluster at a given heading (radians about +z from +x),
 * with the expected size `dims` ([length, width, height], metres). Along each axis:
 * - the points' span (plus `edge` at both ends) is a lower bound of the object's extent;
 * - the extent is seen whole when a face running along that axis faces the sensor (the sensor
 *   lies beyond the points across the axis) and the span reaches the class minimum: the box is
 *   the span, its far end (the sensor beyond the other) allowed up to one spacing of the returns
 *   along the face further (`azimuthStep`; wide at a slant), where the class prior puts it;
 * - otherwise the extent is the class prior (`dims` ± `spread`) restricted to [span, class max]
 *   (`truncatedNormalMean`), and the unseen part is added on the side away from the sensor,
 *   never towards it (centred when the sensor is level with the span);
 * - a span beyond the class maximum has taken in its surroundings: the box is the window of
 *   the expected size around the click that holds the most points.
 * With `fixedSize`, the extent is `dims`, centred on a span seen whole, else placed away from
 * the sensor. The extremes of clusters of 50 points or more are trimmed by 1 % per side first.
 */
export function boxForHeading(cluster: BevCluster, yaw: number, dims: Vec3, opts: BoxForHeadingOptions = {}): BevBox {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const { xs, ys, originX, originY } = cluster;
  const n = xs.length;
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    u[i] = xs[i] * c + ys[i] * s;
    v[i] = ys[i] * c - xs[i] * s;
  }
  const sx = (cluster.sensorX ?? 0) - originX;
  const sy = (cluster.sensorY ?? 0) - originY;
  const sensorU = sx * c + sy * s;
  const sensorV = sy * c - sx * s;
  const seedU = cluster.seedX * c + cluster.seedY * s;
  const seedV = cluster.seedY * c - cluster.seedX * s;
  const uSorted = Float64Array.from(u).sort();
  const vSorted = Float64Array.from(v).sort();
  const uRange = robustRange(uSorted, false);
  const vRange = robustRange(vSorted, true);
  const base = {
    fixedSize: opts.fixedSize ?? false,
    rounded: opts.rounded ?? false,
    unseenAtPrior: opts.unseenAtPrior ?? false,
    edge: opts.edge ?? 0,
    azimuthStep: opts.azimuthStep ?? 0,
  };
  const rl = opts.range?.l ?? [SEEN_WHOLE * dims[0], 1.5 * dims[0]];
  const rw = opts.range?.w ?? [SEEN_WHOLE * dims[1], 1.5 * dims[1]];
  const alongU = (scale: number): [number, number, boolean] =>
    axisExtent(uSorted, uRange, vRange, sensorU, sensorV, seedU, {
      ...base,
      dim: dims[0] * scale,
      sigma: opts.spread?.[0] ?? 0.1 * dims[0],
      range: rl,
    });
  const alongV = (scale: number): [number, number, boolean] =>
    axisExtent(vSorted, vRange, uRange, sensorV, sensorU, seedV, {
      ...base,
      dim: dims[1] * scale,
      sigma: opts.spread?.[1] ?? 0.1 * dims[1],
      range: rw,
    });
  let [lo1, hi1, lengthSeen] = alongU(1);
  let [lo2, hi2, widthSeen] = alongV(1);
  // One side seen whole, the other not: vehicles of a class are roughly similar in shape, so
  // the unseen side's prior scales with how the seen side compares with its own (±25 % at most).
  if (!base.fixedSize && !base.rounded && lengthSeen !== widthSeen) {
    const ratio = (seen: number, dim: number): number => Math.min(MAX_SHAPE_SCALE, Math.max(1 / MAX_SHAPE_SCALE, seen / dim));
    if (widthSeen) [lo1, hi1, lengthSeen] = alongU(ratio(hi2 - lo2, dims[1]));
    else [lo2, hi2, widthSeen] = alongV(ratio(hi1 - lo1, dims[0]));
  }
  const cu = (lo1 + hi1) / 2;
  const cv = (lo2 + hi2) / 2;
  return {
    centerX: originX + cu * c - cv * s,
    centerY: originY + cu * s + cv * c,
    length: hi1 - lo1,
    width: hi2 - lo2,
    lengthSeen,
    widthSeen,
  };
}

interface AxisOptions {
  dim: number;
  sigma: number;
  range: readonly [number, number];
  fixedSize: boolean;
  rounded: boolean;
  unseenAtPrior: boolean;
  edge: number;
  azimuthStep: number;
}

function axisExtent(
  sorted: Float64Array,
  alongSpan: Span,
  [acrossLo, acrossHi]: Span,
  sensor: number,
  sensorAcross: number,
  seed: number,
  o: AxisOptions,
): [number, number, boolean] {
  const [a, b] = boundingSpan(alongSpan, sensor);
  const span = b - a;
  const dim = o.fixedSize ? o.dim : Math.min(o.range[1], Math.max(o.range[0], o.dim));
  if (span > 1.15 * o.range[1] + 0.1) return [...densestWindow(sorted, dim, seed), false];
  const mid = (a + b) / 2;
  // A face along this axis faces the sensor: its span is the object's whole extent.
  const faceSeen = sensorAcross < acrossLo || sensorAcross > acrossHi;
  let extent: number;
  let seen = false;
  if (o.fixedSize) {
    if (span >= SEEN_WHOLE * dim) return [mid - dim / 2, mid + dim / 2, true];
    extent = dim;
  } else {
    // A person's outline is a noisy blob of limbs: the span is not widened by the edge allowance.
    const visible = o.rounded ? span : span + 2 * o.edge;
    // A rounded object's silhouette across the line of sight (the sensor level with its span) is
    // seen whole; only its depth is hidden.
    seen = o.rounded ? sensor >= a && sensor <= b && span >= o.range[0] : faceSeen && span >= o.range[0];
    if (seen && !o.rounded && o.azimuthStep > 0) {
      // The face's far end may lie up to one spacing of its returns beyond the last: the prior
      // picks the extent within what that allows. With the sensor level with the face, `edge`
      // allows for its ends.
      const face = Math.max(Math.abs(sensorAcross - (sensorAcross > acrossHi ? acrossHi : acrossLo)), 0.1);
      // Spacing of the returns along the face at t (azimuth step × range² / the face's distance
      // from the sensor), no more than the returns at that end show.
      const spacing = (t: number, side: -1 | 1): number => Math.min((o.azimuthStep * ((t - sensor) ** 2 + face * face)) / face, endGap(sorted, side));
      const gapLo = sensor > b ? spacing(a, -1) : 0;
      const gapHi = sensor < a ? spacing(b, 1) : 0;
      const lower = Math.min(visible, o.range[1]);
      const upper = Math.max(lower, Math.min(visible + gapLo + gapHi, o.range[1]));
      const grown = truncatedNormalMean(o.dim, o.sigma, lower, upper);
      const extra = grown - (span + 2 * o.edge);
      if (extra <= 0 || gapLo + gapHi <= 0) return [mid - grown / 2, mid + grown / 2, seen];
      const toLo = (extra * gapLo) / (gapLo + gapHi);
      return [a - o.edge - toLo, b + o.edge + extra - toLo, seen];
    }
    extent = seen
      ? Math.min(visible, o.range[1])
      : o.unseenAtPrior
        ? Math.min(Math.max(visible, o.dim), Math.max(visible, o.range[1]))
        : truncatedNormalMean(o.dim, o.sigma, Math.max(visible, o.range[0]), Math.max(visible, o.range[1]));
  }
  if (extent <= span + 2 * o.edge) return [mid - extent / 2, mid + extent / 2, seen];
  const centred: [number, number] = [mid - extent / 2, mid + extent / 2];
  let anchored: [number, number];
  if (sensor < a) anchored = [a - o.edge, a - o.edge + extent];
  else if (sensor > b) anchored = [b + o.edge - extent, b + o.edge];
  else return [...centred, seen];
  if (!o.rounded) return [...anchored, seen];
  return [(anchored[0] + centred[0]) / 2, (anchored[1] + centred[1]) / 2, seen];
}

/** A cluster's two rectangle sides along an axis and across it (`rectangleSides`). */
export interface RectangleSides {
  /** The points' span along the axis and across it, metres. */
  spans: [number, number];
  /** Whether each side is seen whole: the sensor saw through just beyond both its ends. */
  whole: [boolean, boolean];
}

/**
 * The spans of the cluster along `axis` (radians) and across it, and whether each side is seen
 * whole. `seen(x, y)` (LiDAR frame, metres), when given, says whether the sensor saw through that
 * place at the object's body height (`seenPast`): a side whose both ends have such a place just
 * beyond them (0.5 m, across the other side's span) is seen whole, since the object does not go
 * on there. (A truck seen end-on with 2.4 m of its side, the rest hidden behind a hedge: the end
 * face is bounded by what the sensor saw past it, the side runs into the shadow.) Both length
 * assignments (`scoreAxisAssignment`) share one of these.
 */
export function rectangleSides(cluster: BevCluster, axis: number, seen?: (x: number, y: number) => boolean): RectangleSides {
  const c = Math.cos(axis);
  const s = Math.sin(axis);
  let lo1 = Infinity;
  let hi1 = -Infinity;
  let lo2 = Infinity;
  let hi2 = -Infinity;
  for (let i = 0; i < cluster.xs.length; i++) {
    const x = cluster.xs[i];
    const y = cluster.ys[i];
    const u = x * c + y * s;
    const v = y * c - x * s;
    if (u < lo1) lo1 = u;
    if (u > hi1) hi1 = u;
    if (v < lo2) lo2 = v;
    if (v > hi2) hi2 = v;
  }
  const spans: [number, number] = [hi1 - lo1, hi2 - lo2];
  if (seen === undefined) return { spans, whole: [false, false] };
  // A place in (u, v) box coordinates, asked in the LiDAR frame.
  const at = (u: number, v: number): boolean => seen(cluster.originX + u * c - v * s, cluster.originY + u * s + v * c);
  const across = (a: number, b: number): number[] => [a, (a + b) / 2, b];
  const endSeen = (end: number, lo: number, hi: number, alongU: boolean): boolean => across(lo, hi).some((w) => (alongU ? at(end, w) : at(w, end)));
  return {
    spans,
    whole: [
      spans[0] >= 0.3 && endSeen(hi1 + END_PROBE, lo2, hi2, true) && endSeen(lo1 - END_PROBE, lo2, hi2, true),
      spans[1] >= 0.3 && endSeen(hi2 + END_PROBE, lo1, hi1, false) && endSeen(lo2 - END_PROBE, lo1, hi1, false),
    ],
  };
}

/**
 * How badly the cluster fits the expected size with its length along the sides' axis
 * (`lengthAcross` false) or across it: the negative log-likelihood of the rectangle sides the
 * points span, each side being either seen whole (span ≈ expected size) or seen in part (any span
 * up to the expected size, equally likely; not when `whole` says it is seen whole). A side seen
 * end-on (under 0.3 m) carries no information. Lower is better; used to decide which rectangle
 * axis is the length.
 */
export function scoreAxisAssignment(sides: RectangleSides, dims: Vec3, lengthAcross: boolean): number {
  const [l, w] = lengthAcross ? [1, 0] : [0, 1];
  return legCost(sides.spans[l], dims[0], sides.whole[l]) + legCost(sides.spans[w], dims[1], sides.whole[w]);
}

/** How far beyond a side's end (metres) `rectangleSides` asks whether the sensor saw through. */
const END_PROBE = 0.5;

function legCost(span: number, dim: number, bounded: boolean): number {
  if (!(span >= 0.3 && dim > 0)) return 0;
  const sigma = 0.12 * dim + 0.05;
  const z = (span - dim) / sigma;
  const pdf = Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
  if (bounded) return -Math.log(pdf + 1e-3);
  const part = span <= dim ? 0.5 / dim : 0;
  return -Math.log(0.5 * pdf + part + 1e-3);
}
