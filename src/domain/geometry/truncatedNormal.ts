/**
 * Mean of a normal distribution N(mu, sigma²) restricted to [lo, hi] (any unit): the best guess
 * of a size known to lie in [lo, hi] (what the points show, what the class allows) when the
 * class prior is `mu` ± `sigma`. `hi` may be Infinity. An empty interval (lo ≥ hi) gives `lo`;
 * sigma ≤ 0 gives `mu` clamped into [lo, hi].
 */
export function truncatedNormalMean(mu: number, sigma: number, lo: number, hi: number): number {
  if (!(hi > lo)) return lo;
  if (!(sigma > 0)) return Math.min(hi, Math.max(lo, mu));
  const a = (lo - mu) / sigma;
  const b = (hi - mu) / sigma;
  const z = normalCdf(b) - normalCdf(a);
  // Far in one tail the interval holds no mass in double precision: its nearer end is the answer.
  if (!(z > 1e-12)) return a > 0 ? lo : hi;
  const m = mu + (sigma * (normalPdf(a) - normalPdf(b))) / z;
  return Math.min(hi, Math.max(lo, m));
}

function normalPdf(x: number): number {
  return Number.isFinite(x) ? Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) : 0;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, absolute error < 1.5e-7). */
function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const t = Math.abs(x) / Math.SQRT2;
  const k = 1 / (1 + 0.3275911 * t);
  const erf = 1 - ((((1.061405429 * k - 1.453152027) * k + 1.421413741) * k - 0.284496736) * k + 0.254829592) * k * Math.exp(-t * t);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
