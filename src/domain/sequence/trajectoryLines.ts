import { cuboidCorners } from '../geometry/cuboidCorners.ts';
import type { CuboidShape } from '../geometry/CuboidShape.ts';

/** Line segments (x y z of both ends, flat) that draw a track's path through its frames. */
export interface TrajectoryLines {
  /** From each frame's box to the next one's, along the ground under their centres. */
  path: number[];
  /** A chevron on each step long enough to hold one, pointing the way the track goes. */
  arrows: number[];
  /** The footprint of every box but the open frame's, with a tick from its centre to its front. */
  footprints: number[];
  /** Where each box stands (its bottom centre), in frame order: the dots of the path. */
  stops: number[];
}

/** Steps shorter than this (metres) are standing still: no segment, no chevron. */
const STILL = 0.05;
/** A chevron's arms, metres, at most a third of its step. */
const ARM = 0.45;
/** Steps shorter than this get no chevron (metres). */
const ARROW_MIN_STEP = 0.6;
/** Lines sit this far over the boxes' bottoms (metres), so the ground points do not hide them. */
const LIFT = 0.05;

/**
 * The lines that draw a track across a sequence in one frame's view: a path through the boxes'
 * bottom centres in frame order, chevrons pointing along it, and the other frames' footprints
 * (the open frame's box, `current`, is drawn as itself). A parked track gives no path: its
 * footprints lie on one another.
 */
export function trajectoryLines(boxes: readonly CuboidShape[], current = -1): TrajectoryLines {
  const out: TrajectoryLines = { path: [], arrows: [], footprints: [], stops: [] };
  const foot = boxes.map((b) => [b.center[0], b.center[1], b.center[2] - b.size[2] / 2 + LIFT] as const);
  for (const p of foot) out.stops.push(p[0], p[1], p[2]);
  for (let i = 0; i + 1 < foot.length; i++) {
    const a = foot[i];
    const b = foot[i + 1];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    if (len < STILL) continue;
    out.path.push(a[0], a[1], a[2], b[0], b[1], b[2]);
    if (len < ARROW_MIN_STEP) continue;
    const ux = dx / len;
    const uy = dy / len;
    const arm = Math.min(ARM, len / 3);
    // The tip half an arm past the middle; the arms go back at 35° either side.
    const tip = [a[0] + dx / 2 + (ux * arm) / 2, a[1] + dy / 2 + (uy * arm) / 2, (a[2] + b[2]) / 2];
    const c = Math.cos(Math.PI - 0.61);
    const s = Math.sin(Math.PI - 0.61);
    for (const sign of [1, -1]) {
      const rx = ux * c - sign * uy * s;
      const ry = sign * ux * s + uy * c;
      out.arrows.push(tip[0], tip[1], tip[2], tip[0] + rx * arm, tip[1] + ry * arm, tip[2]);
    }
  }
  boxes.forEach((box, i) => {
    if (i === current) return;
    const z = foot[i][2];
    const k = cuboidCorners(box);
    for (let e = 0; e < 4; e++) {
      const p = k[e];
      const q = k[(e + 1) % 4];
      out.footprints.push(p[0], p[1], z, q[0], q[1], z);
    }
    // Corners 0 and 3 are the front: a tick from the centre to the middle of the front edge.
    out.footprints.push(foot[i][0], foot[i][1], z, (k[0][0] + k[3][0]) / 2, (k[0][1] + k[3][1]) / 2, z);
  });
  return out;
}
