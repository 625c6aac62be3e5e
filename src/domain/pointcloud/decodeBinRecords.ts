import type { PointCloud } from '../types.ts';
import type { BinAttribute, BinLayout } from './binLayouts.ts';

/**
 * The attributes of a raw `.bin` cloud: `intensity` and `time` as float32 (as stored), `ring`
 * (laser index) as uint16. Which ones exist depends on the layout.
 */
export type BinAttributes = {
  intensity?: Float32Array;
  ring?: Uint16Array;
  time?: Float32Array;
};

/** A cloud read from a raw `.bin` file (positions: LiDAR frame, metres). */
export type BinCloud = PointCloud & { attributes: BinAttributes };

/** A fresh array for one attribute column of `count` points. */
function attributeArray(name: BinAttribute, count: number): Float32Array | Uint16Array {
  return name === 'ring' ? new Uint16Array(count) : new Float32Array(count);
}

/**
 * Splits `count` interleaved records of `layout` (host-order float32 in `src`, starting at
 * element 0) into positions (x y z interleaved, metres) and one array per attribute. Column by
 * column, so every loop is monomorphic; no DataView. A ring value is stored as a uint16 (a
 * fractional or negative value, which a real ring never is, is truncated and wrapped).
 */
export function decodeBinRecords(src: Float32Array, count: number, layout: BinLayout): { positions: Float32Array; attributes: BinAttributes } {
  if (layout.name === 'xyzir') return decodeXyzir(src, count);
  const stride = layout.floats;
  const positions = new Float32Array(count * 3);
  for (let i = 0, s = 0, d = 0; i < count; i++, s += stride, d += 3) {
    positions[d] = src[s];
    positions[d + 1] = src[s + 1];
    positions[d + 2] = src[s + 2];
  }
  const attributes: BinAttributes = {};
  layout.attributes.forEach((name, k) => {
    const out = attributeArray(name, count);
    for (let i = 0, s = 3 + k; i < count; i++, s += stride) out[i] = src[s];
    (attributes as Record<BinAttribute, Float32Array | Uint16Array>)[name] = out;
  });
  return { positions, attributes };
}

/** nuScenes `x y z intensity ring` in one pass (the common non-KITTI layout). */
function decodeXyzir(src: Float32Array, count: number): { positions: Float32Array; attributes: BinAttributes } {
  const positions = new Float32Array(count * 3);
  const intensity = new Float32Array(count);
  const ring = new Uint16Array(count);
  for (let i = 0, s = 0, d = 0; i < count; i++, s += 5, d += 3) {
    positions[d] = src[s];
    positions[d + 1] = src[s + 1];
    positions[d + 2] = src[s + 2];
    intensity[i] = src[s + 3];
    ring[i] = src[s + 4];
  }
  return { positions, attributes: { intensity, ring } };
}

/**
 * Host-order float32 values of little-endian bytes (length a multiple of 4): a view when the host
 * is little-endian and the bytes are 4-byte aligned, else one copy (per value through a DataView
 * only on a big-endian host).
 */
export function littleEndianFloats(view: Uint8Array): Float32Array {
  const n = view.byteLength >> 2;
  if (HOST_IS_LITTLE_ENDIAN) {
    const aligned = view.byteOffset % 4 === 0 ? view : view.slice();
    return new Float32Array(aligned.buffer, aligned.byteOffset, n);
  }
  const dv = new DataView(view.buffer, view.byteOffset, n * 4);
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) out[k] = dv.getFloat32(k * 4, true);
  return out;
}

export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
