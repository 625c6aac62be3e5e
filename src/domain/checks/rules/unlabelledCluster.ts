import { cellRange } from '../../geometry/PointGrid.ts';
import type { PointGrid } from '../../geometry/PointGrid.ts';
import { pointsInCuboids } from '../../geometry/pointsInCuboids.ts';
import type { ObstacleClusters } from '../frame/clusterObstacles.ts';
import type { CheckContext, Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { fmt } from '../formatNumber.ts';

/** Clusters with more than this fraction of their points in boxes are labelled. */
const COVERED_FRACTION = 0.2;
/**
 * Thin structures: a cluster at least THIN_LENGTH long (metres) and narrower than THIN_WIDTH or
 * THIN_RATIO × its length is a wall, a fence, a guard rail or a hedge.
 */
const THIN_LENGTH = 2;
const THIN_WIDTH = 0.25;
const THIN_RATIO = 0.1;
/** A visible object's top reaches at least this fraction of its class's minimum height. */
const MIN_TOP_FRACTION = 0.75;
/** Classes at most this tall (metres) are car- or person-sized: clusters fitting one warn. */
const WARN_CLASS_HEIGHT = 2.3;
/** Clusters narrower than this (metres) whose top is cut off are poles or trunks. */
const POLE_SPAN = 1;
/** A cluster whose top is within this angle (radians, 0.4°) of the highest beam is cut off. */
const FOV_MARGIN = (0.4 * Math.PI) / 180;
/** A cluster whose lowest point is this far above the ground (metres) is hanging or hidden below. */
const RAISED = 0.6;
/** A visible object spans at least this height (metres): a single scan line is clutter. */
const MIN_SPAN = 0.25;
/** A visible object is at least this long (metres) along its principal axis. */
const MIN_LENGTH = 0.3;
/** Points more than this above a cluster's top (metres) over its footprint are an overhang. */
const OVERHEAD_GAP = 0.5;
const OVERHEAD_FRACTION = 0.2;
/** Beyond this distance the point minimum falls with the square of the distance. */
const NEAR = 20;
const FAR_MIN_POINTS = 15;

/**
 * Dense clusters of above-ground points that no box covers: likely missed objects, reported at
 * the cluster's centre (`location`), largest first, at most `settings.clusterMaxResults`.
 *
 * A cluster counts when fewer than 20 % of its points are in a box (grown by
 * `settings.fitMargin`), it holds at least `settings.clusterMinPoints` uncovered points (within
 * 20 m; beyond, that number scaled by (20/d)², but at least 15), it is not a thin line (at
 * least 2 m long and narrower than 0.25 m or a tenth of its length: walls, fences, guard rails),
 * and its shape fits a class whose `findMissed` is set: its BEV length and width (along and
 * across its principal axis) at most the class's l and w (+10 % + 0.3 m), its top above the
 * ground between 0.75 × the class's minimum height and its maximum + 0.1 m, and its length at
 * least 0.6 × the class's minimum width and 0.3 m (so poles and posts do not fit). Clusters with
 * points more than 0.5 m above their top over their footprint (tree trunks under their crown,
 * lamp posts under their arm) are left out, as are clusters whose top reaches the sensor's
 * highest beam (their real top is not seen) when they are thin (poles) or hang more than 0.6 m
 * above the ground (slices of crowns or hedges). Warning when the cluster fits a class at most 2.3 m
 * tall (cars, people, cyclists); info when it fits only large vehicles (vans, trucks, trams),
 * since such clusters are often walls, hedges or parts of buildings. Clusters within
 * `settings.egoRadius` of the sensor (the vehicle itself) or outside `ctx.labelRegion` are
 * ignored. A cluster spanning less than 0.25 m in height (a single scan line) is clutter.
 */
export const unlabelledCluster: Rule = (ctx) => {
  const { clusters, grid, topElevation } = analysisOf(ctx);
  if (clusters.count === 0) return [];
  const settings = ctx.dictionary.settings;
  const shapes = Object.entries(ctx.dictionary.classes).filter(([, r]) => r.findMissed);
  if (shapes.length === 0) return [];
  const n = clusters.labels.length;
  const covered = new Uint8Array(n);
  const { indices } = pointsInCuboids(ctx.positions, ctx.cuboids, {
    grid,
    margin: settings.fitMargin,
    withIndices: true,
  });
  for (const list of indices) for (let k = 0; k < list.length; k++) covered[list[k]] = 1;
  const coveredCount = new Uint32Array(clusters.count);
  const sx = new Float64Array(clusters.count);
  const sy = new Float64Array(clusters.count);
  const sz = new Float64Array(clusters.count);
  const { labels } = clusters;
  const pos = ctx.positions;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c < 0) continue;
    if (covered[i]) {
      coveredCount[c]++;
    } else {
      sx[c] += pos[3 * i];
      sy[c] += pos[3 * i + 1];
      sz[c] += pos[3 * i + 2];
    }
  }
  const found: { points: number; result: CheckResult }[] = [];
  for (let c = 0; c < clusters.count; c++) {
    const total = clusters.points[c];
    const free = total - coveredCount[c];
    if (coveredCount[c] > COVERED_FRACTION * total || free === 0) continue;
    const x = sx[c] / free;
    const y = sy[c] / free;
    const z = sz[c] / free;
    const d = Math.hypot(x, y);
    const need =
      d <= NEAR
        ? settings.clusterMinPoints
        : Math.max(FAR_MIN_POINTS, Math.round(settings.clusterMinPoints * (NEAR / d) ** 2));
    if (free < need || d < settings.egoRadius) continue;
    const top = clusters.maxHeight[c];
    const long = clusters.length[c];
    const short = clusters.width[c];
    if (top - clusters.minHeight[c] < MIN_SPAN) continue;
    if (long < MIN_LENGTH || (long >= THIN_LENGTH && short < Math.max(THIN_WIDTH, THIN_RATIO * long))) continue;
    // Top cut off by the sensor's field of view: a thin column (pole, trunk) or a raised slice of
    // something taller (a crown, a hedge over a parked car) cannot be judged.
    const cut = clusters.maxElevation[c] >= topElevation - FOV_MARGIN;
    if (cut && (long < POLE_SPAN || clusters.minHeight[c] > RAISED)) continue;
    const fits = shapes
      .filter(
        ([, r]) =>
          long <= r.size.l[1] * 1.1 + 0.3 &&
          short <= r.size.w[1] * 1.1 + 0.3 &&
          top <= r.size.h[1] + 0.1 &&
          top >= MIN_TOP_FRACTION * r.size.h[0] &&
          long >= 0.6 * r.size.w[0],
      );
    if (fits.length === 0 || !inLabelRegion(ctx, x, y, d)) continue;
    if (overhead(grid, clusters, c) > Math.max(10, OVERHEAD_FRACTION * total)) continue;
    const carOrPerson = fits.some(([, r]) => r.size.h[1] <= WARN_CLASS_HEIGHT);
    found.push({
      points: free,
      result: {
        ruleId: 'unlabelledCluster',
        severity: carOrPerson ? 'warning' : 'info',
        cuboidId: null,
        location: [x, y, z],
        message:
          `${free} points at (${fmt(x, 1)}, ${fmt(y, 1)}), ${fmt(d)} m away, form a ${fmt(long, long < 0.1 ? 2 : 1)} × ` +
          `${fmt(short, short < 0.1 ? 2 : 1)} m cluster ${fmt(top, 1)} m tall with no box: a missed ${orList(fits.map(([name]) => name))}?`,
        dictionaryEntry: 'every-object-boxed',
        suggestedLabel: bestFit(fits, long, short, top),
      },
    });
  }
  found.sort((a, b) => b.points - a.points);
  return found.slice(0, settings.clusterMaxResults).map((f) => f.result);
};

/** The class whose size range (its middle) is nearest the cluster's length, width and height, relatively. */
function bestFit(fits: readonly (readonly [string, { size: { l: number[]; w: number[]; h: number[] } }])[], long: number, short: number, top: number): string {
  let best = fits[0][0];
  let bestScore = Infinity;
  for (const [name, r] of fits) {
    const mid = (range: number[]) => (range[0] + range[1]) / 2;
    const score =
      Math.abs(Math.log(Math.max(long, 0.05) / mid(r.size.l))) +
      Math.abs(Math.log(Math.max(short, 0.05) / mid(r.size.w))) +
      Math.abs(Math.log(Math.max(top, 0.05) / mid(r.size.h)));
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

function orList(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function inLabelRegion(ctx: CheckContext, x: number, y: number, d: number): boolean {
  const region = ctx.labelRegion;
  if (region === undefined) return true;
  if (region.maxRange !== undefined && d > region.maxRange) return false;
  const a = Math.atan2(y, x);
  if (region.azimuth !== undefined && !inWedge(a, region.azimuth)) return false;
  return !(region.ignoreAzimuths ?? []).some((w) => inWedge(a, w));
}

/** Whether azimuth `a` lies counter-clockwise from `w[0]` to `w[1]` (radians). */
function inWedge(a: number, w: [number, number]): boolean {
  const twoPi = 2 * Math.PI;
  const span = (((w[1] - w[0]) % twoPi) + twoPi) % twoPi;
  const off = (((a - w[0]) % twoPi) + twoPi) % twoPi;
  return off <= span;
}

/** Number of points above cluster c's top (+0.5 m) over its footprint (grown by 0.3 m). */
function overhead(grid: PointGrid, clusters: ObstacleClusters, c: number): number {
  const x0 = clusters.minX[c] - 0.3;
  const x1 = clusters.maxX[c] + 0.3;
  const y0 = clusters.minY[c] - 0.3;
  const y1 = clusters.maxY[c] + 0.3;
  const range = cellRange(grid, x0, y0, x1, y1);
  if (range === null) return 0;
  const { sorted, cellStart, nx } = grid;
  const zMin = clusters.maxZ[c] + OVERHEAD_GAP;
  let n = 0;
  for (let iy = range[1]; iy <= range[3]; iy++) {
    const end = cellStart[iy * nx + range[2] + 1];
    for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
      const x = sorted[3 * p];
      const y = sorted[3 * p + 1];
      if (sorted[3 * p + 2] > zMin && x >= x0 && x <= x1 && y >= y0 && y <= y1) n++;
    }
  }
  return n;
}
