import { isPointInCuboid } from '../../geometry/isPointInCuboid.ts';
import { cellRange } from '../../geometry/PointGrid.ts';
import type { PointGrid } from '../../geometry/PointGrid.ts';
import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import type { Cuboid } from '../../types.ts';
import type { ClassRule } from '../dictionary/EdgeCaseDictionary.ts';
import { objectKind } from './missedObjectKind.ts';
import type { MissedCandidate } from './missedObjectScore.ts';

/** How far past a vehicle box's faces (metres) the centre of its own object's overhang may lie. */
const REACH = 1;
/** How much higher than the box's top (metres) its own object may reach. */
const ABOVE = 0.15;
/** Points of the candidate that must lie this close to a point inside the box (see `continuesBox`). */
const SHARED = 3;
/** The gap (metres) under which two returns lie on one surface: this, or 2.5 columns of the sensor at the range. */
const GAP = 0.12;
const GAP_COLUMNS = 2.5;
/** Candidate points looked at, at most (evenly spread). */
const MAX_LOOKED = 400;

/**
 * A box of a vehicle class the candidate lies beside, or null: the candidate's centre outside the
 * box but within 1 m of it, and its top no more than 0.15 m above the box's. Such a candidate may
 * be the box's own object sticking out (`continuesBox` tells).
 */
export function vehicleBoxBeside(cand: MissedCandidate, boxes: readonly Cuboid[], classes: Readonly<Record<string, ClassRule>>): Cuboid | null {
  const top = cand.groundZ + cand.top;
  for (const box of boxes) {
    const rule = classes[box.label];
    if (rule === undefined || objectKind(rule) !== 'vehicle') continue;
    const [bl, bw, bh] = box.size;
    if (top > box.center[2] + bh / 2 + ABOVE) continue;
    const c = Math.cos(box.yaw);
    const s = Math.sin(box.yaw);
    const dx = cand.center[0] - box.center[0];
    const dy = cand.center[1] - box.center[1];
    const u = Math.abs(dx * c + dy * s);
    const v = Math.abs(dy * c - dx * s);
    if (u > bl / 2 + REACH || v > bw / 2 + REACH || (u <= bl / 2 && v <= bw / 2)) continue;
    return box;
  }
  return null;
}

/**
 * Whether the candidate's points (`xyz`, x y z interleaved: the points outside the box grown by
 * `margin`) run on into the box: at least 3 of them lie within one surface's gap (0.12 m, or 2.5
 * of the sensor's columns at the range) of a point inside the box grown by `margin`. A car box nudged half a metre sideways leaves the car's far side, or a
 * strip of its end, outside: the same surface carries on inside the box, return after return. A
 * person standing 0.3 m beside a boxed van is one cluster with it in the 0.4 m grid, but no
 * return of the person lies that close to one of the van's. (Someone leaning on it does: missed.)
 */
export function continuesBox(xyz: Float32Array, box: Cuboid, margin: number, grid: PointGrid, sensor: ScanSensor, range: number): boolean {
  const gap = Math.max(GAP, GAP_COLUMNS * (sensor.azimuthStep > 0 ? sensor.azimuthStep : 0) * range);
  const gap2 = gap * gap;
  const n = Math.floor(xyz.length / 3);
  const step = Math.max(1, Math.ceil(n / MAX_LOOKED));
  const { sorted, cellStart, nx } = grid;
  let shared = 0;
  for (let i = 0; i < n; i += step) {
    const x = xyz[3 * i];
    const y = xyz[3 * i + 1];
    const z = xyz[3 * i + 2];
    const cells = cellRange(grid, x - gap, y - gap, x + gap, y + gap);
    if (cells === null) continue;
    let near = false;
    for (let iy = cells[1]; iy <= cells[3] && !near; iy++) {
      const end = cellStart[iy * nx + cells[2] + 1];
      for (let p = cellStart[iy * nx + cells[0]]; p < end; p++) {
        const px = sorted[3 * p];
        const py = sorted[3 * p + 1];
        const pz = sorted[3 * p + 2];
        const dx = px - x;
        const dy = py - y;
        const dz = pz - z;
        if (dx * dx + dy * dy + dz * dz <= gap2 && isPointInCuboid(px, py, pz, box, margin)) {
          near = true;
          break;
        }
      }
    }
    if (near && ++shared >= SHARED) return true;
  }
  return false;
}
