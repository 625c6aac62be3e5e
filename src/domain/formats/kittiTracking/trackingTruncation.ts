/**
 * KITTI tracking's `truncated` column is an integer level (0 not, 1 partly, 2 largely truncated;
 * the tracking devkit's readme), where label_2 has a fraction in [0, 1], as boxes hold it (tracking
 * levels are read as 0.25 and 0.75). 0 stays 0; a fraction below 0.5 becomes 1, from 0.5 up
 * (1: wholly outside the image, included) 2; anything above is clamped to 2.
 */
export function trackingTruncation(value: number): number {
  if (!(value > 0)) return 0;
  return value < 0.5 ? 1 : 2;
}
