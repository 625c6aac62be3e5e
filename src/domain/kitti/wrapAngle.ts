const TWO_PI = 2 * Math.PI;

/**
 * Wraps an angle in radians into [-π, π) as `a − 2π·floor(a/2π + ½)` (mmdet3d `limit_period`).
 * Exactly π maps to −π.
 */
export function wrapAngle(a: number): number {
  let r = a - TWO_PI * Math.floor(a / TWO_PI + 0.5);
  // Guard the last ulp at the interval ends.
  if (r < -Math.PI) r += TWO_PI;
  else if (r >= Math.PI) r -= TWO_PI;
  return r;
}
