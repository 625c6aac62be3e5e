/**
 * LZF decompression exactly as FORMATS.md §1.8 specifies (the codec of PCD `binary_compressed`).
 */
import { PcdError, formatCount } from './PcdError.ts';

/**
 * Largest output an LZF stream of `inputLength` bytes can produce: a 3-byte back-reference token
 * yields at most 264 bytes. Used to refuse absurd declared sizes before allocating.
 */
export function maxLzfOutputLength(inputLength: number): number {
  return inputLength * 88 + 8;
}

/**
 * Decodes an LZF stream.
 * @param input the compressed bytes (all of them are consumed)
 * @param outLength the exact decoded length expected, in bytes
 * @returns a new Uint8Array of `outLength` bytes
 * @throws PcdError `bad-lzf` (malformed token; `byteOffset` = offset of the token in `input`),
 *   `lzf-size-mismatch` (the stream decodes to more or fewer than `outLength` bytes),
 *   `bad-input` (`outLength` not a non-negative integer)
 */
export function decompressLzf(input: Uint8Array, outLength: number): Uint8Array {
  const fn = 'decompressLzf';
  if (!Number.isSafeInteger(outLength) || outLength < 0) {
    throw new PcdError(fn, 'bad-input', `output length ${String(outLength)} is not a non-negative integer`);
  }
  const n = input.length;
  if (outLength > maxLzfOutputLength(n)) {
    throw new PcdError(fn, 'lzf-size-mismatch', `a ${formatCount(n)}-byte LZF stream cannot decode to ${formatCount(outLength)} bytes`, {
      expected: outLength,
    });
  }
  const bad = (at: number, text: string): never => {
    throw new PcdError(fn, 'bad-lzf', `bad LZF stream at input byte ${formatCount(at)}: ${text}`, { byteOffset: at });
  };
  const overflow = (at: number, op: number, len: number): never => {
    throw new PcdError(fn, 'lzf-size-mismatch', `LZF token at input byte ${formatCount(at)} writes ${len} bytes at output position ${formatCount(op)}, past the declared ${formatCount(outLength)} bytes`, {
      byteOffset: at,
      expected: outLength,
    });
  };
  const out = new Uint8Array(outLength);
  let ip = 0;
  let op = 0;
  while (ip < n) {
    const at = ip;
    const ctrl = input[ip++];
    if (ctrl < 32) {
      const len = ctrl + 1;
      if (ip + len > n) bad(at, `literal run of ${len} bytes overruns the input (${n - ip} bytes left)`);
      if (op + len > outLength) overflow(at, op, len);
      for (let k = 0; k < len; k++) out[op++] = input[ip++];
      continue;
    }
    let len = ctrl >> 5;
    if (len === 7) {
      if (ip >= n) bad(at, 'input ends before the extra length byte of a back-reference');
      len += input[ip++];
    }
    if (ip >= n) bad(at, 'input ends before the offset byte of a back-reference');
    const dist = (((ctrl & 0x1f) << 8) | input[ip++]) + 1;
    if (dist > op) bad(at, `back-reference distance ${dist} reaches before the start of the output (output position ${formatCount(op)})`);
    len += 2;
    if (op + len > outLength) overflow(at, op, len);
    let ref = op - dist;
    if (dist === 1) {
      // Run-length form: the byte just written, repeated.
      out.fill(out[ref], op, op + len);
      op += len;
    } else if (dist >= len && len > 24) {
      // Disjoint ranges only: copyWithin has memmove semantics, wrong for overlapping references.
      out.copyWithin(op, ref, ref + len);
      op += len;
    } else {
      for (let k = 0; k < len; k++) out[op++] = out[ref++];
    }
  }
  if (op !== outLength) {
    throw new PcdError(fn, 'lzf-size-mismatch', `LZF stream decodes to ${formatCount(op)} bytes, expected ${formatCount(outLength)}`, {
      byteOffset: n,
      expected: outLength,
      actual: op,
    });
  }
  return out;
}
