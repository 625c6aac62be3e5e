import type { CuboidShape } from './CuboidShape.ts';

/** How far past a drawn box's faces (metres) its object's points still count as boxed: a mirror, a return off the edge. */
const MARGIN = 0.1;

/**
 * A test for points inside any of `boxes` (grown by 0.1 m) that lie within `radius` metres of
 * (`x`, `y`) in the top view, leaving out a box that holds (`x`, `y`) itself; undefined when no box
 * is left. LiDAR frame, metres.
 */
export function insideBoxesNear(
  boxes: readonly CuboidShape[],
  x: number,
  y: number,
  radius: number,
): ((px: number, py: number, pz: number) => boolean) | undefined {
  const near = boxes
    .filter((b) => Math.hypot(b.center[0] - x, b.center[1] - y) <= radius + Math.hypot(b.size[0], b.size[1]) / 2)
    .map((b) => ({
      cx: b.center[0],
      cy: b.center[1],
      cz: b.center[2],
      c: Math.cos(b.yaw),
      s: Math.sin(b.yaw),
      hl: b.size[0] / 2 + MARGIN,
      hw: b.size[1] / 2 + MARGIN,
      hh: b.size[2] / 2 + MARGIN,
    }))
    .filter((b) => !holds(b, x, y));
  if (near.length === 0) return undefined;
  return (px, py, pz) => near.some((b) => holds(b, px, py) && Math.abs(pz - b.cz) <= b.hh);
}

function holds(b: { cx: number; cy: number; c: number; s: number; hl: number; hw: number }, px: number, py: number): boolean {
  const dx = px - b.cx;
  const dy = py - b.cy;
  return Math.abs(dx * b.c + dy * b.s) <= b.hl && Math.abs(dy * b.c - dx * b.s) <= b.hw;
}
