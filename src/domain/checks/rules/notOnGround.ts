import { bevPolygon } from '../../geometry/cuboidCorners.ts';
import { cellRange } from '../../geometry/PointGrid.ts';
import type { PointGrid } from '../../geometry/PointGrid.ts';
import type { CuboidShape } from '../../geometry/CuboidShape.ts';
import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import { elevationGapAt } from '../../sensor/beamGapAt.ts';
import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { edgeCaseForRule } from '../dictionary/edgeCaseForRule.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { fmt, plural } from '../formatNumber.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';
import { targetIndices } from './targetIndices.ts';

/**
 * Ring around the footprint (metres) where the ground next to a box is looked at: 1 m, widened to
 * the gap between the sensor's ground rows at the box's range (up to 5 m), so that a sparse
 * scanner's far ground is seen at all.
 */
const RING = 1;
const MAX_RING = 5;
/** Points within this height of the ground (metres) are ground returns. */
const GROUND_BAND = 0.2;
/** Fewest ground returns next to a box for its ground to count as seen. */
const MIN_SUPPORT = 3;
/** Object points under a floating box whose ground was not seen that show it floats. */
const MIN_UNDER = 5;
/** Those points lie this far (metres) above the ground band and below the box's bottom. */
const UNDER_CLEARANCE = 0.1;

/**
 * Share of the ring's points a level below the model must hold to be taken as the ground: a few
 * ghost returns far below the road (multipath reflections, 2–3 m down in KITTI 000000) are not a
 * ground.
 */
const DENSE_SHARE = 0.05;

/**
 * The bottom of a box whose class must touch the ground is above (floating) or below (sunk)
 * the local ground by more than the dictionary tolerance: warning, or error beyond twice the
 * tolerance.
 *
 * The ground is the median of the ground model at the box centre and its four bottom corners,
 * checked against the points in a 1 m ring around the footprint: when the lowest level holding
 * enough ring points (at least three, 5% of the ring, and half as many as lie at the model's
 * height) lies more than 0.2 m below the model
 * (the model filled in an object's underside where the road was hidden), that level is the
 * ground instead. Boxes with fewer than three ring
 * points near that ground height are skipped: the ground next to them was not seen (an occluded
 * object far behind others), so nothing can be said. A box is not sunk below a level that three
 * or more returns inside its footprint lie under (a far scanner's "ground" on a hedge top).
 */
export const notOnGround: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const analysis = analysisOf(ctx);
  const ground = ctx.ground ?? analysis.ground;
  const { floatTolerance, sinkTolerance } = ctx.dictionary.settings;
  for (const i of targets) {
    const box = ctx.cuboids[i];
    const rule = ctx.dictionary.classes[box.label];
    if (rule === undefined || !rule.mustTouchGround) continue;
    if (!box.size.every((v) => Number.isFinite(v) && v > 0) || !box.center.every(Number.isFinite)) continue;
    const model = groundUnder(ground, box);
    // The ground next to the box: a 1 m ring; when that holds too few ground returns (a sparse
    // scanner far away), a ring as wide as the gap between its ground rows, trusted only to say
    // that a box floats: what it finds may be the low parts of other objects, too high a ground.
    let g = groundLevel(ringHeights(analysis.grid, box, RING), model);
    let floatsOnly = false;
    if (g === null) {
      const wide = ringWidth(analysis.sensor, box, model);
      if (wide > RING) g = groundLevel(ringHeights(analysis.grid, box, wide), model);
      floatsOnly = true;
    }
    const bottom = box.center[2] - box.size[2] / 2;
    // The ground next to the box not seen (hidden behind other objects): a box lifted off its
    // object still shows by the object's own points under it, between the model's ground and the bottom.
    let under = 0;
    if (g === null && bottom - model > floatTolerance) {
      under = pointsInFootprint(analysis, box, model + GROUND_BAND + UNDER_CLEARANCE, bottom - UNDER_CLEARANCE, true);
      if (under >= MIN_UNDER) {
        g = model;
        floatsOnly = true;
      }
    }
    if (g === null) continue;
    const gap = bottom - g;
    const tol = gap > 0 ? floatTolerance : sinkTolerance;
    if (!(Math.abs(gap) > tol) || (floatsOnly && gap < 0)) continue;
    // A box cannot sink below a ground that its own returns reach under: the sensor sees nothing
    // through the road, so the level beside it is something else (a far hedge top, a wall).
    if (gap < 0 && pointsInFootprint(analysis, box, bottom, g - GROUND_BAND, false) >= MIN_SUPPORT) continue;
    const where = gap > 0 ? `floats ${fmt(gap, 2)} m above` : `sinks ${fmt(-gap, 2)} m below`;
    out.push({
      ruleId: 'notOnGround',
      severity: Math.abs(gap) > 2 * tol ? 'error' : 'warning',
      cuboidId: box.id,
      location: null,
      message:
        `${box.label} box ${where} the ground (bottom at z ${fmt(bottom, 2)} m, ground at ` +
        `${fmt(g, 2)} m; ${fmt(tol, 2)} m tolerated)` +
        (under > 0 ? `: ${plural(under, 'point')} of its object lie under it` : ''),
      dictionaryEntry: gap > 0 ? (edgeCaseForRule(ctx.dictionary, 'notOnGround', box.label) ?? 'box-fits-object') : 'box-fits-object',
    });
  }
  return out;
};

/** Median ground-model height (LiDAR z, metres) at the box centre and its four bottom corners. */
function groundUnder(ground: GroundModel, box: CuboidShape): number {
  const samples = [groundHeightAt(ground, box.center[0], box.center[1])];
  for (const [x, y] of bevPolygon(box)) samples.push(groundHeightAt(ground, x, y));
  samples.sort((a, b) => a - b);
  return samples[2];
}

/**
 * Heights (LiDAR z, metres, in no particular order) of the points in the ring between the footprint grown by
 * 0.1 m and the footprint grown by `RING` metres, up to the box's top.
 */
function ringHeights(grid: PointGrid, box: CuboidShape, RING: number): number[] {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const [cx, cy, cz] = box.center;
  const top = cz + box.size[2] / 2;
  const ex = (hl + RING) * Math.abs(c) + (hw + RING) * Math.abs(s);
  const ey = (hl + RING) * Math.abs(s) + (hw + RING) * Math.abs(c);
  const out: number[] = [];
  const range = cellRange(grid, cx - ex, cy - ey, cx + ex, cy + ey);
  if (range === null) return out;
  const { sorted, cellStart, nx } = grid;
  for (let iy = range[1]; iy <= range[3]; iy++) {
    const end = cellStart[iy * nx + range[2] + 1];
    for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
      const z = sorted[3 * p + 2];
      if (z > top) continue;
      const dx = sorted[3 * p] - cx;
      const dy = sorted[3 * p + 1] - cy;
      const lx = Math.abs(dx * c + dy * s);
      const ly = Math.abs(dy * c - dx * s);
      if (lx > hl + RING || ly > hw + RING || (lx <= hl + 0.1 && ly <= hw + 0.1)) continue;
      out.push(z);
    }
  }
  return out;
}

/** How many of `values` lie within the ground band of `z`. */
function countNear(values: number[], z: number): number {
  let n = 0;
  for (const v of values) if (Math.abs(v - z) <= GROUND_BAND) n++;
  return n;
}

/**
 * The lowest height with at least `need` of `values` within 0.4 m above it, as the median of
 * those points (Infinity when no level holds that many).
 */
function lowestDenseLevel(values: number[], need: number): number {
  if (values.length < need) return Infinity;
  const z = Float64Array.from(values).sort();
  for (let i = 0, j = 0; i + need <= z.length; i++) {
    if (j < i) j = i;
    while (j + 1 < z.length && z[j + 1] - z[i] <= 2 * GROUND_BAND) j++;
    const count = j - i + 1;
    if (count >= need) return z[i + (count >> 1)];
  }
  return Infinity;
}

/**
 * How far apart (metres) the sensor's rows hit the ground at the box: range² × beam gap / height
 * above that ground, between 1 m and 5 m (1 m without beam data).
 */
function ringWidth(sensor: ScanSensor, box: CuboidShape, groundZ: number): number {
  if (sensor.elevations.length < 2) return RING;
  const d = Math.hypot(box.center[0] - sensor.origin[0], box.center[1] - sensor.origin[1]);
  const h = sensor.origin[2] - groundZ;
  if (!(h > 0.3)) return RING;
  const gap = elevationGapAt(sensor, Math.atan2(-h, d));
  return Math.min(MAX_RING, Math.max(RING, ((d * d) / h) * gap));
}

/**
 * The ground level among ring heights: the model's height, or a lower level holding enough ring
 * points (at least three, 5 % of the ring, and half as many as lie at the model's height); null
 * when fewer than three ring points lie near that level (the ground was not seen).
 */
function groundLevel(ring: number[], model: number): number | null {
  const atModel = countNear(ring, model);
  const low = lowestDenseLevel(ring, Math.max(MIN_SUPPORT, Math.ceil(ring.length * DENSE_SHARE), Math.ceil(atModel / 2)));
  const g = low < model - GROUND_BAND ? low : model;
  return countNear(ring, g) < MIN_SUPPORT ? null : g;
}

/**
 * Points inside the box's footprint grown by 0.1 m (the object's faces seen by the sensor lie on
 * the box's), with z between `zLo` and `zHi` (LiDAR frame, metres); with `obstaclesOnly`, only
 * the analysis's above-ground clusters (the object's lower part left under a box lifted off it).
 */
function pointsInFootprint(analysis: FrameAnalysis, box: CuboidShape, zLo: number, zHi: number, obstaclesOnly: boolean): number {
  if (!(zHi > zLo)) return 0;
  const { grid, clusters } = analysis;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2 + 0.1;
  const hw = box.size[1] / 2 + 0.1;
  const [cx, cy] = box.center;
  const ex = hl * Math.abs(c) + hw * Math.abs(s);
  const ey = hl * Math.abs(s) + hw * Math.abs(c);
  const range = cellRange(grid, cx - ex, cy - ey, cx + ex, cy + ey);
  if (range === null) return 0;
  const { sorted, indices, cellStart, nx } = grid;
  let n = 0;
  for (let iy = range[1]; iy <= range[3]; iy++) {
    const end = cellStart[iy * nx + range[2] + 1];
    for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
      if (obstaclesOnly && clusters.labels[indices[p]] < 0) continue;
      const z = sorted[3 * p + 2];
      if (z < zLo || z > zHi) continue;
      const dx = sorted[3 * p] - cx;
      const dy = sorted[3 * p + 1] - cy;
      if (Math.abs(dx * c + dy * s) <= hl && Math.abs(dy * c - dx * s) <= hw) n++;
    }
  }
  return n;
}
