/** Above a gap wider than this (metres), what is higher is never part of the object below. */
const ALWAYS_CUT_GAP = 1.2;
/** How far (metres) the part above a gap must reach past the part below to be an overhang. */
const OVERHANG_REACH = 0.3;

/**
 * Drops what hangs over an object. Points: heights `h` above the local ground and x, y (metres).
 * The first vertical gap wider than `minGap` that opens above `from` metres separates the object
 * from what is above it (a tree's crown, a bus-stop roof, a sign) when what is above reaches
 * beyond the object's footprint by more than 0.3 m, or when the gap is wider than 1.2 m; a roof
 * above windows that returned nothing stays. Without `roofs` (a person: nothing of one hangs over
 * a gap), every such gap cuts: a return or two of a crown's edge over a pedestrian's head is not
 * its top. Gaps below `from` are always part of the object.
 * Returns a keep mask (1 = keep).
 */
export function cutOverhang(h: Float64Array, xs: Float64Array, ys: Float64Array, from: number, minGap: number, roofs = true): Uint8Array {
  const n = h.length;
  const keep = new Uint8Array(n).fill(1);
  if (n < 2) return keep;
  const sorted = Float64Array.from(h).sort();
  for (let i = 1; i < n; i++) {
    if (sorted[i - 1] < from || sorted[i] - sorted[i - 1] <= minGap) continue;
    const cut = sorted[i - 1];
    if (!roofs || sorted[i] - cut > ALWAYS_CUT_GAP || reachesBeyond(h, xs, ys, cut)) {
      for (let k = 0; k < n; k++) if (h[k] > cut) keep[k] = 0;
      return keep;
    }
  }
  return keep;
}

/** Whether the points above `cut` reach more than `OVERHANG_REACH` past the bounds of those below. */
function reachesBeyond(h: Float64Array, xs: Float64Array, ys: Float64Array, cut: number): boolean {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let k = 0; k < h.length; k++) {
    if (h[k] > cut) continue;
    x0 = Math.min(x0, xs[k]);
    x1 = Math.max(x1, xs[k]);
    y0 = Math.min(y0, ys[k]);
    y1 = Math.max(y1, ys[k]);
  }
  for (let k = 0; k < h.length; k++) {
    if (h[k] <= cut) continue;
    if (xs[k] < x0 - OVERHANG_REACH || xs[k] > x1 + OVERHANG_REACH) return true;
    if (ys[k] < y0 - OVERHANG_REACH || ys[k] > y1 + OVERHANG_REACH) return true;
  }
  return false;
}
