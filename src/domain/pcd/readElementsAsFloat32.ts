import type { PcdFieldType } from './PcdHeader.ts';

/**
 * Converts `count` little-endian elements of any PCD type to float32, for x/y/z fields that are
 * not F4 (F8, integers, bool). Reads `src` every `srcStride` bytes from `srcStart`; writes
 * `dst[dstStart + i * dstStride]`. 64-bit integers lose precision beyond 2^24, as any float32 does.
 */
export function readElementsAsFloat32(
  src: Uint8Array,
  srcStart: number,
  srcStride: number,
  type: PcdFieldType,
  size: number,
  dst: Float32Array,
  dstStart: number,
  dstStride: number,
  count: number,
): void {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  let s = srcStart;
  let d = dstStart;
  const code = `${type}${size}`;
  switch (code) {
    case 'F4':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = view.getFloat32(s, true);
      return;
    case 'F8':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = view.getFloat64(s, true);
      return;
    case 'I1':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = view.getInt8(s);
      return;
    case 'I2':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = view.getInt16(s, true);
      return;
    case 'I4':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = view.getInt32(s, true);
      return;
    case 'I8':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = Number(view.getBigInt64(s, true));
      return;
    case 'U2':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = view.getUint16(s, true);
      return;
    case 'U4':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = view.getUint32(s, true);
      return;
    case 'U8':
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = Number(view.getBigUint64(s, true));
      return;
    default: // U1 and B
      for (let i = 0; i < count; i++, s += srcStride, d += dstStride) dst[d] = view.getUint8(s);
  }
}
