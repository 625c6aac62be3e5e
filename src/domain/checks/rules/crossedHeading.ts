import { cellRange } from '../../geometry/PointGrid.ts';
import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { fmt } from '../formatNumber.ts';
import { targetIndices } from './targetIndices.ts';

/** Classes whose typical length is at least this many times their width have a heading to judge. */
const ELONGATED = 1.6;
/** Fewest points of the object (above the ground, inside the box) for its shape to be judged. */
const MIN_POINTS = 30;
/** Share of the box's object points that must belong to one obstacle cluster. */
const DOMINANT = 0.6;
/** How much longer across the box than along it the object must be. */
const CROSS_RATIO = 1.4;
/** How far (metres, box-local) around the box the object's extent is measured. */
const MAX_REACH = 4;

/**
 * The box runs across its object: the object's points (its obstacle cluster, looked at around the
 * box) extend much further along the box's width than along its length, so the box is most likely
 * turned by about 90° (a car boxed sideways). Judged only for classes that are clearly longer than
 * wide, on boxes holding enough points of one object; the object's extent is taken between its
 * 5th and 95th percentiles, so a few stray points do not count. Warning.
 */
export const crossedHeading: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const { grid, clusters } = analysisOf(ctx);
  const { sorted, indices, cellStart, nx } = grid;
  const labels = clusters.labels;
  // Coordinates of one object's points, reused from box to box.
  let xs: Float64Array<ArrayBuffer> = new Float64Array(1024);
  let ys: Float64Array<ArrayBuffer> = new Float64Array(1024);
  for (const bi of targets) {
    const box = ctx.cuboids[bi];
    const rule = ctx.dictionary.classes[box.label];
    if (rule === undefined) continue;
    const mid = (r: readonly number[]) => (r[0] + r[1]) / 2;
    if (mid(rule.size.l) < ELONGATED * mid(rule.size.w)) continue;
    if (!box.size.every((v) => Number.isFinite(v) && v > 0) || !box.center.every(Number.isFinite)) continue;
    const c = Math.cos(box.yaw);
    const s = Math.sin(box.yaw);
    const hl = box.size[0] / 2;
    const hw = box.size[1] / 2;
    const hh = box.size[2] / 2;
    const [cx, cy, cz] = box.center;
    // Which obstacle cluster the box holds: counted over the box itself.
    const footprint = cellRange(grid, cx - hl * Math.abs(c) - hw * Math.abs(s), cy - hl * Math.abs(s) - hw * Math.abs(c), cx + hl * Math.abs(c) + hw * Math.abs(s), cy + hl * Math.abs(s) + hw * Math.abs(c));
    if (footprint === null) continue;
    const inside = new Map<number, number>();
    let total = 0;
    for (let iy = footprint[1]; iy <= footprint[3]; iy++) {
      const end = cellStart[iy * nx + footprint[2] + 1];
      for (let p = cellStart[iy * nx + footprint[0]]; p < end; p++) {
        const label = labels[indices[p]];
        if (label < 0 || Math.abs(sorted[3 * p + 2] - cz) > hh + 0.2) continue;
        const dx = sorted[3 * p] - cx;
        const dy = sorted[3 * p + 1] - cy;
        if (Math.abs(dx * c + dy * s) > hl || Math.abs(dy * c - dx * s) > hw) continue;
        inside.set(label, (inside.get(label) ?? 0) + 1);
        total++;
      }
    }
    if (total < MIN_POINTS) continue;
    let object = -1;
    let most = 0;
    for (const [label, n] of inside) {
      if (n > most) {
        most = n;
        object = label;
      }
    }
    if (most < DOMINANT * total) continue;
    // That object's extent along and across the box, looked at as far as the box's length reaches
    // whichever way the object really lies.
    const reach = Math.min(hl + 1, MAX_REACH);
    const range = cellRange(grid, cx - reach, cy - reach, cx + reach, cy + reach);
    if (range === null) continue;
    let n = 0;
    for (let iy = range[1]; iy <= range[3]; iy++) {
      const end = cellStart[iy * nx + range[2] + 1];
      for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
        if (labels[indices[p]] !== object || Math.abs(sorted[3 * p + 2] - cz) > hh + 0.2) continue;
        const dx = sorted[3 * p] - cx;
        const dy = sorted[3 * p + 1] - cy;
        const lx = dx * c + dy * s;
        const ly = dy * c - dx * s;
        if (Math.abs(lx) > reach || Math.abs(ly) > reach) continue;
        if (n === xs.length) {
          xs = grow(xs);
          ys = grow(ys);
        }
        xs[n] = lx;
        ys[n] = ly;
        n++;
      }
    }
    const along = spread(xs.subarray(0, n));
    const across = spread(ys.subarray(0, n));
    if (!(across > CROSS_RATIO * along && across >= 0.6 * Math.min(box.size[0], 2 * reach) && across > box.size[1] + 0.8)) continue;
    out.push({
      ruleId: 'crossedHeading',
      severity: 'warning',
      cuboidId: box.id,
      location: null,
      message:
        `${box.label} box runs across its object: the points reach ${fmt(across, 1)} m along the box's width ` +
        `but ${fmt(along, 1)} m along its length. Turned by 90°?`,
      dictionaryEntry: 'box-fits-object',
    });
  }
  return out;
};

function grow(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/** Distance between the 5th and 95th percentiles (sorts `values` in place). */
function spread(values: Float64Array<ArrayBufferLike>): number {
  const v = values.sort();
  const at = (q: number) => v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))];
  return v.length === 0 ? 0 : at(0.95) - at(0.05);
}
