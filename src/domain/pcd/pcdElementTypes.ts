/**
 * The (TYPE, SIZE) pairs PCD defines (FORMATS.md §1.3) and the typed array each is stored in.
 */
import type { AttributeArray } from '../types.ts';
import type { PcdFieldType } from './PcdHeader.ts';

/** True when `type`/`size` name an element type the format defines. */
export function isValidPcdElement(type: PcdFieldType, size: number): boolean {
  switch (type) {
    case 'I':
    case 'U':
      return size === 1 || size === 2 || size === 4 || size === 8;
    case 'F':
      return size === 4 || size === 8;
    case 'B':
      return size === 1;
  }
}

/**
 * Allocates the typed array for `length` elements of a field.
 * `B` (bool) is stored as Uint8Array holding the raw byte (0 = false).
 * `rgbBits` forces Uint32Array for 4-byte colour fields, whatever their TYPE.
 */
export function allocatePcdArray(type: PcdFieldType, size: number, length: number, rgbBits: boolean): AttributeArray {
  if (rgbBits) return new Uint32Array(length);
  if (type === 'F') return size === 8 ? new Float64Array(length) : new Float32Array(length);
  if (type === 'I') {
    if (size === 1) return new Int8Array(length);
    if (size === 2) return new Int16Array(length);
    if (size === 4) return new Int32Array(length);
    return new BigInt64Array(length);
  }
  if (size === 1) return new Uint8Array(length);
  if (size === 2) return new Uint16Array(length);
  if (size === 4) return new Uint32Array(length);
  return new BigUint64Array(length);
}

/** The TYPE letter and SIZE that describe an attribute array when writing it. */
export function pcdElementOf(array: AttributeArray): { type: PcdFieldType; size: number } {
  if (array instanceof Float32Array) return { type: 'F', size: 4 };
  if (array instanceof Float64Array) return { type: 'F', size: 8 };
  if (array instanceof Int8Array) return { type: 'I', size: 1 };
  if (array instanceof Int16Array) return { type: 'I', size: 2 };
  if (array instanceof Int32Array) return { type: 'I', size: 4 };
  if (array instanceof BigInt64Array) return { type: 'I', size: 8 };
  if (array instanceof Uint8Array) return { type: 'U', size: 1 };
  if (array instanceof Uint16Array) return { type: 'U', size: 2 };
  if (array instanceof Uint32Array) return { type: 'U', size: 4 };
  return { type: 'U', size: 8 };
}

/** True for the packed-colour fields that are always read as raw uint32 bits (§1.9). */
export function isColourField(name: string, size: number): boolean {
  return size === 4 && (name === 'rgb' || name === 'rgba');
}

/** True for a field that feeds `positions` (x, y or z with one element). */
export function positionAxisOf(name: string, count: number): number {
  if (count !== 1) return -1;
  return name === 'x' ? 0 : name === 'y' ? 1 : name === 'z' ? 2 : -1;
}
