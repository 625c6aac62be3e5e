import { cuboidCorners } from '../geometry/cuboidCorners.ts';
import type { CuboidShape } from '../geometry/CuboidShape.ts';

/** Line segments (x y z of both ends, flat) that draw a track's path through its frames. */
export interface TrajectoryLines {
  /** From each frame's box to the next one's, along the ground under their centres. */
  path: number[];
  /** Chevrons spaced along the path (at least one on a path that moved), pointing the way the track goes. */
  arrows: number[];
  /** The footprint of every box but the open frame's, with a tick from its centre to its front. */
  footprints: number[];
  /** Where each box stands (its bottom centre), in frame order: the dots of the path. */
  stops: number[];
}

/** Steps shorter than this (metres) are standing still: no segment. */
const STILL = 0.05;
/** A chevron's arms, metres, at most a third of the path. */
const ARM = 0.4;
/** Chevrons along the path every this many metres (a car at 20 km/h moves 0.55 m a frame at 10 Hz). */
const ARROW_SPACING = 1.5;
/** A path shorter than this (metres) gets no chevron: it barely moved. */
const ARROW_MIN_PATH = 0.3;
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
  const steps: { a: readonly number[]; ux: number; uy: number; len: number }[] = [];
  for (let i = 0; i + 1 < foot.length; i++) {
    const a = foot[i];
    const b = foot[i + 1];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < STILL) continue;
    out.path.push(a[0], a[1], a[2], b[0], b[1], b[2]);
    steps.push({ a, ux: (b[0] - a[0]) / len, uy: (b[1] - a[1]) / len, len });
  }
  const total = steps.reduce((n, st) => n + st.len, 0);
  if (total >= ARROW_MIN_PATH) {
    const arm = Math.min(ARM, total / 3);
    // Spaced evenly, half a spacing in from the start (one in the middle of a short path).
    const count = Math.max(1, Math.floor(total / ARROW_SPACING));
    const gap = total / count;
    let k = 0;
    let walked = 0;
    for (const st of steps) {
      while (k < count && gap * (k + 0.5) <= walked + st.len) {
        const t = gap * (k + 0.5) - walked;
        chevron(out.arrows, [st.a[0] + st.ux * t, st.a[1] + st.uy * t, st.a[2]], st.ux, st.uy, arm);
        k++;
      }
      walked += st.len;
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

/** A chevron whose tip is half an arm past `at`, pointing along (ux, uy), arms back at 35° either side. */
function chevron(out: number[], at: readonly number[], ux: number, uy: number, arm: number): void {
  const tip = [at[0] + (ux * arm) / 2, at[1] + (uy * arm) / 2, at[2]];
  const c = Math.cos(Math.PI - 0.61);
  const s = Math.sin(Math.PI - 0.61);
  for (const sign of [1, -1]) {
    const rx = ux * c - sign * uy * s;
    const ry = sign * ux * s + uy * c;
    out.push(tip[0], tip[1], tip[2], tip[0] + rx * arm, tip[1] + ry * arm, tip[2]);
  }
}
