import type { PointCloud } from '../types.ts';

/** Points sampled for the bounds: enough for stable 1% / 99% quantiles, cheap on 5M points. */
const SAMPLE = 20_000;

/** Where most of a cloud lies: per axis, the 1st and 99th percentile of the finite points. */
export interface CloudBounds {
  min: [number, number, number];
  max: [number, number, number];
}

/**
 * The extent of a cloud without its stray points (1%–99% per axis, from an even sample), for
 * framing it in a view. Null when the cloud has no finite point.
 */
export function robustBounds(cloud: Pick<PointCloud, 'count' | 'positions'>, lowQ = 0.01, highQ = 0.99): CloudBounds | null {
  const n = cloud.count;
  const p = cloud.positions;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  const axes: number[][] = [[], [], []];
  for (let i = 0; i < n; i += step) {
    const x = p[i * 3];
    const y = p[i * 3 + 1];
    const z = p[i * 3 + 2];
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z))) continue;
    axes[0].push(x);
    axes[1].push(y);
    axes[2].push(z);
  }
  if (axes[0].length === 0) return null;
  const min: [number, number, number] = [0, 0, 0];
  const max: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const v = Float64Array.from(axes[k]).sort();
    const at = (q: number) => v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))];
    min[k] = at(lowQ);
    max[k] = at(highQ);
  }
  return { min, max };
}
