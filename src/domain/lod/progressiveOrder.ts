/**
 * A level-of-detail order for a big cloud: importance-sampled, progressive. Every point gets a
 * rank, its place among the points of its voxel (a cube of `cellSize` metres) in a scrambled
 * visiting order; the order lists all rank-0 points, then all rank-1 points, and so on. Any prefix
 * of the order is then a spatially even sample: the first points hold one point of every occupied
 * voxel, and a prefix cut by a point budget thins dense places (near the sensor, where sweeps
 * overlap) while sparse far objects keep every return. A viewer uploads and draws the order
 * coarse-first and stops at its budget.
 *
 * Cost: two linear passes over the points plus a counting sort; one open-addressed hash table of
 * the occupied voxels (typed arrays, no per-point allocation).
 */

export interface ProgressiveOrderOptions {
  /** Voxel edge in metres (default 0.4). Smaller: finer first levels, more voxels. */
  cellSize?: number;
  /** Points to use from the start of `positions` (default all). */
  count?: number;
}

export interface ProgressiveOrder {
  /** Indices of the finite points, coarse first (length `finite`). */
  order: Uint32Array;
  /** `levelStart[r]` = where the rank-r points begin in `order`; last entry = `order.length`. */
  levelStart: Uint32Array;
}

/** Ranks above this share one level (a voxel with more points than this is thinned evenly anyway). */
const MAX_RANK = 4095;

/**
 * The progressive order of `positions` (x y z interleaved, any metric frame). NaN and infinite
 * points are left out. Deterministic: the same input gives the same order.
 * @throws Error `progressiveOrder: ...` for a non-positive cell size or a count beyond the buffer.
 */
export function progressiveOrder(positions: Float32Array, opts: ProgressiveOrderOptions = {}): ProgressiveOrder {
  const cell = opts.cellSize ?? 0.4;
  if (!(cell > 0 && Number.isFinite(cell))) throw new Error(`progressiveOrder: cellSize must be a positive number, got ${cell}`);
  const n = opts.count ?? Math.floor(positions.length / 3);
  if (!Number.isInteger(n) || n < 0 || n * 3 > positions.length)
    throw new Error(`progressiveOrder: count ${n} does not fit positions of length ${positions.length}`);
  const inv = 1 / cell;
  const stride = scrambleStride(n);
  const rank = new Uint16Array(n);
  const visit = new Uint32Array(n);
  const table = new VoxelTable(Math.max(1024, n >> 3));
  const histogram = new Uint32Array(MAX_RANK + 2);
  let finite = 0;
  // Visit the points in a scrambled order (k·stride mod n), so that within a level a budget cut
  // is not biased to the first sweeps or the first scan lines.
  for (let k = 0, i = 0; k < n; k++, i += stride, i >= n && (i -= n)) {
    const o = i * 3;
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) continue;
    const r = Math.min(MAX_RANK, table.bump(Math.floor(x * inv), Math.floor(y * inv), Math.floor(z * inv)));
    rank[finite] = r;
    visit[finite] = i;
    histogram[r + 1]++;
    finite++;
  }
  const levels = topRank(histogram) + 1;
  const levelStart = new Uint32Array(levels + 1);
  for (let r = 0; r < levels; r++) levelStart[r + 1] = levelStart[r] + histogram[r + 1];
  const next = levelStart.slice(0, levels);
  const order = new Uint32Array(finite);
  for (let k = 0; k < finite; k++) order[next[rank[k]]++] = visit[k];
  return { order, levelStart };
}

function topRank(histogram: Uint32Array): number {
  for (let r = histogram.length - 2; r >= 0; r--) if (histogram[r + 1] > 0) return r;
  return -1;
}

/** A stride near n·0.618 that is coprime to n, so k·stride mod n visits every index once. */
function scrambleStride(n: number): number {
  if (n < 3) return 1;
  let s = Math.max(1, Math.floor(n * 0.6180339887));
  while (gcd(s, n) !== 1) s++;
  return s;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * A well-mixed 32-bit hash of a voxel: the products alone keep neighbouring voxels' low bits
 * correlated, which made linear probing crawl (18 s for 6M points); the murmur3 finaliser spreads them.
 */
function voxelHash(ix: number, iy: number, iz: number): number {
  let h = Math.imul(ix, 73856093) ^ Math.imul(iy, 19349663) ^ Math.imul(iz, 83492791);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Open-addressed counts per voxel (ix, iy, iz), grown when half full. */
class VoxelTable {
  private kx: Int32Array;
  private ky: Int32Array;
  private kz: Int32Array;
  private counts: Uint32Array;
  private mask: number;
  private used = 0;

  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 2) size <<= 1;
    this.mask = size - 1;
    this.kx = new Int32Array(size);
    this.ky = new Int32Array(size);
    this.kz = new Int32Array(size);
    this.counts = new Uint32Array(size);
  }

  /** Returns the voxel's count before this point, and counts the point. */
  bump(ix: number, iy: number, iz: number): number {
    let h = voxelHash(ix, iy, iz) & this.mask;
    for (;;) {
      const c = this.counts[h];
      if (c === 0) {
        this.kx[h] = ix;
        this.ky[h] = iy;
        this.kz[h] = iz;
        this.counts[h] = 1;
        if (++this.used * 2 > this.mask) this.grow();
        return 0;
      }
      if (this.kx[h] === ix && this.ky[h] === iy && this.kz[h] === iz) {
        this.counts[h] = c + 1;
        return c;
      }
      h = (h + 1) & this.mask;
    }
  }

  private grow(): void {
    const { kx, ky, kz, counts } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.kx = new Int32Array(size);
    this.ky = new Int32Array(size);
    this.kz = new Int32Array(size);
    this.counts = new Uint32Array(size);
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) continue;
      let h = voxelHash(kx[i], ky[i], kz[i]) & this.mask;
      while (this.counts[h] !== 0) h = (h + 1) & this.mask;
      this.kx[h] = kx[i];
      this.ky[h] = ky[i];
      this.kz[h] = kz[i];
      this.counts[h] = counts[i];
    }
  }
}
