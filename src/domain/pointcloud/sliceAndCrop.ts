/** A closed interval; either end null means unbounded on that side (metres). */
export interface OpenInterval {
  min: number | null;
  max: number | null;
}

/**
 * The height slice and range crop as four finite numbers, the form the point shader takes:
 * a point is kept when `zMin ≤ z ≤ zMax` and `rMin ≤ √(x² + y²) ≤ rMax` (LiDAR frame, metres;
 * the range is the horizontal distance from the sensor at the frame's origin).
 */
export interface SliceCropLimits {
  zMin: number;
  zMax: number;
  rMin: number;
  rMax: number;
}

/** Stands for "no limit" (a float32 the shader can compare with; far beyond any scan). */
export const NO_LIMIT = 1e30;

/**
 * Limits from the height slice and the range crop. An open end (null, or not a finite number)
 * is no limit; ends given the wrong way round are swapped, so two handles dragged past each
 * other keep a slice instead of hiding the whole cloud. A range below 0 is 0.
 */
export function sliceCropLimits(heightSlice: OpenInterval, rangeCrop: OpenInterval): SliceCropLimits {
  const [zMin, zMax] = ordered(heightSlice, -NO_LIMIT);
  const [rMin, rMax] = ordered(rangeCrop, 0);
  return { zMin, zMax, rMin: Math.max(0, rMin), rMax: Math.max(0, rMax) };
}

/**
 * The interval with its ends the right way round: both given and the min above the max, swapped
 * (the handles may cross while dragged and are swapped only where drawn; typed ends: `withEnd`).
 */
export function orderedInterval(interval: OpenInterval): OpenInterval {
  const { min, max } = interval;
  return min !== null && max !== null && min > max ? { min: max, max: min } : interval;
}

/**
 * The interval with one end typed (`value`, null: open). When it passes the other end: if that
 * end was the one typed just before (both typed the wrong way round: min 30, then max 10), the
 * two are swapped (10–30); otherwise the interval moves to the typed end, keeping its width, so
 * the next end typed is kept as typed (a slice of −1–0.5, min 1, then max 2.5: 1–2.5; swapping
 * gave 0.5–2.5).
 */
export function withEnd(interval: OpenInterval, end: 'min' | 'max', value: number | null, otherJustTyped: boolean): OpenInterval {
  const other = end === 'min' ? interval.max : interval.min;
  const crosses = value !== null && other !== null && (end === 'min' ? value > other : value < other);
  if (!crosses) return end === 'min' ? { min: value, max: interval.max } : { min: interval.min, max: value };
  if (otherJustTyped) return { min: Math.min(value, other), max: Math.max(value, other) };
  const width = interval.min !== null && interval.max !== null ? Math.max(0, interval.max - interval.min) : 0;
  return end === 'min' ? { min: value, max: value + width } : { min: value - width, max: value };
}

function ordered(interval: OpenInterval, openLow: number): [number, number] {
  const lo = finiteOr(interval.min, openLow);
  const hi = finiteOr(interval.max, NO_LIMIT);
  return lo <= hi ? [lo, hi] : [hi, lo];
}

function finiteOr(v: number | null, fallback: number): number {
  return v !== null && Number.isFinite(v) ? v : fallback;
}

/** Whether a point (LiDAR frame, metres) is inside the limits: what the point shader keeps. */
export function insideSliceCrop(x: number, y: number, z: number, limits: SliceCropLimits): boolean {
  const r = Math.sqrt(x * x + y * y);
  return z >= limits.zMin && z <= limits.zMax && r >= limits.rMin && r <= limits.rMax;
}

/** Whether the limits keep every point (nothing to filter). */
export function isUnlimited(limits: SliceCropLimits): boolean {
  return limits.zMin <= -NO_LIMIT && limits.zMax >= NO_LIMIT && limits.rMin <= 0 && limits.rMax >= NO_LIMIT;
}
