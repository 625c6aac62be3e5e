import type { PointCloud } from '../src/domain/types.ts';

/** Gathers the given points (file indices) with the attribute a colour mode reads, as render arrays. */
export function nearPoints(
  cloud: PointCloud,
  indices: Uint32Array,
  colorMode: string,
): { positions: Float32Array; values: Float32Array | null; colors: Uint8Array | null } {
  const n = indices.length;
  const positions = new Float32Array(n * 3);
  const p = cloud.positions;
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    positions[k * 3] = p[i * 3];
    positions[k * 3 + 1] = p[i * 3 + 1];
    positions[k * 3 + 2] = p[i * 3 + 2];
  }
  const rgb = cloud.attributes.rgb ?? cloud.attributes.rgba;
  let colors: Uint8Array | null = null;
  if (colorMode === 'rgb' && rgb instanceof Uint32Array) {
    colors = new Uint8Array(n * 3);
    for (let k = 0; k < n; k++) {
      const v = rgb[indices[k]];
      colors[k * 3] = (v >>> 16) & 255;
      colors[k * 3 + 1] = (v >>> 8) & 255;
      colors[k * 3 + 2] = v & 255;
    }
  }
  const attr = cloud.attributes[colorMode];
  let values: Float32Array | null = null;
  if (attr && attr.length === cloud.count && !(attr instanceof BigInt64Array || attr instanceof BigUint64Array)) {
    values = new Float32Array(n);
    for (let k = 0; k < n; k++) values[k] = attr[indices[k]] as number;
  }
  return { positions, values, colors };
}
