/**
 * Minimal 4×4 matrix helpers for the KITTI calibration chain. Matrices are plain `number[]` of
 * length 16, row-major, float64.
 */

/** The 4×4 identity. */
export function identityMat4(): number[] {
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
}

/** A 3×4 row-major matrix (12 values) extended with the row `[0 0 0 1]`. */
export function mat4From3x4(m: readonly number[]): number[] {
  return [...m.slice(0, 12), 0, 0, 0, 1];
}

/** A 3×3 row-major matrix (9 values) extended with a 1 at the bottom right and zeros elsewhere. */
export function mat4From3x3(m: readonly number[]): number[] {
  return [m[0], m[1], m[2], 0, m[3], m[4], m[5], 0, m[6], m[7], m[8], 0, 0, 0, 0, 1];
}

/** `a · b` for 4×4 row-major matrices. */
export function multiplyMat4(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(16);
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      out[r * 4 + c] = a[r * 4] * b[c] + a[r * 4 + 1] * b[4 + c] + a[r * 4 + 2] * b[8 + c] + a[r * 4 + 3] * b[12 + c];
    }
  }
  return out;
}

/** `p · m` for a 3×4 row-major `p` (12 values) and a 4×4 `m`: the 3×4 result, 12 values. */
export function multiply3x4Mat4(p: readonly number[], m: readonly number[]): number[] {
  return multiplyMat4(mat4From3x4(p), m).slice(0, 12);
}

/**
 * The general inverse of a 4×4 row-major matrix by Gauss–Jordan elimination with partial pivoting,
 * or `null` when the matrix is singular (a pivot below 1e-12 times the largest entry).
 */
export function invertMat4(m: readonly number[]): number[] | null {
  const a = [...m];
  const inv = identityMat4();
  let scale = 0;
  for (const v of m) scale = Math.max(scale, Math.abs(v));
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  for (let col = 0; col < 4; col++) {
    let pivot = col;
    for (let r = col + 1; r < 4; r++) {
      if (Math.abs(a[r * 4 + col]) > Math.abs(a[pivot * 4 + col])) pivot = r;
    }
    if (Math.abs(a[pivot * 4 + col]) < 1e-12 * scale) return null;
    if (pivot !== col) {
      for (let c = 0; c < 4; c++) {
        swap(a, pivot * 4 + c, col * 4 + c);
        swap(inv, pivot * 4 + c, col * 4 + c);
      }
    }
    const d = a[col * 4 + col];
    for (let c = 0; c < 4; c++) {
      a[col * 4 + c] /= d;
      inv[col * 4 + c] /= d;
    }
    for (let r = 0; r < 4; r++) {
      if (r === col) continue;
      const f = a[r * 4 + col];
      if (f === 0) continue;
      for (let c = 0; c < 4; c++) {
        a[r * 4 + c] -= f * a[col * 4 + c];
        inv[r * 4 + c] -= f * inv[col * 4 + c];
      }
    }
  }
  return inv;
}

/**
 * The first three components of `m · [x, y, z, 1]` for a row-major matrix with at least 3 rows of 4
 * (a 4×4 affine transform or a 3×4 projection).
 */
export function transformPoint(m: readonly number[], x: number, y: number, z: number): [number, number, number] {
  return [m[0] * x + m[1] * y + m[2] * z + m[3], m[4] * x + m[5] * y + m[6] * z + m[7], m[8] * x + m[9] * y + m[10] * z + m[11]];
}

function swap(a: number[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
