/**
 * KITTI tracking's `truncated` column is an integer level (0 not, 1 partly, 2 largely truncated;
 * the tracking devkit's readme), where label_2 has a fraction in [0, 1]. The levels 0, 1 and 2 pass
 * through as they are (boxes read from tracking labels keep them); a fraction strictly between 0
 * and 1 becomes 1 below 0.5 and 2 from 0.5 up; anything else (negative, above 2) is clamped.
 */
export function trackingTruncation(value: number): number {
  if (value === 0 || value === 1 || value === 2) return value;
  if (!(value > 0)) return 0;
  if (value < 1) return value < 0.5 ? 1 : 2;
  return 2;
}
