import type { AttributeArray } from '../types.ts';
import type { PlyScalarType } from './PlyHeader.ts';

/** A typed array for `count` values of a PLY scalar type. */
export function allocatePlyArray(type: PlyScalarType, count: number): AttributeArray {
  switch (type) {
    case 'char':
      return new Int8Array(count);
    case 'uchar':
      return new Uint8Array(count);
    case 'short':
      return new Int16Array(count);
    case 'ushort':
      return new Uint16Array(count);
    case 'int':
      return new Int32Array(count);
    case 'uint':
      return new Uint32Array(count);
    case 'float':
      return new Float32Array(count);
    case 'double':
      return new Float64Array(count);
  }
}

/** Reads one scalar of `type` at byte `at` (for list counts and the slow per-record path). */
export function readPlyScalar(dv: DataView, at: number, type: PlyScalarType, le: boolean): number {
  switch (type) {
    case 'char':
      return dv.getInt8(at);
    case 'uchar':
      return dv.getUint8(at);
    case 'short':
      return dv.getInt16(at, le);
    case 'ushort':
      return dv.getUint16(at, le);
    case 'int':
      return dv.getInt32(at, le);
    case 'uint':
      return dv.getUint32(at, le);
    case 'float':
      return dv.getFloat32(at, le);
    case 'double':
      return dv.getFloat64(at, le);
  }
}

/**
 * Copies one fixed-offset column of `count` records (`stride` bytes apart, first at `base`) into
 * `out[outStart + i * outStride]`, converting to `out`'s type. The hot path of binary PLY: one
 * tight DataView loop per column with the type switch outside it.
 */
export function readPlyColumn(
  dv: DataView,
  base: number,
  stride: number,
  count: number,
  type: PlyScalarType,
  le: boolean,
  out: { [i: number]: number },
  outStart: number,
  outStride: number,
): void {
  let o = outStart;
  let at = base;
  switch (type) {
    case 'float':
      for (let i = 0; i < count; i++, at += stride, o += outStride) out[o] = dv.getFloat32(at, le);
      return;
    case 'double':
      for (let i = 0; i < count; i++, at += stride, o += outStride) out[o] = dv.getFloat64(at, le);
      return;
    case 'uchar':
      for (let i = 0; i < count; i++, at += stride, o += outStride) out[o] = dv.getUint8(at);
      return;
    case 'char':
      for (let i = 0; i < count; i++, at += stride, o += outStride) out[o] = dv.getInt8(at);
      return;
    case 'short':
      for (let i = 0; i < count; i++, at += stride, o += outStride) out[o] = dv.getInt16(at, le);
      return;
    case 'ushort':
      for (let i = 0; i < count; i++, at += stride, o += outStride) out[o] = dv.getUint16(at, le);
      return;
    case 'int':
      for (let i = 0; i < count; i++, at += stride, o += outStride) out[o] = dv.getInt32(at, le);
      return;
    case 'uint':
      for (let i = 0; i < count; i++, at += stride, o += outStride) out[o] = dv.getUint32(at, le);
      return;
  }
}
