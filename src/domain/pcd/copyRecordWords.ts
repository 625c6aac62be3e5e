/**
 * The one-pass copy of `DATA binary` records whose size is a multiple of 4 bytes: x y z (F4, back
 * to back) and up to two single-element 4-byte attribute fields are moved as 32-bit words in the
 * same loop, and points with a non-finite coordinate are counted on the way. One pass instead of
 * one per field matters because every pass reads the whole body again from memory.
 */
import type { PcdSlot, PcdTarget } from './PcdTarget.ts';

/** Fields copied in the word loop beyond x y z (more would need more loop variants). */
const MAX_EXTRA_WORDS = 2;

export interface RecordWordPlan {
  /** Record size in 32-bit words. */
  strideWords: number;
  /** Word index of x inside a record; y and z follow. */
  xyzWord: number;
  /** `target.positions` as raw bits. */
  positionWords: Uint32Array;
  /** Word index inside a record of each extra field … */
  extraWords: number[];
  /** … and its destination as raw bits (one element per point). */
  extraDst: Uint32Array[];
  /** Slots the word loop does not store (x, y, z and the extra fields are left out). */
  rest: PcdSlot[];
}

/**
 * Plans the word loop for a target, or returns null when records are not a whole number of words
 * or x y z are not F4 at word-aligned offsets o, o+4, o+8.
 */
export function planRecordWords(target: PcdTarget): RecordWordPlan | null {
  const step = target.header.pointStep;
  const xyz = target.xyzOffset;
  if (xyz < 0 || (xyz & 3) !== 0 || (step & 3) !== 0 || step === 0) return null;
  const extraWords: number[] = [];
  const extraDst: Uint32Array[] = [];
  const rest: PcdSlot[] = [];
  for (const slot of target.slots) {
    if (slot.pad || slot.skip || slot.axis >= 0) continue;
    const f = slot.field;
    const array = slot.array;
    if (array !== null && f.size === 4 && f.count === 1 && (f.offset & 3) === 0 && extraWords.length < MAX_EXTRA_WORDS) {
      extraWords.push(f.offset >> 2);
      extraDst.push(new Uint32Array(array.buffer, array.byteOffset, array.length));
    } else {
      rest.push(slot);
    }
  }
  const positions = target.positions;
  return {
    strideWords: step >> 2,
    xyzWord: xyz >> 2,
    positionWords: new Uint32Array(positions.buffer, positions.byteOffset, positions.length),
    extraWords,
    extraDst,
    rest,
  };
}

/**
 * Copies `count` records starting at word `from` of `src` into points `start …` of the plan's
 * destinations, as raw bits (NaN payloads and packed colours survive).
 * @returns how many of those points have a NaN or ±Infinity coordinate
 */
export function copyRecordWords(plan: RecordWordPlan, src: Uint32Array, from: number, start: number, count: number): number {
  const stride = plan.strideWords;
  const pos = plan.positionWords;
  const s0 = from + plan.xyzWord;
  const d0 = start * 3;
  // A float32 is NaN or ±Infinity exactly when its 8 exponent bits are all ones.
  const EXP = 0x7f800000;
  let nans = 0;
  // Separate loops per number of extra fields keep each one free of inner loops and branches.
  if (plan.extraWords.length === 0) {
    for (let i = 0, s = s0, d = d0; i < count; i++, s += stride, d += 3) {
      const x = src[s];
      const y = src[s + 1];
      const z = src[s + 2];
      pos[d] = x;
      pos[d + 1] = y;
      pos[d + 2] = z;
      if ((x & EXP) === EXP || (y & EXP) === EXP || (z & EXP) === EXP) nans++;
    }
  } else if (plan.extraWords.length === 1) {
    const a = plan.extraDst[0];
    const sa = plan.extraWords[0] - plan.xyzWord;
    for (let i = 0, s = s0, d = d0; i < count; i++, s += stride, d += 3) {
      const x = src[s];
      const y = src[s + 1];
      const z = src[s + 2];
      pos[d] = x;
      pos[d + 1] = y;
      pos[d + 2] = z;
      a[start + i] = src[s + sa];
      if ((x & EXP) === EXP || (y & EXP) === EXP || (z & EXP) === EXP) nans++;
    }
  } else {
    const a = plan.extraDst[0];
    const b = plan.extraDst[1];
    const sa = plan.extraWords[0] - plan.xyzWord;
    const sb = plan.extraWords[1] - plan.xyzWord;
    for (let i = 0, s = s0, d = d0; i < count; i++, s += stride, d += 3) {
      const x = src[s];
      const y = src[s + 1];
      const z = src[s + 2];
      pos[d] = x;
      pos[d + 1] = y;
      pos[d + 2] = z;
      a[start + i] = src[s + sa];
      b[start + i] = src[s + sb];
      if ((x & EXP) === EXP || (y & EXP) === EXP || (z & EXP) === EXP) nans++;
    }
  }
  return nans;
}

/**
 * Copies x y z (three F4 back to back at `src[from + i * step]`, any alignment) into points
 * `start …` of `positions` as raw bits, for records that word loads cannot read.
 * @returns how many of those points have a NaN or ±Infinity coordinate
 */
export function copyXyzUnaligned(src: Uint8Array, from: number, step: number, positions: Float32Array, start: number, count: number): number {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const pos = new Uint32Array(positions.buffer, positions.byteOffset + start * 12, count * 3);
  const EXP = 0x7f800000;
  let nans = 0;
  for (let i = 0, s = from, d = 0; i < count; i++, s += step, d += 3) {
    const x = view.getUint32(s, true);
    const y = view.getUint32(s + 4, true);
    const z = view.getUint32(s + 8, true);
    pos[d] = x;
    pos[d + 1] = y;
    pos[d + 2] = z;
    if ((x & EXP) === EXP || (y & EXP) === EXP || (z & EXP) === EXP) nans++;
  }
  return nans;
}
