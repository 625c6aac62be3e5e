import type { CheckContext, LabelRegion } from '../CheckContext.ts';

/**
 * Whether a place at BEV offset (dx, dy) from the sensor, `range` metres away, lies in the part of
 * the scan that was meant to be annotated: inside `region.azimuth` (when given), not in any of its
 * `ignoreAzimuths` (KITTI DontCare), and not beyond `region.maxRange`. No region: everywhere.
 */
export function inLabelRegion(region: LabelRegion | undefined, dx: number, dy: number, range: number): boolean {
  if (region === undefined) return true;
  if (region.maxRange !== undefined && range > region.maxRange) return false;
  const a = Math.atan2(dy, dx);
  if (region.azimuth !== undefined && !inWedge(a, region.azimuth)) return false;
  return !(region.ignoreAzimuths ?? []).some((w) => inWedge(a, w));
}

/** Whether azimuth `a` lies counter-clockwise from `w[0]` to `w[1]` (radians). */
export function inWedge(a: number, w: readonly [number, number]): boolean {
  const twoPi = 2 * Math.PI;
  const span = (((w[1] - w[0]) % twoPi) + twoPi) % twoPi;
  const off = (((a - w[0]) % twoPi) + twoPi) % twoPi;
  return off <= span;
}

/** Whether BEV place (x, y) lies in one of the frame's "not an object" dismissals (`ctx.dismissed`). */
export function isDismissed(ctx: Pick<CheckContext, 'dismissed'>, x: number, y: number): boolean {
  return (ctx.dismissed ?? []).some((d) => Math.hypot(x - d.x, y - d.y) <= d.radius);
}
