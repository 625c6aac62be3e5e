/**
 * LZF compression (FORMATS.md §1.8): greedy matching of 3-byte sequences through a 2¹³-entry hash
 * table, 13-bit distances (1 … 8192), match lengths 3 … 264, literal runs of up to 32 bytes.
 * Like PCL's compressor, it never references offset 0, caps a match 2 bytes before the end of the
 * input and, after a match, indexes only the match's last two positions; on PCL's test vector
 * (FORMATS.md §3.1) it produces the identical 36-byte stream.
 */

const HASH_BITS = 13;
const MAX_DISTANCE = 1 << 13;
const MAX_MATCH = 264;
const MAX_LITERAL = 32;

function hash3(input: Uint8Array, i: number): number {
  const v = (input[i] << 16) | (input[i + 1] << 8) | input[i + 2];
  return Math.imul(v, 0x9e3779b1) >>> (32 - HASH_BITS);
}

/**
 * Compresses bytes with LZF.
 * @param input raw bytes (for PCD: the structure-of-arrays planes)
 * @returns a new array holding the LZF stream; empty for empty input.
 *   Its length is at most `input.length + ceil(input.length / 32)`.
 */
export function compressLzf(input: Uint8Array): Uint8Array {
  const n = input.length;
  if (n === 0) return new Uint8Array(0);
  const out = new Uint8Array(n + Math.ceil(n / MAX_LITERAL) + 4);
  // Holds input positions; 0 doubles as "empty", so offset 0 is never a reference (as in PCL).
  const table = new Int32Array(1 << HASH_BITS);
  let op = 1; // out[0] is the control byte of the first literal run
  let runStart = 0;
  let lit = 0;
  let ip = 0;
  while (ip < n - 2) {
    const h = hash3(input, ip);
    const ref = table[h];
    table[h] = ip;
    const dist = ip - ref;
    if (ref > 0 && dist <= MAX_DISTANCE && input[ref] === input[ip] && input[ref + 1] === input[ip + 1] && input[ref + 2] === input[ip + 2]) {
      const maxLen = Math.min(MAX_MATCH, n - ip - 2);
      let len = 3;
      while (len < maxLen && input[ref + len] === input[ip + len]) len++;
      if (lit > 0) out[runStart] = lit - 1;
      else op--; // drop the empty run's control byte
      const code = len - 2;
      const off = dist - 1;
      if (code < 7) {
        out[op++] = (code << 5) | (off >> 8);
      } else {
        out[op++] = (7 << 5) | (off >> 8);
        out[op++] = code - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      runStart = op++;
      ip += len;
      if (ip >= n - 2) break;
      table[hash3(input, ip - 2)] = ip - 2;
      table[hash3(input, ip - 1)] = ip - 1;
      continue;
    }
    out[op++] = input[ip++];
    if (++lit === MAX_LITERAL) {
      out[runStart] = MAX_LITERAL - 1;
      lit = 0;
      runStart = op++;
    }
  }
  while (ip < n) {
    out[op++] = input[ip++];
    if (++lit === MAX_LITERAL) {
      out[runStart] = MAX_LITERAL - 1;
      lit = 0;
      runStart = op++;
    }
  }
  if (lit > 0) out[runStart] = lit - 1;
  else op--;
  return out.slice(0, op);
}
