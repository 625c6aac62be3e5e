/** The main direction of a 2D point set and how elongated the set is. */
export interface PrincipalAxis {
  /** Direction of largest spread, radians from +x in [−π/2, π/2]. */
  angle: number;
  /** Spread across that direction over spread along it (standard deviations), in [0, 1]. */
  spreadRatio: number;
}

/**
 * Principal axis of 2D points (the major eigenvector of their covariance). Input x, y in
 * metres. Fewer than 2 points, or no spread at all, give angle 0 and ratio 1.
 * Used where a rectangle fit is not meaningful: people (not box-shaped from above) and a
 * single visible face (a line, which a least-squares direction estimates best).
 */
export function principalAxis(xs: Float64Array, ys: Float64Array): PrincipalAxis {
  const n = xs.length;
  if (n < 2) return { angle: 0, spreadRatio: 1 };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 && syy === 0) return { angle: 0, spreadRatio: 1 };
  const mean = (sxx + syy) / 2;
  const diff = Math.hypot((sxx - syy) / 2, sxy);
  const major = mean + diff;
  const minor = Math.max(0, mean - diff);
  return { angle: 0.5 * Math.atan2(2 * sxy, sxx - syy), spreadRatio: Math.sqrt(minor / major) };
}
