import { groundHeightAt } from './estimateGround.ts';
import type { GroundModel } from './estimateGround.ts';
import { fitsInRectangle } from './fitsInRectangle.ts';
import { gatherCandidates, thinCandidates, THIN_ABOVE, THIN_VOXEL } from './seedCandidates.ts';
import { convexHull } from './polygon2d.ts';
import { tallColumns, tallKey, underTall } from './tallColumns.ts';
import { buildPointGrid, cellRange } from './PointGrid.ts';
import type { PointGrid } from './PointGrid.ts';

export interface ClusterAroundSeedOptions {
  /** Grid over the frame's positions (LiDAR frame, sensor at the origin). */
  grid: PointGrid;
  ground: GroundModel;
  /** Bird's-eye-view search radius around the seed (or `center`), metres. */
  radius: number;
  /**
   * Centre of the search disc (LiDAR x, y, metres); default the seed. A click at one end of a
   * long object gathers around the object's middle once a first pass has found it.
   */
  center?: readonly [number, number];
  /**
   * Two points belong to the same piece of surface when, seen from the sensor (`sensorX`, `sensorY`),
   * their offset across the line of sight and along it lies within the ellipse of half-axes
   * `linkLateral` and `linkRadial` (bird's-eye view, metres). Scan lines are dense across the
   * line of sight, so a gap there separates objects; along it, the rows of one object are far
   * apart.
   */
  linkLateral: number;
  linkRadial: number;
  /**
   * Pieces this close (metres) are joined when the joined footprint still fits `maxFootprint`;
   * along the line of sight, 2.5 times farther (a side seen at a grazing angle is hit by
   * columns far apart).
   */
  mergeDistance: number;
  /** Largest footprint of one object, [long side, short side] in metres. */
  maxFootprint: readonly [number, number];
  /**
   * Pieces whose nearest point is farther than this from the seed (metres) start a cluster only
   * as a last resort.
   */
  reach: number;
  /** Points less than this above the local ground are ground (metres). */
  groundClearance: number;
  /** Points more than this above the local ground are ignored (trees, signs), metres. */
  maxHeight: number;
  /**
   * Something taller than the object can be: a piece whose top comes within `gap` metres of
   * `from` metres above the ground (the class's height cap), under returns from `from` to
   * `from + gap` (a wall, a trunk going on up past the cap), never joins the cluster. Default:
   * no such test. `refused` collects the top-view cells (`tallKey`) of the pieces so kept out, and
   * a piece with a point in one of them stays out too: a second pass under a lower cap (after an
   * overhang was cut) no longer sees how high they went.
   */
  taller?: { from: number; gap: number; refused?: Set<number> };
  /** LiDAR-frame x, y of the sensor (the line of sight starts there), metres; default 0, 0. */
  sensorX?: number;
  sensorY?: number;
  /** Points for which this is true are never gathered (inside boxes already drawn: `FitCuboidOptions.exclude`). */
  skip?: ((x: number, y: number, z: number) => boolean) | undefined;
}

/**
 * The object under a click (seed: LiDAR x, y in metres).
 *
 * The non-ground points within `radius` of the seed are split into pieces of surface linked by
 * steps that are short across the line of sight (`linkLateral`) and along it (`linkRadial`).
 * The piece with the most points, discounted by (1 + (its distance to the seed / 0.25 m)²)²,
 * starts the cluster (among pieces within `reach`): what the click is on or next to wins over a
 * bigger structure a metre away. When that piece alone is too big for the object, the links
 * are tightened (twice at most). Neighbouring pieces (see `mergeDistance`), nearest to the
 * seed first, then join while the cluster still fits in a `maxFootprint` rectangle: the scan
 * lines of one car join, the wall or the car next to it does not.
 *
 * Returns the cluster's point indices into the positions `grid` was built over, ascending
 * (empty when there is no non-ground point in range).
 */
export function clusterAroundSeed(seedX: number, seedY: number, opts: ClusterAroundSeedOptions): Uint32Array {
  const all = gatherCandidates(seedX, seedY, opts);
  // Dense surfaces next to the sensor (a wall, a hedge) hold tens of thousands of candidates;
  // the pieces are found on one point per small top-view cell and the others follow their cell.
  const thin = all.count > THIN_ABOVE ? thinCandidates(all, THIN_VOXEL) : null;
  const cand = thin?.cand ?? all;
  const n = cand.count;
  if (n === 0) return new Uint32Array(0);
  const xyz = cand.xyz;
  const md = opts.mergeDistance;
  const mdRadial = MERGE_STRETCH * md;
  const ox = opts.sensorX ?? 0;
  const oy = opts.sensorY ?? 0;
  const rangeOf = new Float64Array(n);
  for (let i = 0; i < n; i++) rangeOf[i] = Math.hypot(xyz[3 * i] - ox, xyz[3 * i + 1] - oy);
  const [maxLong, maxShort] = opts.maxFootprint;
  const fits = (pts: [number, number][]): boolean => fitsInRectangle(convexHull(pts), maxLong, maxShort);

  // Split into pieces; when the piece under the click is already too big for the object (it
  // runs into a wall or a hedge), split again with tighter links.
  let lat = opts.linkLateral;
  let rad = opts.linkRadial;
  let pieces: Pieces;
  let start: number;
  let local: PointGrid;
  for (let attempt = 0; ; attempt++) {
    local = buildPointGrid(xyz, { count: n, cellSize: Math.max(1.5 * Math.min(lat, rad), 0.05) });
    pieces = splitIntoPieces(xyz, n, local, rangeOf, lat, rad, seedX, seedY, ox, oy);
    start = startPiece(pieces, opts.reach);
    if (attempt === MAX_TIGHTENING || fits(piecePoints(pieces, start, xyz))) break;
    lat *= TIGHTEN;
    rad *= TIGHTEN;
  }
  const { piece, order, pieceFrom, pieceD2 } = pieces;
  const pieceCount = pieceD2.length;
  const mergeGrid = buildPointGrid(xyz, { count: n, cellSize: Math.max(md / 2, 0.05) });
  const near = new Float64Array(2);

  // A piece reaching up to the height cap under returns that go on above it is part of something
  // taller than the object: it stays out, however well it fits the footprint.
  const taller = opts.taller;
  const tall =
    taller !== undefined
      ? tallColumns(opts.grid, opts.ground, opts.center?.[0] ?? seedX, opts.center?.[1] ?? seedY, opts.radius, taller.from, taller.gap)
      : null;
  const isTall = (k: number): boolean => {
    if (tall === null || taller === undefined) return false;
    const refused = taller.refused;
    if (refused !== undefined)
      for (let q = pieceFrom[k]; q < pieceFrom[k + 1]; q++) if (refused.has(tallKey(xyz[3 * order[q]], xyz[3 * order[q] + 1]))) return true;
    if (tall.size === 0) return false;
    let top = -Infinity;
    for (let q = pieceFrom[k]; q < pieceFrom[k + 1]; q++) {
      const i = order[q];
      top = Math.max(top, xyz[3 * i + 2] - groundHeightAt(opts.ground, xyz[3 * i], xyz[3 * i + 1]));
    }
    if (top < taller.from - taller.gap) return false;
    let under = false;
    for (let q = pieceFrom[k]; q < pieceFrom[k + 1] && !under; q++) under = underTall(tall, xyz[3 * order[q]], xyz[3 * order[q] + 1]);
    if (under && refused !== undefined) for (let q = pieceFrom[k]; q < pieceFrom[k + 1]; q++) refused.add(tallKey(xyz[3 * order[q]], xyz[3 * order[q] + 1]));
    return under;
  };

  // Grow by whole pieces while the footprint fits.
  const state = new Uint8Array(pieceCount); // 0 untouched, 1 in cluster, 2 queued, 3 rejected
  const members: number[] = [];
  let hull: [number, number][] = [];
  const queued: number[] = [];
  const probed = new Set<number>();
  const add = (k: number): void => {
    state[k] = 1;
    const pts: [number, number][] = hull.slice();
    for (let p = pieceFrom[k]; p < pieceFrom[k + 1]; p++) {
      const i = order[p];
      members.push(i);
      pts.push([xyz[3 * i], xyz[3 * i + 1]]);
      const x = xyz[3 * i];
      const y = xyz[3 * i + 1];
      // Points a few centimetres apart have the same neighbours: look around one per cell.
      const key = Math.floor(x / PROBE_CELL) * 1_000_003 + Math.floor(y / PROBE_CELL);
      if (probed.has(key)) continue;
      probed.add(key);
      const r = rangeOf[i];
      sightBox(x - ox, y - oy, r, mdRadial, md, mdRadial, near);
      forNeighbours(mergeGrid, x, y, mdRadial, near, piece, state, (j) => {
        const other = piece[j];
        const across = Math.abs(x * xyz[3 * j + 1] - y * xyz[3 * j]) / Math.max((r + rangeOf[j]) / 2, 1e-6);
        const along = (r - rangeOf[j]) / MERGE_STRETCH;
        if (across * across + along * along <= md * md) {
          state[other] = 2;
          queued.push(other);
        }
      });
    }
    hull = convexHull(pts);
  };
  add(start);
  while (queued.length > 0) {
    let bi = 0;
    for (let q = 1; q < queued.length; q++) if (pieceD2[queued[q]] < pieceD2[queued[bi]]) bi = q;
    const k = queued[bi];
    queued.splice(bi, 1);
    // The hull of the cluster and the piece is the hull of both hulls.
    if (!isTall(k) && fits(hull.concat(convexHull(piecePoints(pieces, k, xyz))))) add(k);
    else state[k] = 3;
  }
  if (thin !== null) {
    const inCluster = new Uint8Array(cand.count);
    for (const k of members) inCluster[k] = 1;
    const picked: number[] = [];
    for (let i = 0; i < all.count; i++) if (inCluster[thin.groupOf[i]]) picked.push(all.index[i]);
    return Uint32Array.from(picked).sort();
  }
  const out = new Uint32Array(members.length);
  for (let k = 0; k < members.length; k++) out[k] = cand.index[members[k]];
  return out.sort();
}

/** Connected pieces of surface; members of piece k are `order[pieceFrom[k] .. pieceFrom[k + 1])`. */
interface Pieces {
  piece: Int32Array;
  order: Uint32Array;
  pieceFrom: number[];
  /** Squared bird's-eye-view distance from the seed to each piece's nearest point. */
  pieceD2: number[];
}

/** Cell (metres) within which one point stands for the others when looking for neighbour pieces. */
const PROBE_CELL = 0.1;
/** How much farther along the line of sight than across it pieces may be to join. */
const MERGE_STRETCH = 2.5;
/** Times the links shrink when the piece under the click is too big, and how often at most. */
const TIGHTEN = 0.6;
const MAX_TIGHTENING = 2;

function splitIntoPieces(
  xyz: Float32Array,
  n: number,
  local: PointGrid,
  rangeOf: Float64Array,
  lat: number,
  rad: number,
  seedX: number,
  seedY: number,
  ox: number,
  oy: number,
): Pieces {
  const d = Math.max(lat, rad);
  const box = new Float64Array(2);
  const invLat2 = 1 / (lat * lat);
  const invRad2 = 1 / (rad * rad);
  const { cellStart, sorted, indices, nx } = local;
  // Each cell's unassigned points are kept at the front of its slice (`live[c]` of them): a point
  // that joins a piece is swapped behind them, so a search only ever looks at unassigned points
  // (the grid is this call's own; its order is not used afterwards).
  const live = new Int32Array(cellStart.length - 1);
  for (let c = 0; c < live.length; c++) live[c] = cellStart[c + 1] - cellStart[c];
  const slot = new Int32Array(n);
  const cellOfPoint = new Int32Array(n);
  for (let c = 0; c < live.length; c++) {
    for (let p = cellStart[c]; p < cellStart[c + 1]; p++) {
      slot[indices[p]] = p;
      cellOfPoint[indices[p]] = c;
    }
  }
  const take = (j: number, c: number): void => {
    const p = slot[j];
    const last = cellStart[c] + --live[c];
    if (p !== last) {
      const k = indices[last];
      indices[p] = k;
      slot[k] = p;
      sorted[3 * p] = sorted[3 * last];
      sorted[3 * p + 1] = sorted[3 * last + 1];
      sorted[3 * p + 2] = sorted[3 * last + 2];
      indices[last] = j;
      slot[j] = last;
    }
  };
  const piece = new Int32Array(n).fill(-1);
  const order = new Uint32Array(n);
  const pieceFrom: number[] = [];
  const pieceD2: number[] = [];
  let tail = 0;
  for (let s0 = 0; s0 < n; s0++) {
    if (piece[s0] !== -1) continue;
    const id = pieceFrom.length;
    pieceFrom.push(tail);
    let head = tail;
    order[tail++] = s0;
    piece[s0] = id;
    take(s0, cellOfPoint[s0]);
    let minD2 = Infinity;
    while (head < tail) {
      const i = order[head++];
      const x = xyz[3 * i];
      const y = xyz[3 * i + 1];
      const d2 = (x - seedX) * (x - seedX) + (y - seedY) * (y - seedY);
      if (d2 < minD2) minD2 = d2;
      const r = rangeOf[i];
      sightBox(x - ox, y - oy, r, rad, lat, d, box);
      const nr = cellRange(local, x - box[0], y - box[1], x + box[0], y + box[1]);
      if (nr === null) continue;
      for (let iy = nr[1]; iy <= nr[3]; iy++) {
        for (let c = iy * nx + nr[0]; c <= iy * nx + nr[2]; c++) {
          for (let p = cellStart[c]; p < cellStart[c] + live[c]; p++) {
            const j = indices[p];
            const xj = sorted[3 * p];
            const yj = sorted[3 * p + 1];
            const rj = rangeOf[j];
            // Across the line of sight: the cross product over the mean range.
            const across = Math.abs((x - ox) * (yj - oy) - (y - oy) * (xj - ox)) / Math.max((r + rj) / 2, 1e-6);
            const along = r - rj;
            if (across * across * invLat2 + along * along * invRad2 <= 1) {
              piece[j] = id;
              order[tail++] = j;
              take(j, c);
              p--; // the slot now holds the next unassigned point
            }
          }
        }
      }
    }
    pieceD2.push(minD2);
  }
  pieceFrom.push(tail);
  return { piece, order, pieceFrom, pieceD2 };
}

/** The piece with the most points discounted by (1 + (distance / 0.25 m)²)², preferring those within `reach`. */
function startPiece(p: Pieces, reach: number): number {
  let start = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < p.pieceD2.length; k++) {
    const size = p.pieceFrom[k + 1] - p.pieceFrom[k];
    const falloff = 1 + 16 * p.pieceD2[k];
    // A lone point (a stray return) weighs a tenth of a piece of surface.
    const score = (p.pieceD2[k] <= reach * reach ? 0 : -1e9) + (size - 0.9) / (falloff * falloff);
    if (score > bestScore) {
      bestScore = score;
      start = k;
    }
  }
  return start;
}

function piecePoints(p: Pieces, k: number, xyz: Float32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let q = p.pieceFrom[k]; q < p.pieceFrom[k + 1]; q++) out.push([xyz[3 * p.order[q]], xyz[3 * p.order[q] + 1]]);
  return out;
}

/**
 * Calls `cb(j)` for every local point within `r` (bird's-eye view) of (x, y), itself included,
 * whose piece is still untouched (`state[piece[j]] === 0`), looking only in the cells of `box`
 * (half-extents in x and y, see `sightBox`).
 */
function forNeighbours(
  local: PointGrid,
  x: number,
  y: number,
  r: number,
  box: Float64Array,
  piece: Int32Array,
  state: Uint8Array,
  cb: (j: number) => void,
): void {
  const nr = cellRange(local, x - box[0], y - box[1], x + box[0], y + box[1]);
  if (nr === null) return;
  const { cellStart, sorted, indices, nx } = local;
  for (let iy = nr[1]; iy <= nr[3]; iy++) {
    const end = cellStart[iy * nx + nr[2] + 1];
    for (let p = cellStart[iy * nx + nr[0]]; p < end; p++) {
      const j = indices[p];
      if (state[piece[j]] !== 0) continue;
      const dx = sorted[3 * p] - x;
      const dy = sorted[3 * p + 1] - y;
      if (dx * dx + dy * dy <= r * r) cb(j);
    }
  }
}

/**
 * Half-extents in x and y (metres, into `out`) of a top-view box that holds every point within
 * `radial` of a point along the line of sight and `lateral` across it: (dx, dy) from the sensor
 * to the point, `r` its range, `cap` the most either may be. Across the line of sight the test
 * compares the cross product over the mean range, which lets a point up to `lateral` ×
 * (1 + radial / r) aside pass; along it, the range difference, which lets the offset along the
 * ray run up to `radial` plus what the turn adds (below `lateral`). Near the sensor (r ≤ cap)
 * the square of half-side `cap` is used.
 */
function sightBox(dx: number, dy: number, r: number, radial: number, lateral: number, cap: number, out: Float64Array): void {
  if (r <= cap) {
    out[0] = cap;
    out[1] = cap;
    return;
  }
  const cos = Math.abs(dx / r);
  const sin = Math.abs(dy / r);
  const along = radial + lateral + 0.01;
  const across = lateral * (1 + radial / r) + 0.01;
  out[0] = Math.min(cap, along * cos + across * sin);
  out[1] = Math.min(cap, along * sin + across * cos);
}
