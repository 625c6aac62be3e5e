import type { AttributeArray } from '../types.ts';
import { PointFileError } from '../pointcloud/PointFileError.ts';
import { LAS_GPS_TIME_AT, LAS_NIR_AT, LAS_RGB_AT, type LasExtraField, type LasHeader } from './LasHeader.ts';

/** The arrays a LAS cloud is decoded into (see `LasCloud` for units). */
export interface LasColumns {
  positions: Float32Array;
  attributes: Record<string, AttributeArray>;
  /** 16-bit colour channels before packing into `rgb` (null without colour). */
  colour: Uint16Array | null;
}

/**
 * Allocates the arrays for `count` points of the header's point format.
 * @throws PointFileError `too-large` when they cannot be allocated
 */
export function createLasColumns(header: LasHeader, count: number, fn: string, fileName?: string): LasColumns {
  const f = header.pointFormat;
  try {
    const attributes: Record<string, AttributeArray> = {
      intensity: new Uint16Array(count),
      return_number: new Uint8Array(count),
      number_of_returns: new Uint8Array(count),
      classification: new Uint8Array(count),
      scan_angle: new Float32Array(count),
      user_data: new Uint8Array(count),
      point_source_id: new Uint16Array(count),
    };
    if (LAS_GPS_TIME_AT[f] >= 0) attributes.gps_time = new Float64Array(count);
    if (LAS_NIR_AT[f] >= 0) attributes.nir = new Uint16Array(count);
    for (const e of header.extraFields) attributes[e.name] = allocateExtra(e, count);
    const colour = LAS_RGB_AT[f] >= 0 ? new Uint16Array(count * 3) : null;
    return { positions: new Float32Array(count * 3), attributes, colour };
  } catch (e) {
    if (e instanceof RangeError)
      throw new PointFileError(fn, 'too-large', `cannot allocate arrays for ${count} points (${e.message})`, { fileName, field: 'number of point records' });
    throw e;
  }
}

function allocateExtra(e: LasExtraField, count: number): AttributeArray {
  if (e.scale !== null || e.offsetValue !== null) return new Float64Array(count);
  switch (e.dataType) {
    case 1:
      return new Uint8Array(count);
    case 2:
      return new Int8Array(count);
    case 3:
      return new Uint16Array(count);
    case 4:
      return new Int16Array(count);
    case 5:
      return new Uint32Array(count);
    case 6:
      return new Int32Array(count);
    case 7:
      return new BigUint64Array(count);
    case 8:
      return new BigInt64Array(count);
    case 9:
      return new Float32Array(count);
    default:
      return new Float64Array(count);
  }
}

/**
 * Decodes `count` point records of `header.recordLength` bytes, the first at `bytes[at]`, into
 * points `start …` of `columns`. Column by column (one tight DataView loop each): the hot path
 * of LAS reading.
 */
export function decodeLasRecords(bytes: Uint8Array, at: number, count: number, header: LasHeader, columns: LasColumns, start: number): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stride = header.recordLength;
  const f = header.pointFormat;
  const a = columns.attributes;
  for (let axis = 0; axis < 3; axis++)
    scaledInt32Column(dv, at + axis * 4, stride, count, header.scale[axis], header.offset[axis], columns.positions, start * 3 + axis, 3);
  uint16Column(dv, at + 12, stride, count, a.intensity as Uint16Array, start);
  if (f >= 6) {
    bitsColumn(bytes, at + 14, stride, count, 0, 15, a.return_number as Uint8Array, start);
    bitsColumn(bytes, at + 14, stride, count, 4, 15, a.number_of_returns as Uint8Array, start);
    bitsColumn(bytes, at + 16, stride, count, 0, 255, a.classification as Uint8Array, start);
    scaledInt16Column(dv, at + 18, stride, count, 0.006, a.scan_angle as Float32Array, start);
    uint16Column(dv, at + 20, stride, count, a.point_source_id as Uint16Array, start);
  } else {
    bitsColumn(bytes, at + 14, stride, count, 0, 7, a.return_number as Uint8Array, start);
    bitsColumn(bytes, at + 14, stride, count, 3, 7, a.number_of_returns as Uint8Array, start);
    bitsColumn(bytes, at + 15, stride, count, 0, 31, a.classification as Uint8Array, start);
    int8Column(dv, at + 16, stride, count, a.scan_angle as Float32Array, start);
    uint16Column(dv, at + 18, stride, count, a.point_source_id as Uint16Array, start);
  }
  bitsColumn(bytes, at + 17, stride, count, 0, 255, a.user_data as Uint8Array, start);
  const timeAt = LAS_GPS_TIME_AT[f];
  if (timeAt >= 0) float64Column(dv, at + timeAt, stride, count, a.gps_time as Float64Array, start);
  const rgbAt = LAS_RGB_AT[f];
  if (rgbAt >= 0 && columns.colour !== null) {
    for (let k = 0; k < 3; k++) uint16Column(dv, at + rgbAt + 2 * k, stride, count, columns.colour, start * 3 + k, 3);
  }
  const nirAt = LAS_NIR_AT[f];
  if (nirAt >= 0) uint16Column(dv, at + nirAt, stride, count, a.nir as Uint16Array, start);
  for (const e of header.extraFields) decodeExtra(dv, at, stride, count, e, a[e.name], start);
}

// One small function per column kind: each is called several times per file, so the JIT
// optimizes it after the first file, and each loop has one load and one store.

function scaledInt32Column(
  dv: DataView,
  at: number,
  stride: number,
  count: number,
  scale: number,
  offset: number,
  out: Float32Array,
  o: number,
  step: number,
): void {
  for (let i = 0; i < count; i++, at += stride, o += step) out[o] = dv.getInt32(at, true) * scale + offset;
}

function scaledInt16Column(dv: DataView, at: number, stride: number, count: number, scale: number, out: Float32Array, o: number): void {
  for (let i = 0; i < count; i++, at += stride, o++) out[o] = dv.getInt16(at, true) * scale;
}

function int8Column(dv: DataView, at: number, stride: number, count: number, out: Float32Array, o: number): void {
  for (let i = 0; i < count; i++, at += stride, o++) out[o] = dv.getInt8(at);
}

function uint16Column(dv: DataView, at: number, stride: number, count: number, out: Uint16Array, o: number, step = 1): void {
  for (let i = 0; i < count; i++, at += stride, o += step) out[o] = dv.getUint16(at, true);
}

function float64Column(dv: DataView, at: number, stride: number, count: number, out: Float64Array, o: number): void {
  for (let i = 0; i < count; i++, at += stride, o++) out[o] = dv.getFloat64(at, true);
}

/** `(byte >> shift) & mask` of one byte per record. */
function bitsColumn(bytes: Uint8Array, at: number, stride: number, count: number, shift: number, mask: number, out: Uint8Array, o: number): void {
  for (let i = 0; i < count; i++, at += stride, o++) out[o] = (bytes[at] >> shift) & mask;
}

function decodeExtra(dv: DataView, at: number, stride: number, count: number, e: LasExtraField, out: AttributeArray, start: number): void {
  const read = (p: number): number | bigint => {
    switch (e.dataType) {
      case 1:
        return dv.getUint8(p);
      case 2:
        return dv.getInt8(p);
      case 3:
        return dv.getUint16(p, true);
      case 4:
        return dv.getInt16(p, true);
      case 5:
        return dv.getUint32(p, true);
      case 6:
        return dv.getInt32(p, true);
      case 7:
        return dv.getBigUint64(p, true);
      case 8:
        return dv.getBigInt64(p, true);
      case 9:
        return dv.getFloat32(p, true);
      default:
        return dv.getFloat64(p, true);
    }
  };
  const scaled = e.scale !== null || e.offsetValue !== null;
  const s = e.scale ?? 1;
  const o = e.offsetValue ?? 0;
  for (let i = 0, p = at + e.offset, k = start; i < count; i++, p += stride, k++) {
    const v = read(p);
    if (scaled) (out as Float64Array)[k] = Number(v) * s + o;
    else (out as unknown as { [i: number]: number | bigint })[k] = v;
  }
}

/**
 * Packs the 16-bit colour channels into `rgb` (0xRRGGBB). LAS says colours are 16-bit; files
 * whose every channel is at most 255 were written 8-bit and are taken as they are (as PDAL and
 * CloudCompare do), which the returned note says.
 */
export function packLasColour(colour: Uint16Array, count: number): { rgb: Uint32Array; note: string | null } {
  let max = 0;
  for (let i = 0; i < count * 3; i++) if (colour[i] > max) max = colour[i];
  const shift = max > 255 ? 8 : 0;
  const rgb = new Uint32Array(count);
  for (let i = 0, k = 0; i < count; i++, k += 3) rgb[i] = (((colour[k] >> shift) << 16) | ((colour[k + 1] >> shift) << 8) | (colour[k + 2] >> shift)) >>> 0;
  return { rgb, note: shift === 0 && count > 0 ? 'colour channels are all 0–255: read as 8-bit values' : null };
}
