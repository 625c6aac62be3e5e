export interface SearchShiftOptions {
  /** Largest shift tried in x and in y, metres. */
  window: number;
  /** Step between tried shifts (and raster cell), metres. Default 0.1. */
  step?: number;
  /** A point scores 1 on a target point, falling to 0 at this distance, metres. Default 0.25. */
  reach?: number;
  /**
   * Score taken off per square metre of shift, per source point (default 0.02): among shifts that
   * fit equally well (along a flat side) the smallest wins.
   */
  shiftCost?: number;
}

export interface ShiftSearchResult {
  dx: number;
  dy: number;
  /** Sum over the source points of their closeness to a target point (0..1 each), before the shift cost. */
  score: number;
}

/**
 * The bird's-eye-view shift that lays a set of points best onto another, by trying every shift
 * on a grid (`step`) within ±`window` metres: the target points are rasterised once into a
 * closeness map (1 on a point, falling linearly to 0 at `reach`), and each shift scores the sum
 * of the map under the shifted source points, less `shiftCost` × shift² per point.
 *
 * Unlike an iterative alignment this cannot stop in a local optimum, and along a flat side
 * (where every shift scores alike) it keeps the smallest shift, i.e. trusts the start there.
 * `source` and `target`: x y z interleaved (z is ignored), the same frame, metres. Returns a
 * zero shift with score 0 when either is empty.
 */
export function searchShift(source: Float64Array, target: Float64Array, opts: SearchShiftOptions): ShiftSearchResult {
  const step = opts.step ?? 0.1;
  const reach = opts.reach ?? 0.25;
  const shiftCost = opts.shiftCost ?? 0.02;
  const ns = Math.floor(source.length / 3);
  const nt = Math.floor(target.length / 3);
  if (ns === 0 || nt === 0) return { dx: 0, dy: 0, score: 0 };
  const shifts = Math.ceil(opts.window / step);
  const kernel = Math.ceil(reach / step);

  // Raster over the source's bounds grown by the window and the kernel.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < ns; i++) {
    minX = Math.min(minX, source[3 * i]);
    maxX = Math.max(maxX, source[3 * i]);
    minY = Math.min(minY, source[3 * i + 1]);
    maxY = Math.max(maxY, source[3 * i + 1]);
  }
  const pad = (shifts + kernel + 1) * step;
  const ox = minX - pad;
  const oy = minY - pad;
  const nx = Math.ceil((maxX - minX + 2 * pad) / step) + 1;
  const ny = Math.ceil((maxY - minY + 2 * pad) / step) + 1;
  const map = new Float32Array(nx * ny);
  for (let j = 0; j < nt; j++) {
    const fx = (target[3 * j] - ox) / step;
    const fy = (target[3 * j + 1] - oy) / step;
    const cx = Math.round(fx);
    const cy = Math.round(fy);
    if (!(cx >= -kernel && cy >= -kernel && cx < nx + kernel && cy < ny + kernel)) continue;
    for (let gy = Math.max(0, cy - kernel); gy <= Math.min(ny - 1, cy + kernel); gy++) {
      for (let gx = Math.max(0, cx - kernel); gx <= Math.min(nx - 1, cx + kernel); gx++) {
        const v = 1 - (Math.hypot(gx - fx, gy - fy) * step) / reach;
        const k = gy * nx + gx;
        if (v > map[k]) map[k] = v;
      }
    }
  }

  // Each source point's cell; a shift by (i, j) steps moves every cell index by j·nx + i.
  const cells = new Int32Array(ns);
  for (let i = 0; i < ns; i++) {
    cells[i] = Math.round((source[3 * i + 1] - oy) / step) * nx + Math.round((source[3 * i] - ox) / step);
  }
  let best = { dx: 0, dy: 0, score: 0 };
  let bestValue = -Infinity;
  for (let j = -shifts; j <= shifts; j++) {
    for (let i = -shifts; i <= shifts; i++) {
      const offset = j * nx + i;
      let score = 0;
      for (let p = 0; p < ns; p++) score += map[cells[p] + offset];
      const dx = i * step;
      const dy = j * step;
      const value = score - shiftCost * ns * (dx * dx + dy * dy);
      if (value > bestValue) {
        bestValue = value;
        best = { dx, dy, score };
      }
    }
  }
  return best;
}
