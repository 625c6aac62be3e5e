/**
 * Raw strided copy between byte views: `count` groups of `groupBytes` bytes, read every
 * `srcStride` bytes from `src`, written every `dstStride` bytes into `dst`. Bits are copied as
 * integers (never through a float), so NaN payloads and packed colours survive.
 * Uses 32- or 16-bit words when every address is aligned, so a 4-byte field costs one load/store.
 */
export function copyStrided(
  src: Uint8Array,
  srcStart: number,
  srcStride: number,
  dst: Uint8Array,
  dstStart: number,
  dstStride: number,
  groupBytes: number,
  count: number,
): void {
  if (count <= 0 || groupBytes <= 0) return;
  if (srcStride === groupBytes && dstStride === groupBytes) {
    dst.set(src.subarray(srcStart, srcStart + count * groupBytes), dstStart);
    return;
  }
  const a = src.byteOffset + srcStart;
  const b = dst.byteOffset + dstStart;
  const all = a | b | srcStride | dstStride | groupBytes;
  const srcSpan = (count - 1) * srcStride + groupBytes;
  const dstSpan = (count - 1) * dstStride + groupBytes;
  if ((all & 3) === 0) {
    copyWords(
      new Uint32Array(src.buffer, a, srcSpan >> 2),
      srcStride >> 2,
      new Uint32Array(dst.buffer, b, dstSpan >> 2),
      dstStride >> 2,
      groupBytes >> 2,
      count,
    );
  } else if ((all & 1) === 0) {
    copyHalfWords(
      new Uint16Array(src.buffer, a, srcSpan >> 1),
      srcStride >> 1,
      new Uint16Array(dst.buffer, b, dstSpan >> 1),
      dstStride >> 1,
      groupBytes >> 1,
      count,
    );
  } else {
    copyBytes(src.subarray(srcStart, srcStart + srcSpan), srcStride, dst.subarray(dstStart, dstStart + dstSpan), dstStride, groupBytes, count);
  }
}

// Three copies of one loop so each stays monomorphic for the JIT.
function copyWords(s: Uint32Array, ss: number, d: Uint32Array, ds: number, n: number, count: number): void {
  if (n === 1) {
    for (let i = 0, si = 0, di = 0; i < count; i++, si += ss, di += ds) d[di] = s[si];
    return;
  }
  if (n === 2) {
    for (let i = 0, si = 0, di = 0; i < count; i++, si += ss, di += ds) {
      d[di] = s[si];
      d[di + 1] = s[si + 1];
    }
    return;
  }
  if (n === 3) {
    // x y z in one pass: the common LiDAR record layout.
    for (let i = 0, si = 0, di = 0; i < count; i++, si += ss, di += ds) {
      d[di] = s[si];
      d[di + 1] = s[si + 1];
      d[di + 2] = s[si + 2];
    }
    return;
  }
  for (let i = 0, si = 0, di = 0; i < count; i++, si += ss, di += ds) {
    for (let k = 0; k < n; k++) d[di + k] = s[si + k];
  }
}

function copyHalfWords(s: Uint16Array, ss: number, d: Uint16Array, ds: number, n: number, count: number): void {
  if (n === 1) {
    for (let i = 0, si = 0, di = 0; i < count; i++, si += ss, di += ds) d[di] = s[si];
    return;
  }
  for (let i = 0, si = 0, di = 0; i < count; i++, si += ss, di += ds) {
    for (let k = 0; k < n; k++) d[di + k] = s[si + k];
  }
}

function copyBytes(s: Uint8Array, ss: number, d: Uint8Array, ds: number, n: number, count: number): void {
  for (let i = 0, si = 0, di = 0; i < count; i++, si += ss, di += ds) {
    for (let k = 0; k < n; k++) d[di + k] = s[si + k];
  }
}
