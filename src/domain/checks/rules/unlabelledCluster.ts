import { pointsInCuboids } from '../../geometry/pointsInCuboids.ts';
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
/** Clusters up to this tall (metres) are car- or person-sized: warnings; taller ones: info. */
const WARN_TOP = 2.3;
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
 * ground between 0.75 × the class's minimum height and its maximum + 0.3 m, and its length at
 * least 0.6 × the class's minimum width (so poles and posts do not fit a vehicle). Warning for clusters up to 2.3 m tall (car- and person-sized); info for taller
 * ones, which fit only large vehicles and are often walls or hedges. Clusters within
 * `settings.egoRadius` of the sensor (the vehicle itself) or outside `ctx.labelRegion` are
 * ignored.
 */
export const unlabelledCluster: Rule = (ctx) => {
  const { clusters, grid } = analysisOf(ctx);
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
    if (long >= THIN_LENGTH && short < Math.max(THIN_WIDTH, THIN_RATIO * long)) continue;
    const fits = shapes
      .filter(
        ([, r]) =>
          long <= r.size.l[1] * 1.1 + 0.3 &&
          short <= r.size.w[1] * 1.1 + 0.3 &&
          top <= r.size.h[1] + 0.3 &&
          top >= MIN_TOP_FRACTION * r.size.h[0] &&
          long >= 0.6 * r.size.w[0],
      )
      .map(([name]) => name);
    if (fits.length === 0 || !inLabelRegion(ctx, x, y, d)) continue;
    found.push({
      points: free,
      result: {
        ruleId: 'unlabelledCluster',
        severity: top <= WARN_TOP ? 'warning' : 'info',
        cuboidId: null,
        location: [x, y, z],
        message:
          `${free} points at (${fmt(x, 1)}, ${fmt(y, 1)}), ${fmt(d)} m away, form a ${fmt(long, 1)} × ` +
          `${fmt(short, 1)} m cluster ${fmt(top, 1)} m tall with no box: a missed ${orList(fits)}?`,
        dictionaryEntry: 'every-object-boxed',
      },
    });
  }
  found.sort((a, b) => b.points - a.points);
  return found.slice(0, settings.clusterMaxResults).map((f) => f.result);
};

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
