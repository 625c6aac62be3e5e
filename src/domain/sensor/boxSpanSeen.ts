import type { BoxLike } from './expectedReturns.ts';

/** How a box's footprint spreads in the sensor's view, from its four corners. */
export interface BoxSpan {
  /** Azimuth (radians) from the sensor to the box centre. */
  centerAz: number;
  /** Smallest / largest corner azimuth relative to `centerAz`, radians. */
  azLo: number;
  azHi: number;
  /** Nearest / farthest corner, horizontal distance from the sensor, metres. */
  near: number;
  far: number;
}

const CORNERS: readonly [number, number][] = [
  [1, 1],
  [1, -1],
  [-1, -1],
  [-1, 1],
];

/**
 * The azimuth span and the corner distances of `box` seen from `origin` (the points' frame,
 * metres, radians). The nearest point of the outline may be a side, not a corner: callers that
 * need it measure it themselves.
 */
export function boxSpanSeen(origin: readonly number[], box: BoxLike): BoxSpan {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const cx = box.center[0] - origin[0];
  const cy = box.center[1] - origin[1];
  const centerAz = Math.atan2(cy, cx);
  const span: BoxSpan = { centerAz, azLo: Infinity, azHi: -Infinity, near: Infinity, far: 0 };
  for (const [u, v] of CORNERS) {
    const x = cx + u * hl * c - v * hw * s;
    const y = cy + u * hl * s + v * hw * c;
    const d = Math.hypot(x, y);
    if (d < span.near) span.near = d;
    if (d > span.far) span.far = d;
    const rel = wrapAngle(Math.atan2(y, x) - centerAz);
    if (rel < span.azLo) span.azLo = rel;
    if (rel > span.azHi) span.azHi = rel;
  }
  return span;
}

/** An angle wrapped to [−π, π), radians. */
export function wrapAngle(a: number): number {
  return a - 2 * Math.PI * Math.floor(a / (2 * Math.PI) + 0.5);
}
