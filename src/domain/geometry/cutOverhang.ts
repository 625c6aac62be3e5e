/**
 * Drops what hangs over an object: of points with heights `h` above the local ground (metres),
 * keeps those below the first vertical gap wider than `minGap` that opens above `from` metres
 * (a car's roof, then nothing, then a tree's crown or a bus-stop roof). Gaps below `from` are part
 * of the object (windows that return nothing). Returns a keep mask (1 = keep).
 */
export function cutOverhang(h: Float64Array, from: number, minGap: number): Uint8Array {
  const n = h.length;
  const keep = new Uint8Array(n).fill(1);
  if (n < 2) return keep;
  const sorted = Float64Array.from(h).sort();
  let cut = Infinity;
  for (let i = 1; i < n; i++) {
    if (sorted[i - 1] >= from && sorted[i] - sorted[i - 1] > minGap) {
      cut = sorted[i - 1];
      break;
    }
  }
  if (cut === Infinity) return keep;
  for (let i = 0; i < n; i++) if (h[i] > cut) keep[i] = 0;
  return keep;
}
