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
  const out = new Uint8Array(outLength);
  // 4-byte copies through DataViews (unaligned access is fine there) cut the loop count by 4.
  const inView = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const outView = new DataView(out.buffer);
  let ip = 0;
  let op = 0;
  while (ip < n) {
    const at = ip;
    const ctrl = input[ip++];
    if (ctrl < 32) {
      const len = ctrl + 1;
      if (ip + len > n) bad(at, `literal run of ${len} bytes overruns the input (${n - ip} bytes left)`);
      if (op + len > outLength) overflow(at, op, len, outLength);
      let k = len;
      for (; k >= 4; k -= 4, op += 4, ip += 4) outView.setUint32(op, inView.getUint32(ip));
      for (; k > 0; k--) out[op++] = input[ip++];
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
    if (op + len > outLength) overflow(at, op, len, outLength);
    let ref = op - dist;
    let k = len;
    // Forward copy. With dist ≥ 4 every 4-byte read lies in bytes already written; shorter
    // distances (run-length expansion) must go byte by byte. Never copyWithin: it is memmove.
    if (dist >= 4) {
      for (; k >= 4; k -= 4, op += 4, ref += 4) outView.setUint32(op, outView.getUint32(ref));
    } else if (dist === 1) {
      out.fill(out[ref], op, op + k);
      op += k;
      k = 0;
    }
    for (; k > 0; k--) out[op++] = out[ref++];
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

// Module-level so that the decoding loop's locals are not captured by closures.
function bad(at: number, text: string): never {
  throw new PcdError('decompressLzf', 'bad-lzf', `bad LZF stream at input byte ${formatCount(at)}: ${text}`, { byteOffset: at });
}

function overflow(at: number, op: number, len: number, outLength: number): never {
  throw new PcdError('decompressLzf', 'lzf-size-mismatch', `LZF token at input byte ${formatCount(at)} writes ${len} bytes at output position ${formatCount(op)}, past the declared ${formatCount(outLength)} bytes`, {
    byteOffset: at,
    expected: outLength,
  });
}
