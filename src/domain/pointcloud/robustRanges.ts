import type { PointCloud } from '../types.ts';

const SAMPLE = 20000;

/**
 * Colour-legend ranges that ignore outliers: the 1st and 99th percentile of height (z), horizontal
 * distance, and every one-element numeric attribute, from an even sample of the finite points.
 * The distance ramp starts at 0. For the hints of the height slice and the range crop ("it hides
 * every point"), `heightSpan` and `reach` are the whole extent of height and distance over every
 * finite point, not percentiles (a crop past the 99th percentile still shows the farthest car).
 */
export function robustRanges(cloud: PointCloud, lowQ = 0.01, highQ = 0.99): Record<string, [number, number]> {
  const n = cloud.count;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  const picks: number[] = [];
  const p = cloud.positions;
  for (let i = 0; i < n; i += step) {
    const x = p[i * 3];
    const y = p[i * 3 + 1];
    const z = p[i * 3 + 2];
    if (Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z)) picks.push(i);
  }
  const ranges: Record<string, [number, number]> = {};
  const quantiles = (values: Float64Array): [number, number] | null => {
    const finite = values.filter((v) => Number.isFinite(v)).sort();
    if (finite.length === 0) return null;
    const at = (q: number) => finite[Math.min(finite.length - 1, Math.max(0, Math.round(q * (finite.length - 1))))];
    return [at(lowQ), at(highQ)];
  };
  const collect = (read: (i: number) => number): Float64Array => {
    const out = new Float64Array(picks.length);
    for (let k = 0; k < picks.length; k++) out[k] = read(picks[k]);
    return out;
  };
  const height = quantiles(collect((i) => p[i * 3 + 2]));
  if (height) ranges.height = height;
  const distance = quantiles(collect((i) => Math.hypot(p[i * 3], p[i * 3 + 1])));
  if (distance) ranges.distance = [0, distance[1]];
  Object.assign(ranges, wholeExtent(cloud));
  for (const [name, values] of Object.entries(cloud.attributes)) {
    if (values.length !== n || values instanceof BigInt64Array || values instanceof BigUint64Array) continue;
    if (name === 'rgb' || name === 'rgba') continue;
    const r = quantiles(collect((i) => values[i] as number));
    if (r) ranges[name] = r[0] === r[1] ? [r[0], r[0] + 1] : r;
  }
  return ranges;
}

/** Lowest and highest z, and nearest and farthest horizontal distance, over every finite point. */
function wholeExtent(cloud: PointCloud): { heightSpan?: [number, number]; reach?: [number, number] } {
  const p = cloud.positions;
  let zLo = Infinity;
  let zHi = -Infinity;
  let dLo = Infinity;
  let dHi = -Infinity;
  for (let i = 0; i < cloud.count; i++) {
    const x = p[i * 3];
    const y = p[i * 3 + 1];
    const z = p[i * 3 + 2];
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) continue;
    if (z < zLo) zLo = z;
    if (z > zHi) zHi = z;
    const d = x * x + y * y;
    if (d < dLo) dLo = d;
    if (d > dHi) dHi = d;
  }
  return zLo <= zHi ? { heightSpan: [zLo, zHi], reach: [Math.sqrt(dLo), Math.sqrt(dHi)] } : {};
}
