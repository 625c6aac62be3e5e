import { groundHeightAt, lowGroundAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';

/**
 * Obstacle clusters of one frame: the points that stand above the ground, grouped by connected
 * occupied cells of a fine bird's-eye-view grid. Stats are per cluster, in the LiDAR frame
 * (metres). A cluster is a candidate object; whether it is one is up to the rules.
 */
export interface ObstacleClusters {
  /** Per point: its cluster id, or -1 (ground, too high, or non-finite). */
  labels: Int32Array;
  /** Number of clusters. */
  count: number;
  /** Per cluster: number of points. */
  points: Uint32Array;
  minX: Float32Array;
  maxX: Float32Array;
  minY: Float32Array;
  maxY: Float32Array;
  minZ: Float32Array;
  maxZ: Float32Array;
  /** Per cluster: height of its highest point above the ground under it, metres. */
  maxHeight: Float32Array;
  /** Per cluster: height of its lowest point above the ground under it, metres. */
  minHeight: Float32Array;
  /** Per cluster: largest elevation angle of its points seen from the sensor (`opts.origin`), radians. */
  maxElevation: Float32Array;
  /** Per cluster: sums of x, y, z (centroid = sum / points). */
  sumX: Float64Array;
  sumY: Float64Array;
  sumZ: Float64Array;
  /** Per cluster: BEV extent along its principal axis (length) and across it (width), metres. */
  length: Float32Array;
  width: Float32Array;
  /**
   * The BEV cell grid the clusters were grown on: cell (ix, iy) covers x from
   * `cellOriginX + ix·cellSize`, y from `cellOriginY + iy·cellSize` (metres); `cellLabels[iy·cellNx + ix]`
   * is the cluster occupying it, or -1.
   */
  cellSize: number;
  cellOriginX: number;
  cellOriginY: number;
  cellNx: number;
  cellNy: number;
  cellLabels: Int32Array;
}

export interface ClusterObstaclesOptions {
  /** BEV cell edge in metres (default 0.4); cells that touch (8-neighbourhood) join. */
  cellSize?: number;
  /**
   * Points less than this above the ground are ground (default 0.3 m): above both the blended
   * ground (`groundHeightAt`) and the lowest ground of the four cells around (`lowGroundAt`), so
   * a car's lowest row beside a kerb, where the blend of road and pavement stands 0.1–0.15 m
   * above the road, is not taken for ground.
   */
  minHeight?: number;
  /** Points more than this above the ground (canopies, overhangs) are left out (default 4 m). */
  maxHeight?: number;
  /**
   * Per point, 1 for a return that stands in front of the ground its own beam reaches
   * (`standingOnRings`): such a return counts from `STANDING_MIN` above the ground instead of
   * `minHeight` (a car's lowest row, 0.2–0.3 m up, is all a sparse scanner may give of its body).
   */
  standing?: Uint8Array;
  /** Sensor optical centre the elevations are measured from (default the frame origin), metres. */
  origin?: readonly [number, number, number];
}

const MAX_CELLS = 1 << 22;
/** Height above the ground (metres) from which a return standing in front of its beam's ground is an obstacle point. */
const STANDING_MIN = 0.15;

/**
 * Clusters the above-ground points of `positions` (x y z interleaved, LiDAR frame, metres).
 * Linear in the number of points plus the number of grid cells over their extent.
 */
export function clusterObstacles(positions: Float32Array, ground: GroundModel, opts: ClusterObstaclesOptions = {}): ObstacleClusters {
  const minH = opts.minHeight ?? 0.3;
  const maxH = opts.maxHeight ?? 4;
  const n = Math.floor(positions.length / 3);
  const labels = new Int32Array(n).fill(-1);
  const heightAbove = new Float32Array(n);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let kept = 0;
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) continue;
    const h = z - groundHeightAt(ground, x, y);
    const low = opts.standing !== undefined && opts.standing[i] === 1 ? Math.min(minH, STANDING_MIN) : minH;
    if ((h < low && z - lowGroundAt(ground, x, y) < low) || h > maxH) continue;
    labels[i] = 0; // marks "obstacle point" until cluster ids are known
    heightAbove[i] = h;
    kept++;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (kept === 0) return emptyClusters(labels.fill(-1));

  let cell = opts.cellSize ?? 0.4;
  while ((Math.floor((maxX - minX) / cell) + 1) * (Math.floor((maxY - minY) / cell) + 1) > MAX_CELLS) cell *= 2;
  const inv = 1 / cell;
  const nx = Math.floor((maxX - minX) * inv) + 1;
  const ny = Math.floor((maxY - minY) * inv) + 1;
  // Occupied cells get a slot; union-find over slots.
  const slotOf = new Int32Array(nx * ny).fill(-1);
  const cellOfPoint = new Int32Array(n);
  const parent: number[] = [];
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    if (labels[i] < 0) continue;
    const ix = Math.min(nx - 1, Math.floor((positions[o] - minX) * inv));
    const iy = Math.min(ny - 1, Math.floor((positions[o + 1] - minY) * inv));
    const k = iy * nx + ix;
    cellOfPoint[i] = k;
    if (slotOf[k] < 0) {
      slotOf[k] = parent.length;
      parent.push(parent.length);
    }
  }
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const s = slotOf[iy * nx + ix];
      if (s < 0) continue;
      if (ix > 0 && slotOf[iy * nx + ix - 1] >= 0) union(s, slotOf[iy * nx + ix - 1]);
      if (iy > 0) {
        const row = (iy - 1) * nx;
        if (ix > 0 && slotOf[row + ix - 1] >= 0) union(s, slotOf[row + ix - 1]);
        if (slotOf[row + ix] >= 0) union(s, slotOf[row + ix]);
        if (ix < nx - 1 && slotOf[row + ix + 1] >= 0) union(s, slotOf[row + ix + 1]);
      }
    }
  }
  const idOfRoot = new Int32Array(parent.length).fill(-1);
  let count = 0;
  const idOfSlot = new Int32Array(parent.length);
  for (let s = 0; s < parent.length; s++) {
    const r = find(s);
    if (idOfRoot[r] < 0) idOfRoot[r] = count++;
    idOfSlot[s] = idOfRoot[r];
  }
  const out = allocClusters(labels, count);
  const [ox, oy, oz] = opts.origin ?? [0, 0, 0];
  const cellLabels = new Int32Array(nx * ny).fill(-1);
  for (let k = 0; k < nx * ny; k++) if (slotOf[k] >= 0) cellLabels[k] = idOfSlot[slotOf[k]];
  Object.assign(out, { cellSize: cell, cellOriginX: minX, cellOriginY: minY, cellNx: nx, cellNy: ny, cellLabels });
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    if (labels[i] < 0) continue;
    const c = idOfSlot[slotOf[cellOfPoint[i]]];
    labels[i] = c;
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    out.points[c]++;
    if (x < out.minX[c]) out.minX[c] = x;
    if (x > out.maxX[c]) out.maxX[c] = x;
    if (y < out.minY[c]) out.minY[c] = y;
    if (y > out.maxY[c]) out.maxY[c] = y;
    if (z < out.minZ[c]) out.minZ[c] = z;
    if (z > out.maxZ[c]) out.maxZ[c] = z;
    if (heightAbove[i] > out.maxHeight[c]) out.maxHeight[c] = heightAbove[i];
    if (heightAbove[i] < out.minHeight[c]) out.minHeight[c] = heightAbove[i];
    const elevation = Math.atan2(z - oz, Math.hypot(x - ox, y - oy));
    if (elevation > out.maxElevation[c]) out.maxElevation[c] = elevation;
    out.sumX[c] += x;
    out.sumY[c] += y;
    out.sumZ[c] += z;
  }
  orientedExtents(positions, out);
  return out;
}

/**
 * Fills `length` and `width`: the cluster's BEV extent along the principal axis of its points'
 * x–y covariance and across it (two passes: moments, then projections).
 */
function orientedExtents(positions: Float32Array, out: ObstacleClusters): void {
  const k = out.count;
  const sxx = new Float64Array(k);
  const syy = new Float64Array(k);
  const sxy = new Float64Array(k);
  const { labels } = out;
  const mx = new Float64Array(k);
  const my = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    mx[c] = out.sumX[c] / out.points[c];
    my[c] = out.sumY[c] / out.points[c];
  }
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (c < 0) continue;
    const dx = positions[3 * i] - mx[c];
    const dy = positions[3 * i + 1] - my[c];
    sxx[c] += dx * dx;
    syy[c] += dy * dy;
    sxy[c] += dx * dy;
  }
  const ax = new Float64Array(k);
  const ay = new Float64Array(k);
  const lo = new Float64Array(2 * k).fill(Infinity);
  const hi = new Float64Array(2 * k).fill(-Infinity);
  for (let c = 0; c < k; c++) {
    const theta = 0.5 * Math.atan2(2 * sxy[c], sxx[c] - syy[c]);
    ax[c] = Math.cos(theta);
    ay[c] = Math.sin(theta);
  }
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (c < 0) continue;
    const dx = positions[3 * i] - mx[c];
    const dy = positions[3 * i + 1] - my[c];
    const u = dx * ax[c] + dy * ay[c];
    const v = dy * ax[c] - dx * ay[c];
    if (u < lo[2 * c]) lo[2 * c] = u;
    if (u > hi[2 * c]) hi[2 * c] = u;
    if (v < lo[2 * c + 1]) lo[2 * c + 1] = v;
    if (v > hi[2 * c + 1]) hi[2 * c + 1] = v;
  }
  for (let c = 0; c < k; c++) {
    const a = hi[2 * c] - lo[2 * c];
    const b = hi[2 * c + 1] - lo[2 * c + 1];
    out.length[c] = Math.max(a, b);
    out.width[c] = Math.min(a, b);
  }
}

function allocClusters(labels: Int32Array, count: number): ObstacleClusters {
  return {
    labels,
    count,
    points: new Uint32Array(count),
    minX: new Float32Array(count).fill(Infinity),
    maxX: new Float32Array(count).fill(-Infinity),
    minY: new Float32Array(count).fill(Infinity),
    maxY: new Float32Array(count).fill(-Infinity),
    minZ: new Float32Array(count).fill(Infinity),
    maxZ: new Float32Array(count).fill(-Infinity),
    maxHeight: new Float32Array(count),
    minHeight: new Float32Array(count).fill(Infinity),
    maxElevation: new Float32Array(count).fill(-Infinity),
    sumX: new Float64Array(count),
    sumY: new Float64Array(count),
    sumZ: new Float64Array(count),
    length: new Float32Array(count),
    width: new Float32Array(count),
    cellSize: 0,
    cellOriginX: 0,
    cellOriginY: 0,
    cellNx: 0,
    cellNy: 0,
    cellLabels: new Int32Array(0),
  };
}

function emptyClusters(labels: Int32Array): ObstacleClusters {
  return allocClusters(labels, 0);
}
