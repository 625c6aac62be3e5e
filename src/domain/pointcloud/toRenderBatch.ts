import type { AttributeArray } from '../types.ts';

/** Points ready for the GPU: finite points only, every 1-component attribute as float32. */
export interface RenderBatch {
  /** Index of the first point of this batch in the render buffer (finite points only). */
  renderStart: number;
  count: number;
  positions: Float32Array;
  scalars: Record<string, Float32Array>;
  /** Packed 0xAARRGGBB colours from an `rgb`/`rgba` field, unpacked to 0..255 RGB triples. */
  colors: Uint8Array | null;
}

/**
 * Drops non-finite points of a parsed batch and converts its attributes for rendering.
 * Input positions are LiDAR-frame xyz (length count*3); attributes with more than one element per point
 * are skipped (not colourable). `renderStart` is where the batch goes in the compacted buffer.
 */
export function toRenderBatch(positions: Float32Array, attributes: Record<string, AttributeArray>, count: number, renderStart: number): RenderBatch {
  let finite = 0;
  const keep = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const x = positions[i * 3];
    const y = positions[i * 3 + 1];
    const z = positions[i * 3 + 2];
    if (x - x === 0 && y - y === 0 && z - z === 0) {
      keep[i] = 1;
      finite++;
    }
  }
  const all = finite === count;
  const out = all ? positions.slice(0, count * 3) : new Float32Array(finite * 3);
  if (!all) {
    for (let i = 0, j = 0; i < count; i++) {
      if (keep[i]) {
        out[j * 3] = positions[i * 3];
        out[j * 3 + 1] = positions[i * 3 + 1];
        out[j * 3 + 2] = positions[i * 3 + 2];
        j++;
      }
    }
  }
  const scalars: Record<string, Float32Array> = {};
  let colors: Uint8Array | null = null;
  for (const [name, values] of Object.entries(attributes)) {
    if (values.length !== count) continue;
    if ((name === 'rgb' || name === 'rgba') && values instanceof Uint32Array) {
      colors = new Uint8Array(finite * 3);
      for (let i = 0, j = 0; i < count; i++) {
        if (!keep[i]) continue;
        const v = values[i];
        colors[j * 3] = (v >>> 16) & 255;
        colors[j * 3 + 1] = (v >>> 8) & 255;
        colors[j * 3 + 2] = v & 255;
        j++;
      }
      continue;
    }
    const f = new Float32Array(finite);
    const isBig = values instanceof BigInt64Array || values instanceof BigUint64Array;
    for (let i = 0, j = 0; i < count; i++) {
      if (!keep[i]) continue;
      f[j++] = isBig ? Number(values[i]) : (values[i] as number);
    }
    scalars[name] = f;
  }
  return { renderStart, count: finite, positions: out, scalars, colors };
}
