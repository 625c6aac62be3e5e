import { cellRange } from '../../geometry/PointGrid.ts';
import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { isOccluded } from '../frame/RangeImage.ts';
import type { RangeImage } from '../frame/RangeImage.ts';
import type { Cuboid } from '../../types.ts';
import { fmt } from '../formatNumber.ts';
import { beamGapAt } from '../../sensor/beamGapAt.ts';
import { targetIndices } from './targetIndices.ts';
import { topSeenEmpty } from './topSeenEmpty.ts';

/** Fewest above-ground points in a box for its faces to be judged. */
const MIN_POINTS = 10;
/** The sensor must be at least this far (metres) outside a face's plane to see the face. */
const FACING = 0.5;
/** Gap between a visible face and the object's points: warning / error above max(abs, rel × dim). */
const WARN_REL = 0.15;
const ERROR_REL = 0.3;

const FACE_NAMES = ['front', 'rear', 'left side', 'right side'];
/** The top: warning above max(0.25 m, 15 % of the class's smallest height) + 0.4 % of the range; error above twice. */
const TOP_WARN = 0.25;
const TOP_PER_M = 0.004;

/**
 * The box is larger than its object on a side the sensor sees: the faces facing the sensor
 * should touch the object's nearest points (a LiDAR sees those surfaces), so a wide gap between
 * such a face and the above-ground points inside the box means the box is too big or misplaced.
 * Faces turned away from the sensor are not judged (the object's far side is not seen), nor
 * faces mostly hidden behind something closer (a parked car behind another). The gap is
 * measured to the second-outermost point, so one stray point does not hide it.
 * Warning above max(the class's `fitSlack`, 15 % of the class's smallest length or width along
 * that axis), error above twice the slack or 30 %, each plus the spacing of neighbouring returns
 * at the box's range (sensor model: range × azimuth step) and, at the ends, 1.5 gaps between
 * beam rows there (a bumper between two rows leaves the nearest return on the bonnet behind it;
 * half a gap at the sides); twice both for errors. Classes not in the
 * dictionary use 0.35 m and the box's own dimension. The sensor is where the scan was read to come
 * from (`analysis.sensor.origin`).
 *
 * The top is judged by the beams: when a beam crossing the box above its highest point went
 * through it unblocked (seen, nothing returned within the box), the object is lower than that
 * beam (`topSeenEmpty`); a box top more than max(0.25 m, 15 % of the class's smallest height)
 * + 0.4 % of the range above it is too tall or floats (error beyond twice that).
 */
export const looseFit: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const { grid, clusters, rangeImage, sensor } = analysisOf(ctx);
  const [ox, oy] = sensor.origin;
  const margin = ctx.dictionary.settings.fitMargin;
  const { sorted, indices, cellStart, nx } = grid;
  const labels = clusters.labels;
  for (const bi of targets) {
    const box = ctx.cuboids[bi];
    const rule = ctx.dictionary.classes[box.label];
    const slack = rule?.fitSlack ?? 0.35;
    if (!box.size.every((v) => Number.isFinite(v) && v > 0) || !box.center.every(Number.isFinite)) continue;
    const c = Math.cos(box.yaw);
    const s = Math.sin(box.yaw);
    const hl = box.size[0] / 2;
    const hw = box.size[1] / 2;
    const hh = box.size[2] / 2;
    const [cx, cy, cz] = box.center;
    const ex = (hl + margin) * Math.abs(c) + (hw + margin) * Math.abs(s);
    const ey = (hl + margin) * Math.abs(s) + (hw + margin) * Math.abs(c);
    const range = cellRange(grid, cx - ex, cy - ey, cx + ex, cy + ey);
    if (range === null) continue;
    // Two largest values of +x, −x, +y, −y, z (box-local) among the points inside.
    const top1 = [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity];
    const top2 = [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity];
    let n = 0;
    for (let iy = range[1]; iy <= range[3]; iy++) {
      const end = cellStart[iy * nx + range[2] + 1];
      for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
        if (labels[indices[p]] < 0) continue;
        const dz = sorted[3 * p + 2] - cz;
        if (Math.abs(dz) > hh + margin) continue;
        const dx = sorted[3 * p] - cx;
        const dy = sorted[3 * p + 1] - cy;
        const lx = dx * c + dy * s;
        const ly = dy * c - dx * s;
        if (Math.abs(lx) > hl + margin || Math.abs(ly) > hw + margin) continue;
        n++;
        keepTop2(top1, top2, 0, lx);
        keepTop2(top1, top2, 1, -lx);
        keepTop2(top1, top2, 2, ly);
        keepTop2(top1, top2, 3, -ly);
        keepTop2(top1, top2, 4, dz);
      }
    }
    if (n < MIN_POINTS) continue;
    // The sensor in box-local coordinates.
    const sx = -(cx - ox) * c - (cy - oy) * s;
    const sy = (cx - ox) * s - (cy - oy) * c;
    // Neighbouring returns of one beam lie this far apart across the line of sight: a face
    // cannot be placed closer than that to the points that show it.
    const spacing = Math.hypot(cx - ox, cy - oy) * sensor.azimuthStep;
    // A face's lowest part (a bumper) can fall between two rows; the nearest row then hits the
    // surface behind it (a bonnet sloping back): allow 1.5 row gaps of recess (at most 1.5 m).
    const rowGap = beamGapAt(sensor, cx, cy, cz - hh / 2);
    const facing = [sx > hl + FACING, sx < -hl - FACING, sy > hw + FACING, sy < -hw - FACING];
    let worst = -1;
    let worstExcess = 0;
    let worstGap = 0;
    let severity: 'error' | 'warning' | null = null;
    for (let k = 0; k < 4; k++) {
      if (!facing[k]) continue;
      const half = k < 2 ? hl : hw;
      const gap = half - top2[k];
      // Relative to the class's smallest size, not the box's: a grown box must not excuse itself.
      const dim = rule === undefined ? 2 * half : k < 2 ? rule.size.l[0] : rule.size.w[0];
      // Ends (bumpers, sloping bonnets) recess by up to 1.5 row gaps; sides (doors) by half a gap.
      const recess = Math.min(1.5, (k < 2 ? 1.5 : 0.5) * rowGap);
      const warnAt = Math.max(slack, WARN_REL * dim) + spacing + recess;
      if (!(gap > warnAt) || !faceVisible(rangeImage, box, k)) continue;
      const errorAt = Math.max(2 * slack, ERROR_REL * dim) + 2 * (spacing + recess);
      if (gap / warnAt > worstExcess) {
        worstExcess = gap / warnAt;
        worst = k;
        worstGap = gap;
        severity = gap > errorAt ? 'error' : severity === 'error' ? 'error' : 'warning';
      }
    }
    // The top: beams that passed over the object through the box's upper part, seen empty.
    const boxTop = cz + hh;
    const bound = topSeenEmpty(sensor, rangeImage, box, cz + top2[4]);
    if (bound !== null) {
      const d = Math.hypot(cx - ox, cy - oy);
      const minH = rule?.size.h[0] ?? box.size[2];
      const gap = boxTop - bound;
      const warnAt = Math.max(TOP_WARN, WARN_REL * minH) + TOP_PER_M * d;
      if (gap > warnAt && gap / warnAt > worstExcess) {
        const errorAt = Math.max(2 * TOP_WARN, ERROR_REL * minH) + 2 * TOP_PER_M * d;
        worstExcess = gap / warnAt;
        worst = 4;
        worstGap = gap;
        severity = gap > errorAt ? 'error' : severity === 'error' ? 'error' : 'warning';
      }
    }
    if (severity === null) continue;
    out.push({
      ruleId: 'looseFit',
      severity,
      cuboidId: box.id,
      location: null,
      message:
        worst === 4
          ? `${box.label} box's top is ${fmt(worstGap, 2)} m above where the sensor's beams passed over its object ` +
            `unblocked: the box is too tall or floats`
          : `${box.label} box's ${FACE_NAMES[worst]}, which faces the sensor, is ${fmt(worstGap, 2)} m from the ` +
            `object's nearest points: the box is too big or misplaced`,
      dictionaryEntry: 'box-fits-object',
    });
  }
  return out;
};

/**
 * Whether most of face k (0 front +x, 1 rear −x, 2 left +y, 3 right −y, box-local) is in the
 * sensor's view: 5 × 3 samples on the face, each not hidden behind a closer obstacle point.
 */
function faceVisible(img: RangeImage, box: Cuboid, k: number): boolean {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const hh = box.size[2] / 2;
  let seen = 0;
  let total = 0;
  for (let u = -0.8; u <= 0.81; u += 0.4) {
    for (const v of [-0.3, 0.2, 0.7]) {
      const lx = k === 0 ? hl : k === 1 ? -hl : u * hl;
      const ly = k === 2 ? hw : k === 3 ? -hw : u * hw;
      const x = box.center[0] + lx * c - ly * s;
      const y = box.center[1] + lx * s + ly * c;
      total++;
      if (!isOccluded(img, x, y, box.center[2] + v * hh)) seen++;
    }
  }
  return seen * 2 >= total;
}

/** Keeps the two largest values seen in slot k of `top1` ≥ `top2`. */
function keepTop2(top1: number[], top2: number[], k: number, v: number): void {
  if (v > top1[k]) {
    top2[k] = top1[k];
    top1[k] = v;
  } else if (v > top2[k]) {
    top2[k] = v;
  }
}
