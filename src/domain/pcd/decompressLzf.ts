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
 * @param wanted decode only until this many bytes are out (default all of them): the rest of the
 *   stream is left unread and unchecked
 * @returns a new Uint8Array of `outLength` bytes (past `wanted`, unwritten)
 * @throws PcdError `bad-lzf` (malformed token; `byteOffset` = offset of the token in `input`),
 *   `lzf-size-mismatch` (the stream decodes to more or fewer than `outLength` bytes),
 *   `bad-input` (`outLength` not a non-negative integer)
 */
export function decompressLzf(input: Uint8Array, outLength: number, wanted = outLength): Uint8Array {
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
  // Copies move 4 bytes at a time through DataViews (unaligned access is fine there), and in the
  // bulk of the stream they over-copy: a literal copies 16 or 32 bytes, a back-reference of up to
  // 8 bytes copies 8, whatever the exact length. The extra bytes land past the token's output and
  // are overwritten by the next tokens, so the result is the same; the point is to avoid a
  // length-dependent loop (a mispredicted branch) per token. Forward word copies are correct for
  // overlapping references with distance ≥ 4: every word read lies in bytes already written.
  const inView = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const outView = new DataView(out.buffer);
  let ip = 0;
  let op = 0;
  // Decoding stops once `until` bytes are out; for the whole stream, never (every byte is read, so
  // a stream that goes on past `outLength` is an error).
  const until = wanted < outLength ? wanted : outLength + 1;
  // While ip < inFast and op < outFast, no token can read past the input or write past the
  // output even with the over-copy (≤ 3 + 32 bytes read, ≤ 264 + 3 written), so only the
  // back-reference distance needs checking.
  const inFast = n - 36;
  const outFast = outLength - 268;
  while (ip < inFast && op < outFast && op < until) {
    const ctrl = input[ip];
    if (ctrl < 32) {
      const len = ctrl + 1;
      ip++;
      outView.setUint32(op, inView.getUint32(ip, true), true);
      outView.setUint32(op + 4, inView.getUint32(ip + 4, true), true);
      outView.setUint32(op + 8, inView.getUint32(ip + 8, true), true);
      outView.setUint32(op + 12, inView.getUint32(ip + 12, true), true);
      if (len > 16) {
        outView.setUint32(op + 16, inView.getUint32(ip + 16, true), true);
        outView.setUint32(op + 20, inView.getUint32(ip + 20, true), true);
        outView.setUint32(op + 24, inView.getUint32(ip + 24, true), true);
        outView.setUint32(op + 28, inView.getUint32(ip + 28, true), true);
      }
      op += len;
      ip += len;
      continue;
    }
    const at = ip;
    let len = ctrl >> 5;
    let dist: number;
    if (len === 7) {
      len += input[ip + 1];
      dist = (((ctrl & 0x1f) << 8) | input[ip + 2]) + 1;
      ip += 3;
    } else {
      dist = (((ctrl & 0x1f) << 8) | input[ip + 1]) + 1;
      ip += 2;
    }
    if (dist > op) bad(at, beforeStart(dist, op));
    len += 2;
    let ref = op - dist;
    const end = op + len;
    if (dist >= 4) {
      outView.setUint32(op, outView.getUint32(ref, true), true);
      outView.setUint32(op + 4, outView.getUint32(ref + 4, true), true);
      for (op += 8, ref += 8; op < end; op += 4, ref += 4) outView.setUint32(op, outView.getUint32(ref, true), true);
    } else {
      // Run-length expansion (distance 1–3): each byte may be one written just before.
      while (op < end) out[op++] = out[ref++];
    }
    op = end;
  }
  // The last tokens: exact copies with every check.
  while (ip < n && op < until) {
    const at = ip;
    const ctrl = input[ip++];
    if (ctrl < 32) {
      const len = ctrl + 1;
      if (ip + len > n) bad(at, `literal run of ${len} bytes overruns the input (${n - ip} bytes left)`);
      if (op + len > outLength) overflow(at, op, len, outLength);
      for (const stop = ip + len; ip < stop;) out[op++] = input[ip++];
      continue;
    }
    let len = ctrl >> 5;
    if (len === 7) {
      if (ip >= n) bad(at, 'input ends before the extra length byte of a back-reference');
      len += input[ip++];
    }
    if (ip >= n) bad(at, 'input ends before the offset byte of a back-reference');
    const dist = (((ctrl & 0x1f) << 8) | input[ip++]) + 1;
    if (dist > op) bad(at, beforeStart(dist, op));
    len += 2;
    if (op + len > outLength) overflow(at, op, len, outLength);
    for (let ref = op - dist, stop = op + len; op < stop;) out[op++] = out[ref++];
  }
  if (op < wanted || (wanted >= outLength && op !== outLength)) {
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

function beforeStart(dist: number, op: number): string {
  return `back-reference distance ${dist} reaches before the start of the output (output position ${formatCount(op)})`;
}

function overflow(at: number, op: number, len: number, outLength: number): never {
  throw new PcdError(
    'decompressLzf',
    'lzf-size-mismatch',
    `LZF token at input byte ${formatCount(at)} writes ${len} bytes at output position ${formatCount(op)}, past the declared ${formatCount(outLength)} bytes`,
    {
      byteOffset: at,
      expected: outLength,
    },
  );
}
