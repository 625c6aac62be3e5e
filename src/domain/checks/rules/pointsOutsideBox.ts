import { cellRange } from '../../geometry/PointGrid.ts';
import { beamGapAt } from '../../sensor/beamGapAt.ts';
import { isPointInAnyCuboid } from '../../geometry/isPointInCuboid.ts';
import { coverageMask, MANY_BOXES } from '../../geometry/coverageMask.ts';
import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { fmt, plural } from '../formatNumber.ts';
import { candidatePairs } from './candidatePairs.ts';
import { createGrowScratch, growFromInside, surfaceLink } from './growFromInside.ts';
import { targetIndices } from './targetIndices.ts';

/** How far beyond its faces a box's object is followed: 60 % of its longer side, 2–8 m. */
const REACH_FRACTION = 0.6;
const MIN_REACH = 2;
const MAX_REACH = 8;
/** Fraction of the object's above-ground points left outside that is a warning / an error. */
const WARN_FRACTION = 0.2;
const ERROR_FRACTION = 0.35;
const WARN_MIN = 5;
const ERROR_MIN = 8;

/**
 * The box cuts its object: starting from the above-ground points inside the box (grown by
 * `settings.fitMargin`), the object's surface is followed through touching 0.2 m voxels
 * (`growFromInside`; at range, two thirds of 1.8 column spacings: `surfaceLink`) out to 60 % of
 * the box's longer side (2–8 m) beyond the faces, only within the obstacle clusters the box holds
 * and never through another box. Points reached outside the box are the part of the object the
 * box misses: catches shifted, shrunk and rotated boxes, while an object standing 0.4 m or more
 * away (0.53 m 75 m from a 64-beam scanner) is not reached.
 *
 * Heights are squeezed by the sensor model's beam gap at the box's range, so a sparse scanner's
 * rows still link. Warning when at least 20 % (and 5 points) of the object is outside, error at
 * 35 % (and 8 points). When the surface still
 * continues that far beyond the faces, the box touches a wall, a hedge or a much larger structure:
 * that is only noted (info), since the object's own end cannot be told apart.
 */
export const pointsOutsideBox: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const { grid, clusters, sensor } = analysisOf(ctx);
  const margin = ctx.dictionary.settings.fitMargin;
  const boxes = ctx.cuboids;
  const neighbours = new Map<number, number[]>();
  // Among many boxes, testing each point against each neighbouring box is quadratic: then one
  // mask of the points in any box (grown by the margin) tells whether a point outside this box is
  // in another.
  const mask = boxes.length >= MANY_BOXES ? coverageMask(ctx.positions, boxes, grid, margin) : null;
  if (mask === null) {
    const targetSet = new Set(targets);
    // Pairs within the largest reach: each circle grows by half of it.
    for (const [i, j] of candidatePairs(boxes, (k) => targetSet.has(k), MAX_REACH / 2)) {
      if (!neighbours.has(i)) neighbours.set(i, []);
      if (!neighbours.has(j)) neighbours.set(j, []);
      neighbours.get(i)!.push(j);
      neighbours.get(j)!.push(i);
    }
  }
  const { labels } = clusters;
  const { sorted, indices, cellStart, nx } = grid;
  // Scratch arrays reused across boxes: box-local coordinates and a state per candidate point.
  let local = new Float64Array(3 * 1024);
  let state = new Uint8Array(1024);
  const scratch = createGrowScratch();
  // owner[label] = 1 + the target box whose object that cluster is part of (a stamp: no clearing between boxes).
  const owner = new Int32Array(clusters.count);

  for (const bi of targets) {
    const box = boxes[bi];
    if (!box.size.every((v) => Number.isFinite(v) && v > 0) || !box.center.every(Number.isFinite)) continue;
    const others = (neighbours.get(bi) ?? []).map((j) => boxes[j]);
    const c = Math.cos(box.yaw);
    const s = Math.sin(box.yaw);
    const hl = box.size[0] / 2;
    const hw = box.size[1] / 2;
    const hh = box.size[2] / 2;
    const reach = Math.min(MAX_REACH, Math.max(MIN_REACH, REACH_FRACTION * Math.max(box.size[0], box.size[1])));
    const ex = (hl + reach) * Math.abs(c) + (hw + reach) * Math.abs(s);
    const ey = (hl + reach) * Math.abs(s) + (hw + reach) * Math.abs(c);
    const [cx, cy, cz] = box.center;
    // Rows of one surface lie one beam gap apart vertically: heights are squeezed so that the
    // gap at this range links like the link does (a 32-beam scan's rows are 0.7 m apart at 30 m).
    const link = surfaceLink(sensor, cx, cy);
    const zScale = Math.min(1, link / (1.1 * beamGapAt(sensor, cx, cy, cz)));
    const range = cellRange(grid, cx - ex, cy - ey, cx + ex, cy + ey);
    if (range === null) continue;
    // Pass 1: the obstacle clusters that have points inside the box (cells of the box itself);
    // only their points are followed (other clusters are separated by a gap of at least 0.4 m).
    const stamp = bi + 1;
    let owned = 0;
    const bx = (hl + margin) * Math.abs(c) + (hw + margin) * Math.abs(s);
    const by = (hl + margin) * Math.abs(s) + (hw + margin) * Math.abs(c);
    const inner = cellRange(grid, cx - bx, cy - by, cx + bx, cy + by);
    if (inner === null) continue;
    for (let iy = inner[1]; iy <= inner[3]; iy++) {
      const end = cellStart[iy * nx + inner[2] + 1];
      for (let p = cellStart[iy * nx + inner[0]]; p < end; p++) {
        const label = labels[indices[p]];
        if (label < 0 || owner[label] === stamp) continue;
        const dz = sorted[3 * p + 2] - cz;
        if (Math.abs(dz) > hh + margin) continue;
        const dx = sorted[3 * p] - cx;
        const dy = sorted[3 * p + 1] - cy;
        if (Math.abs(dx * c + dy * s) <= hl + margin && Math.abs(dy * c - dx * s) <= hw + margin) {
          owner[label] = stamp;
          owned++;
        }
      }
    }
    if (owned === 0) continue;
    let m = 0;
    for (let iy = range[1]; iy <= range[3]; iy++) {
      const end = cellStart[iy * nx + range[2] + 1];
      for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
        const label = labels[indices[p]];
        if (label < 0 || owner[label] !== stamp) continue;
        const x = sorted[3 * p];
        const y = sorted[3 * p + 1];
        const z = sorted[3 * p + 2];
        const dx = x - cx;
        const dy = y - cy;
        const lx = dx * c + dy * s;
        const ly = dy * c - dx * s;
        const lz = z - cz;
        if (Math.abs(lx) > hl + reach || Math.abs(ly) > hw + reach || Math.abs(lz) > hh + reach) continue;
        if (m === state.length) {
          const grownLocal = new Float64Array(local.length * 2);
          grownLocal.set(local);
          local = grownLocal;
          const grownState = new Uint8Array(state.length * 2);
          grownState.set(state);
          state = grownState;
        }
        local[3 * m] = lx;
        local[3 * m + 1] = ly;
        local[3 * m + 2] = lz * zScale;
        const inside = Math.abs(lx) <= hl + margin && Math.abs(ly) <= hw + margin && Math.abs(lz) <= hh + margin;
        state[m] = inside ? 1 : (mask !== null ? mask[indices[p]] === 1 : isPointInAnyCuboid(x, y, z, others, margin)) ? 3 : 2;
        m++;
      }
    }
    const grown = growFromInside(local, state, m, link, scratch);
    if (grown.inside < 3 || grown.outside === 0) continue;
    let farthest = 0;
    let atReach = false;
    for (const k of grown.reachedOutside) {
      const beyond = Math.max(Math.abs(local[3 * k]) - hl, Math.abs(local[3 * k + 1]) - hw, Math.abs(local[3 * k + 2] / zScale) - hh);
      if (beyond > farthest) farthest = beyond;
      if (beyond > reach - link) atReach = true;
    }
    const total = grown.inside + grown.outside;
    const fraction = grown.outside / total;
    const severity =
      grown.outside < WARN_MIN || fraction < WARN_FRACTION
        ? null
        : atReach
          ? 'info'
          : grown.outside >= ERROR_MIN && fraction >= ERROR_FRACTION
            ? 'error'
            : 'warning';
    if (severity === null) continue;
    out.push({
      ruleId: 'pointsOutsideBox',
      severity,
      cuboidId: box.id,
      location: null,
      message:
        `${box.label} box leaves ${plural(grown.outside, 'point')} of its object outside ` +
        `(${fmt(100 * fraction)} % of ${total} above-ground points); the object reaches ` +
        (atReach ? `more than ${fmt(reach, 1)} m beyond the box` : `${fmt(farthest, 1)} m beyond the box`),
      dictionaryEntry: 'box-fits-object',
    });
  }
  return out;
};
