import { pointsInCuboids } from '../../geometry/pointsInCuboids.ts';
import type { CheckContext } from '../CheckContext.ts';
import { unitOfCell } from '../frame/clusterGroups.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';

/**
 * Per candidate unit (cluster or group, `groupClusters`), its points outside every box: count,
 * coordinate sums, largest tangent of their elevation angle from the sensor, and extents (`ext[6u..6u+5]`: along-axis min, max, across-axis min, max,
 * z min, max) about the unit's centroid along its principal axis. One pass over the obstacle points.
 */
export function freeParts(ctx: CheckContext, analysis: FrameAnalysis) {
  const { clusters, groups, grid } = analysis;
  const k = groups.count;
  const n = clusters.labels.length;
  const covered = new Uint8Array(n);
  if (ctx.cuboids.length > 0) {
    const { indices } = pointsInCuboids(ctx.positions, ctx.cuboids, { grid, margin: ctx.dictionary.settings.fitMargin, withIndices: true });
    for (const list of indices) for (let j = 0; j < list.length; j++) covered[list[j]] = 1;
  }
  const points = new Uint32Array(k);
  const sumX = new Float64Array(k);
  const sumY = new Float64Array(k);
  const sumZ = new Float64Array(k);
  const ext = new Float32Array(6 * k);
  // Largest tangent of the elevation angle of a free point seen from the sensor: whether the
  // unboxed part (not the boxed objects it touches) reaches the highest beam.
  const tanElevation = new Float32Array(k).fill(-Infinity);
  const [ox, oy, oz] = analysis.sensor.origin;
  for (let c = 0; c < k; c++) {
    ext[6 * c] = ext[6 * c + 2] = ext[6 * c + 4] = Infinity;
    ext[6 * c + 1] = ext[6 * c + 3] = ext[6 * c + 5] = -Infinity;
  }
  const { labels } = clusters;
  const { groupUnit, axisX, axisY } = groups;
  const anyLow = groups.count > groups.lowStart;
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  for (let g = 0; g < k; g++) {
    cx[g] = groups.sumX[g] / groups.points[g];
    cy[g] = groups.sumY[g] / groups.points[g];
  }
  const pos = ctx.positions;
  const add = (c: number, px: number, py: number, pz: number, tan: number): void => {
    points[c]++;
    if (tan > tanElevation[c]) tanElevation[c] = tan;
    sumX[c] += px;
    sumY[c] += py;
    sumZ[c] += pz;
    const dx = px - cx[c];
    const dy = py - cy[c];
    const u = dx * axisX[c] + dy * axisY[c];
    const v = dy * axisX[c] - dx * axisY[c];
    const b = 6 * c;
    if (u < ext[b]) ext[b] = u;
    if (u > ext[b + 1]) ext[b + 1] = u;
    if (v < ext[b + 2]) ext[b + 2] = v;
    if (v > ext[b + 3]) ext[b + 3] = v;
    if (pz < ext[b + 4]) ext[b + 4] = pz;
    if (pz > ext[b + 5]) ext[b + 5] = pz;
  };
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c < 0 || covered[i]) continue;
    const px = pos[3 * i];
    const py = pos[3 * i + 1];
    const pz = pos[3 * i + 2];
    const rx = px - ox;
    const ry = py - oy;
    const tan = (pz - oz) / Math.max(0.1, Math.sqrt(rx * rx + ry * ry));
    add(c, px, py, pz, tan);
    if (groupUnit[c] >= 0) add(groupUnit[c], px, py, pz, tan);
    const low = anyLow ? unitOfCell(clusters, groups.cellUnit, px, py) : -1;
    if (low >= 0) add(low, px, py, pz, tan);
  }
  return { points, sumX, sumY, sumZ, ext, tanElevation, covered };
}

/**
 * The unboxed points (x y z) of each of `units` (clusters, groups of clusters or low parts), in
 * one pass over the obstacle points.
 */
export function pointsOfUnits(ctx: CheckContext, analysis: FrameAnalysis, covered: Uint8Array, units: number[]): Map<number, Float32Array> {
  const { clusters, groups } = analysis;
  const { labels } = clusters;
  const { groupUnit } = groups;
  const wanted = new Set(units);
  const anyLow = units.some((u) => u >= groups.lowStart);
  const lists = new Map<number, number[]>(units.map((u) => [u, []]));
  const pos = ctx.positions;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (c < 0 || covered[i]) continue;
    // A point is in its cluster's unit, in its group's, if it has one, and in its cell's low part.
    if (wanted.has(c)) lists.get(c)!.push(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
    const g = groupUnit[c];
    if (g >= 0 && wanted.has(g)) lists.get(g)!.push(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
    const low = anyLow ? unitOfCell(clusters, groups.cellUnit, pos[3 * i], pos[3 * i + 1]) : -1;
    if (low >= 0 && wanted.has(low)) lists.get(low)!.push(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
  }
  return new Map([...lists].map(([u, l]) => [u, Float32Array.from(l)]));
}
