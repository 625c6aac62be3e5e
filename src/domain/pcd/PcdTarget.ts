/**
 * The preallocated cloud that every body decoder (ascii, binary, binary_compressed; whole-file or
 * streaming) fills in place. Field roles and destination arrays are resolved here, once per file.
 */
import type { AttributeArray } from '../types.ts';
import type { PcdCloud } from './PcdCloud.ts';
import { PcdError, formatCount } from './PcdError.ts';
import type { PcdField, PcdHeader } from './PcdHeader.ts';
import { copyStrided } from './copyStrided.ts';
import { allocatePcdArray, isColourField, positionAxisOf } from './pcdElementTypes.ts';
import { readElementsAsFloat32 } from './readElementsAsFloat32.ts';

/** What one header field becomes in the cloud. */
export interface PcdSlot {
  field: PcdField;
  /** True for `_` padding: bytes/tokens are skipped. */
  pad: boolean;
  /** 0, 1, 2 when the field is x, y, z (one element); -1 otherwise. */
  axis: number;
  /** Destination for attribute fields (null for padding and positions). */
  array: AttributeArray | null;
  /** Raw bytes of `array` (null for padding and positions). */
  bytes: Uint8Array | null;
  /** 4-byte rgb/rgba: stored as Uint32 bit patterns whatever the TYPE. */
  rgbBits: boolean;
  /** Bytes per point (size × count). */
  pointBytes: number;
  /** An attribute left out (`positionsOnly`): its bytes or tokens are read past, not stored. */
  skip: boolean;
}

export interface PcdTarget {
  header: PcdHeader;
  count: number;
  positions: Float32Array;
  positionBytes: Uint8Array;
  attributes: Record<string, AttributeArray>;
  slots: PcdSlot[];
  /**
   * Record offset of x when x, y, z are F4 fields stored back to back (x, y, z at o, o+4, o+8),
   * so a binary record's positions are copied as one 12-byte group; -1 otherwise.
   */
  xyzOffset: number;
  /** Non-finite points counted by a decoder while it wrote them (see `nansCounted`). */
  nanCount: number;
  /** True when the decoder counted every point's NaNs itself, so finishing needs no extra pass. */
  nansCounted: boolean;
  /** Only x y z are wanted: no attribute is stored, and a compressed body is decoded only as far as they go. */
  positionsOnly: boolean;
}

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Allocates positions (count × 3, zero-filled so missing axes read 0) and one typed array per
 * attribute field (none when `positionsOnly`).
 * @throws PcdError `too-large` when the engine cannot allocate the arrays,
 *   `unsupported-platform` on a big-endian engine
 */
export function createPcdTarget(header: PcdHeader, fn: string, fileName?: string, positionsOnly = false): PcdTarget {
  if (!HOST_IS_LITTLE_ENDIAN) {
    throw new PcdError(fn, 'unsupported-platform', 'big-endian JavaScript engines are not supported', { fileName });
  }
  const count = header.points;
  try {
    const positions = new Float32Array(count * 3);
    const attributes: Record<string, AttributeArray> = {};
    const slots = header.fields.map((field): PcdSlot => {
      const pad = field.name === '_';
      const axis = pad ? -1 : positionAxisOf(field.name, field.count);
      const rgbBits = isColourField(field.name, field.size);
      let array: AttributeArray | null = null;
      const skip = !pad && axis < 0 && positionsOnly;
      if (!pad && axis < 0 && !skip) {
        array = allocatePcdArray(field.type, field.size, count * field.count, rgbBits);
        attributes[field.name] = array;
      }
      const bytes = array ? new Uint8Array(array.buffer, array.byteOffset, array.byteLength) : null;
      return { field, pad, axis, array, bytes, rgbBits, pointBytes: field.size * field.count, skip };
    });
    return {
      header,
      count,
      positions,
      positionBytes: new Uint8Array(positions.buffer),
      attributes,
      slots,
      xyzOffset: findXyzRun(slots),
      nanCount: 0,
      nansCounted: false,
      positionsOnly,
    };
  } catch (e) {
    if (e instanceof RangeError) {
      throw new PcdError(fn, 'too-large', `cannot allocate arrays for ${formatCount(count)} points (${e.message})`, {
        fileName,
        actual: count,
      });
    }
    throw e;
  }
}

function findXyzRun(slots: PcdSlot[]): number {
  const at = [-1, -1, -1];
  for (const slot of slots) {
    const f = slot.field;
    if (slot.axis >= 0 && f.type === 'F' && f.size === 4) at[slot.axis] = f.offset;
  }
  return at[0] >= 0 && at[1] === at[0] + 4 && at[2] === at[0] + 8 ? at[0] : -1;
}

/**
 * Stores `count` points of one field read from raw little-endian bytes: element group of point
 * `start + i` is at `src[srcStart + i * srcStride]` (a binary record field or a compressed plane).
 */
export function storeStridedField(target: PcdTarget, slot: PcdSlot, src: Uint8Array, srcStart: number, srcStride: number, start: number, count: number): void {
  if (slot.pad || slot.skip) return;
  const f = slot.field;
  if (slot.axis >= 0) {
    if (f.type === 'F' && f.size === 4) {
      copyStrided(src, srcStart, srcStride, target.positionBytes, (start * 3 + slot.axis) * 4, 12, 4, count);
    } else {
      readElementsAsFloat32(src, srcStart, srcStride, f.type, f.size, target.positions, start * 3 + slot.axis, 3, count);
    }
    return;
  }
  copyStrided(src, srcStart, srcStride, slot.bytes as Uint8Array, start * slot.pointBytes, slot.pointBytes, slot.pointBytes, count);
}

/** Counts invalid points and wraps the filled target as the public cloud. */
export function finishPcdCloud(target: PcdTarget): PcdCloud {
  const { header, positions, count } = target;
  const nanCount = target.nansCounted ? target.nanCount : countNanPoints(positions, 0, count);
  return {
    count,
    positions,
    attributes: target.attributes,
    header,
    width: header.width,
    height: header.height,
    viewpoint: header.viewpoint.slice(),
    isDense: nanCount === 0,
    nanCount,
  };
}

/** Points in [start, start + count) whose x, y or z is NaN or ±Infinity. */
export function countNanPoints(positions: Float32Array, start: number, count: number): number {
  // A float32 is NaN or ±Infinity exactly when its 8 exponent bits are all ones.
  const bits = new Uint32Array(positions.buffer, positions.byteOffset + start * 12, count * 3);
  const EXP = 0x7f800000;
  let n = 0;
  for (let j = 0, end = count * 3; j < end; j += 3) {
    if ((bits[j] & EXP) === EXP || (bits[j + 1] & EXP) === EXP || (bits[j + 2] & EXP) === EXP) n++;
  }
  return n;
}

/** Copies points [start, start + count) into fresh arrays (a streaming batch). */
export function slicePcdTarget(target: PcdTarget, start: number, count: number): { positions: Float32Array; attributes: Record<string, AttributeArray> } {
  const attributes: Record<string, AttributeArray> = {};
  for (const slot of target.slots) {
    if (slot.array === null) continue;
    const k = slot.field.count;
    attributes[slot.field.name] = slot.array.slice(start * k, (start + count) * k);
  }
  return { positions: target.positions.slice(start * 3, (start + count) * 3), attributes };
}
