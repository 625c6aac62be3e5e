import { cellRange } from '../../geometry/PointGrid.ts';
import type { PointGrid } from '../../geometry/PointGrid.ts';
import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import type { ObstacleClusters } from './clusterObstacles.ts';

/**
 * Candidate objects of a frame: every obstacle cluster, and groups of clusters, with what tells
 * an object from scenery. An object often falls apart into clusters where the sensor gets no
 * return between its parts (a car's rear window, dark paint, a cyclist's frame): clusters no
 * longer than 6 m, other than posts, whose cells lie within two cells (≤ 0.8 m) of each other (three along the line of sight)
 * join, as long as the group stays within 6 m across. And an object standing against scenery
 * runs into it: the low parts of long clusters are candidates too (`lowParts`). Built once per
 * frame by `analyzeFrame`; LiDAR frame, metres.
 */
export interface ClusterGroups {
  /**
   * Number of units: units 0 … clusters.count − 1 are the clusters themselves, the units after
   * them the groups of two or more clusters. Both are candidates; a group and its members are
   * one family (`familyOf`), of which the missed-object search reports at most one.
   */
  count: number;
  /** Per cluster: the unit of its group, or -1 when it joined none. */
  groupUnit: Int32Array;
  /**
   * Per BEV cell of `clusters` (`cellLabels` layout): the unit of the low part of a structure it
   * belongs to (`lowParts`), or -1. Such units are families of their own.
   */
  cellUnit: Int32Array;
  /** The first low-part unit (units from here to `count` are low parts of structures). */
  lowStart: number;
  /** Per unit: points and coordinate sums (centroid = sum / points). */
  points: Uint32Array;
  sumX: Float64Array;
  sumY: Float64Array;
  sumZ: Float64Array;
  /** Per unit: unit x, y of the principal axis of its points' BEV covariance. */
  axisX: Float32Array;
  axisY: Float32Array;
  /** Per unit: largest elevation angle of its points seen from the sensor, radians. */
  maxElevation: Float32Array;
  /** Per unit: points more than 0.5 m above its top over its footprint grown by 0.3 m (a crown over a trunk, a lamp's arm, a building's upper floors). */
  overhead: Uint32Array;
  /**
   * Per unit: the longest cluster outside it (and outside its group) with a cell within 1.2 m
   * (3 cells) of its cells, or -1: what a piece of hedge, wall or fence split off by a shadow
   * continues into.
   */
  neighbour: Int32Array;
}

/** The family of unit `u` (a cluster or a group): its group's unit, or itself. */
export function familyOf(groups: ClusterGroups, u: number): number {
  return u < groups.groupUnit.length && groups.groupUnit[u] >= 0 ? groups.groupUnit[u] : u;
}

/** Clusters longer than this (metres) are structures: they join no group. */
const MAX_PART = 6;
/** Largest BEV diagonal (metres) of the bounding box of a group. */
const MAX_GROUP = 6;
/** A cluster narrower than this (metres) and taller than POST_TOP is a post or a pole: it joins nothing. */
const POST_WIDTH = 0.5;
const POST_TOP = 2.3;
/**
 * Cells apart (Chebyshev) that join clusters, or up to NEAR_CELLS when one lies behind the other
 * along the line of sight (a car's glass: the roof beyond the bonnet); cells apart searched for a
 * neighbouring structure.
 */
const JOIN_CELLS = 2;
const NEAR_CELLS = 3;
const OVERHEAD_GAP = 0.5;
/** Cells of a structure whose highest point is at most this above the ground (metres) can be an object standing beside it. */
const LOW_TOP = 3.2;
const OVERHEAD_MARGIN = 0.3;

/**
 * Groups `clusters` (over `positions`: x y z interleaved, LiDAR frame, metres) and measures each
 * group: one pass over the occupied cells, two over the obstacle points, and a grid query over
 * each object-sized group's footprint.
 */
export function groupClusters(
  positions: Float32Array,
  clusters: ObstacleClusters,
  grid: PointGrid,
  ground: GroundModel,
  origin: readonly [number, number, number],
): ClusterGroups {
  const k = clusters.count;
  const parent = new Int32Array(k);
  for (let c = 0; c < k; c++) parent[c] = c;
  const box = new Float64Array(4 * k); // per root: min x, min y, max x, max y
  for (let c = 0; c < k; c++) {
    box[4 * c] = clusters.minX[c];
    box[4 * c + 1] = clusters.minY[c];
    box[4 * c + 2] = clusters.maxX[c];
    box[4 * c + 3] = clusters.maxY[c];
  }
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const x0 = Math.min(box[4 * ra], box[4 * rb]);
    const y0 = Math.min(box[4 * ra + 1], box[4 * rb + 1]);
    const x1 = Math.max(box[4 * ra + 2], box[4 * rb + 2]);
    const y1 = Math.max(box[4 * ra + 3], box[4 * rb + 3]);
    if (Math.hypot(x1 - x0, y1 - y0) > MAX_GROUP) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    box[4 * keep] = x0;
    box[4 * keep + 1] = y0;
    box[4 * keep + 2] = x1;
    box[4 * keep + 3] = y1;
  };
  const near = new Int32Array(k).fill(-1);
  const { cellLabels, cellNx: nx, cellNy: ny, length } = clusters;
  const joinable = new Uint8Array(k);
  for (let c = 0; c < k; c++) joinable[c] = length[c] <= MAX_PART && !(length[c] < POST_WIDTH && clusters.maxHeight[c] > POST_TOP) ? 1 : 0;
  const [ox0, oy0] = origin;
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const a = cellLabels[iy * nx + ix];
      if (a < 0) continue;
      // Line of sight through the cell (unit vector in the sensor's BEV).
      const lx = clusters.cellOriginX + (ix + 0.5) * clusters.cellSize - ox0;
      const ly = clusters.cellOriginY + (iy + 0.5) * clusters.cellSize - oy0;
      const lr = Math.hypot(lx, ly) || 1;
      for (let jy = Math.max(0, iy - NEAR_CELLS); jy <= Math.min(ny - 1, iy + NEAR_CELLS); jy++) {
        const row = jy * nx;
        const dy = jy - iy;
        for (let jx = Math.max(0, ix - NEAR_CELLS); jx <= Math.min(nx - 1, ix + NEAR_CELLS); jx++) {
          const b = cellLabels[row + jx];
          if (b < 0 || b === a) continue;
          if (near[a] < 0 || length[b] > length[near[a]]) near[a] = b;
          if (!joinable[a] || !joinable[b]) continue;
          const dx = jx - ix;
          // Beyond JOIN_CELLS, cells still join straight behind one another along the line of
          // sight (within one cell of it): a beam passing through glass leaves such a gap.
          if ((Math.abs(dy) <= JOIN_CELLS && Math.abs(dx) <= JOIN_CELLS) || Math.abs(dx * ly - dy * lx) <= lr) join(a, b);
        }
      }
    }
  }
  // Units: the clusters, then each group of two or more, then the low parts of structures.
  const size = new Uint32Array(k);
  for (let c = 0; c < k; c++) size[find(c)]++;
  const groupUnit = new Int32Array(k).fill(-1);
  const unitOfRoot = new Int32Array(k).fill(-1);
  let count = k;
  for (let c = 0; c < k; c++) {
    const r = find(c);
    if (size[r] < 2) continue;
    if (unitOfRoot[r] < 0) unitOfRoot[r] = count++;
    groupUnit[c] = unitOfRoot[r];
  }
  const lowStart = count;
  const { cellUnit, units: lowUnits } = lowParts(positions, clusters, ground, count);
  count += lowUnits;
  const out: ClusterGroups = {
    count,
    groupUnit,
    cellUnit,
    lowStart,
    points: new Uint32Array(count),
    sumX: new Float64Array(count),
    sumY: new Float64Array(count),
    sumZ: new Float64Array(count),
    axisX: new Float32Array(count),
    axisY: new Float32Array(count),
    maxElevation: new Float32Array(count).fill(-Infinity),
    overhead: new Uint32Array(count),
    neighbour: new Int32Array(count).fill(-1),
  };
  const minX = new Float32Array(count).fill(Infinity);
  const minY = new Float32Array(count).fill(Infinity);
  const maxX = new Float32Array(count).fill(-Infinity);
  const maxY = new Float32Array(count).fill(-Infinity);
  const maxZ = new Float32Array(count).fill(-Infinity);
  const [ox, oy, oz] = origin;
  const add = (u: number, x: number, y: number, z: number, elevation: number): void => {
    out.points[u]++;
    out.sumX[u] += x;
    out.sumY[u] += y;
    out.sumZ[u] += z;
    if (elevation > out.maxElevation[u]) out.maxElevation[u] = elevation;
    if (x < minX[u]) minX[u] = x;
    if (y < minY[u]) minY[u] = y;
    if (x > maxX[u]) maxX[u] = x;
    if (y > maxY[u]) maxY[u] = y;
    if (z > maxZ[u]) maxZ[u] = z;
  };
  const { labels } = clusters;
  for (let i = 0, o = 0; i < labels.length; i++, o += 3) {
    const c = labels[i];
    if (c < 0) continue;
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    const e = clusters.maxElevation[c];
    add(c, x, y, z, e);
    if (groupUnit[c] >= 0) add(groupUnit[c], x, y, z, e);
    const low = lowUnits > 0 ? unitOfCell(clusters, cellUnit, x, y) : -1;
    if (low >= 0) add(low, x, y, z, Math.atan2(z - oz, Math.hypot(x - ox, y - oy)));
  }
  for (let c = 0; c < k; c++) {
    const b = near[c];
    for (const u of [c, groupUnit[c]]) {
      if (u < 0 || b < 0 || (groupUnit[c] >= 0 && groupUnit[b] === groupUnit[c])) continue;
      const cur = out.neighbour[u];
      if (cur < 0 || length[b] > length[cur]) out.neighbour[u] = b;
    }
  }
  principalAxes(positions, clusters, out);
  for (let g = 0; g < count; g++) {
    if (Math.hypot(maxX[g] - minX[g], maxY[g] - minY[g]) > 2 * MAX_GROUP) continue; // never an object: skip the query
    out.overhead[g] = pointsAbove(
      grid,
      minX[g] - OVERHEAD_MARGIN,
      minY[g] - OVERHEAD_MARGIN,
      maxX[g] + OVERHEAD_MARGIN,
      maxY[g] + OVERHEAD_MARGIN,
      maxZ[g] + OVERHEAD_GAP,
    );
  }
  return out;
}

/** The low-part unit of the cell under (x, y), or -1. */
export function unitOfCell(clusters: ObstacleClusters, cellUnit: Int32Array, x: number, y: number): number {
  const inv = 1 / clusters.cellSize;
  const ix = Math.min(clusters.cellNx - 1, Math.floor((x - clusters.cellOriginX) * inv));
  const iy = Math.min(clusters.cellNy - 1, Math.floor((y - clusters.cellOriginY) * inv));
  return ix >= 0 && iy >= 0 ? cellUnit[iy * clusters.cellNx + ix] : -1;
}

/**
 * Low parts of structures: in a cluster longer than 6 m (a row of parked cars run together with
 * the trees, walls and poles beside them), the connected runs of cells whose highest point is at
 * most LOW_TOP above the ground become units of their own, numbered from `first`; tall cells
 * (walls, trunks, poles) separate them. Returns the unit per BEV cell (-1 elsewhere) and how many.
 */
function lowParts(positions: Float32Array, clusters: ObstacleClusters, ground: GroundModel, first: number): { cellUnit: Int32Array; units: number } {
  const { cellLabels, cellNx: nx, cellNy: ny, cellSize, cellOriginX, cellOriginY, length } = clusters;
  const cellUnit = new Int32Array(cellLabels.length).fill(-1);
  let big = false;
  for (let c = 0; c < clusters.count && !big; c++) big = length[c] > MAX_PART;
  if (!big) return { cellUnit, units: 0 };
  const top = new Float32Array(cellLabels.length).fill(-Infinity);
  const inv = 1 / cellSize;
  const { labels } = clusters;
  for (let i = 0, o = 0; i < labels.length; i++, o += 3) {
    const c = labels[i];
    if (c < 0 || length[c] <= MAX_PART) continue;
    const ix = Math.min(nx - 1, Math.floor((positions[o] - cellOriginX) * inv));
    const iy = Math.min(ny - 1, Math.floor((positions[o + 1] - cellOriginY) * inv));
    const k = iy * nx + ix;
    if (positions[o + 2] > top[k]) top[k] = positions[o + 2];
  }
  const low = new Uint8Array(cellLabels.length);
  for (let k = 0; k < cellLabels.length; k++) {
    if (top[k] === -Infinity) continue;
    const gx = cellOriginX + ((k % nx) + 0.5) * cellSize;
    const gy = cellOriginY + (Math.floor(k / nx) + 0.5) * cellSize;
    low[k] = top[k] - groundHeightAt(ground, gx, gy) <= LOW_TOP ? 1 : 0;
  }
  let units = 0;
  const stack: number[] = [];
  for (let k0 = 0; k0 < cellLabels.length; k0++) {
    if (!low[k0] || cellUnit[k0] >= 0) continue;
    const u = first + units++;
    cellUnit[k0] = u;
    stack.push(k0);
    while (stack.length > 0) {
      const k = stack.pop()!;
      const ix = k % nx;
      const iy = (k - ix) / nx;
      for (let dy = -1; dy <= 1; dy++) {
        const jy = iy + dy;
        if (jy < 0 || jy >= ny) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const jx = ix + dx;
          if (jx < 0 || jx >= nx) continue;
          const j = jy * nx + jx;
          if (low[j] && cellUnit[j] < 0 && cellLabels[j] === cellLabels[k]) {
            cellUnit[j] = u;
            stack.push(j);
          }
        }
      }
    }
  }
  return { cellUnit, units };
}

/** Fills `axisX`, `axisY`: the principal axis of each unit's points' x–y covariance. */
function principalAxes(positions: Float32Array, clusters: ObstacleClusters, out: ClusterGroups): void {
  const m = new Float64Array(3 * out.count);
  const acc = (u: number, x: number, y: number): void => {
    const dx = x - out.sumX[u] / out.points[u];
    const dy = y - out.sumY[u] / out.points[u];
    m[3 * u] += dx * dx;
    m[3 * u + 1] += dy * dy;
    m[3 * u + 2] += dx * dy;
  };
  const { labels } = clusters;
  const anyLow = out.count > out.lowStart;
  for (let i = 0, o = 0; i < labels.length; i++, o += 3) {
    const c = labels[i];
    if (c < 0) continue;
    const x = positions[o];
    const y = positions[o + 1];
    acc(c, x, y);
    if (out.groupUnit[c] >= 0) acc(out.groupUnit[c], x, y);
    const low = anyLow ? unitOfCell(clusters, out.cellUnit, x, y) : -1;
    if (low >= 0) acc(low, x, y);
  }
  for (let u = 0; u < out.count; u++) {
    const theta = 0.5 * Math.atan2(2 * m[3 * u + 2], m[3 * u] - m[3 * u + 1]);
    out.axisX[u] = Math.cos(theta);
    out.axisY[u] = Math.sin(theta);
  }
}

/** Number of points of `grid` in the x–y rectangle above `zMin`. */
function pointsAbove(grid: PointGrid, x0: number, y0: number, x1: number, y1: number, zMin: number): number {
  const range = cellRange(grid, x0, y0, x1, y1);
  if (range === null) return 0;
  const { sorted, cellStart, nx } = grid;
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
