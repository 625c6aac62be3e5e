import { cellRange } from '../../geometry/PointGrid.ts';
import type { PointGrid } from '../../geometry/PointGrid.ts';
import { boxSpanSeen, wrapAngle } from '../../sensor/boxSpanSeen.ts';
import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import type { Cuboid } from '../../types.ts';
import { nearestInDirection } from '../frame/RangeImage.ts';
import type { RangeImage } from '../frame/RangeImage.ts';

/** What the sensor saw of a box's silhouette, column by column of its azimuth span. */
export interface SeenThrough {
  /**
   * Width (metres across the line of sight, at the box's nearest corner) of the runs of columns
   * at either end of the silhouette (lower azimuth first) where beams crossed the box's body in
   * view and returned nothing from inside it: the sensor saw through that part of the box.
   */
  wings: [number, number];
  /** Width of the whole silhouette, metres (same measure). */
  width: number;
  /** Width of one column, metres (same measure). */
  column: number;
  /** Returns inside the box (grown by `SLACK`), above its bottom 0.2 m. */
  points: number;
  /** Columns of the silhouette holding such a return. */
  occupied: number;
  /** Returns in the silhouette within 1 m of the footprint (`NEAR`), and the columns holding them: the object seen beside the box. */
  nearPoints: number;
  nearColumns: number;
}

/** A return this close (metres) outside the box's footprint or top still counts as inside it. */
const SLACK = 0.2;
/**
 * Returns this close (metres) outside the footprint, in the silhouette, are the object too: a box
 * turned across a vehicle seen end-on holds little of it, its near end standing in front.
 */
const NEAR = 1;
/** The box's bottom slab (metres) holds ground returns, not the object (as `countObjectPoints`). */
const GROUND_SLAB = 0.2;
/**
 * A beam crosses the body when its height half-way through the footprint is 0.25 m above the
 * bottom or more, and at most 60 % of the box's height up: a vehicle's body below its windows fills
 * its footprint, while above it glass, a sloping bonnet or boot let beams through.
 */
const BODY_LOW = 0.25;
const BODY_HIGH = 0.6;
/** A return nearer than the box by this much (metres) hides a ray from it; one beyond it by this much shows the ray went through. */
const HIDE_SLACK = 0.3;
/** Columns are at least this wide (radians, 0.2°), and two firings of a beam wide. */
const MIN_COLUMN = (0.2 * Math.PI) / 180;
/** Boxes nearer than this (metres) or wider than this angle (radians) are not measured. */
const MIN_NEAR = 2;
const MAX_SPAN = Math.PI / 3;

type Column = 'empty' | 'occupied' | 'unknown';

/**
 * Splits the box's silhouette seen from the sensor into columns of azimuth (two firings of a beam
 * wide) and asks of each whether the sensor saw into the box there: `occupied` when a return
 * (any point, ground-labelled or not, above the bottom 0.2 m) lies inside the box grown by 0.2 m
 * in that column; else `empty` when one of the sensor's beams crosses the box's body there
 * (0.25 m above its bottom to 60 % of its height, half-way through the footprint), and `img` (a
 * range image of every return, ground included: `allReturnsImage`) shows that ray's nearest
 * return beyond the box: it went through the box and came back from the ground or something
 * behind. A ray that returned nothing proves nothing (a dark car at range returns little), and
 * one with a return nearer than the box is hidden. Else `unknown`. The empty runs at the two ends
 * of the silhouette are where the sensor saw through the box beside its object: a box turned
 * across an object seen end-on, or moved off it sideways. Null without beam elevations, for a box
 * at the sensor or wider than 60° in view.
 */
export function seenThrough(positions: Float32Array, grid: PointGrid, sensor: ScanSensor, img: RangeImage, box: Cuboid): SeenThrough | null {
  if (sensor.elevations.length < 2 || !(sensor.azimuthStep > 0)) return null;
  const [ox, oy, oz] = sensor.origin;
  const span = boxSpanSeen(sensor.origin, box);
  if (!(span.near > MIN_NEAR) || !(span.azHi - span.azLo < MAX_SPAN)) return null;
  const step = Math.max(MIN_COLUMN, 2 * sensor.azimuthStep);
  const nCols = Math.max(1, Math.ceil((span.azHi - span.azLo) / step));
  const colStep = (span.azHi - span.azLo) / nCols;
  const state: Column[] = new Array<Column>(nCols).fill('unknown');

  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const hh = box.size[2] / 2;
  const [cx, cy, cz] = box.center;
  const bottom = cz - hh;
  const top = cz + hh;

  // Returns inside the box (grown by SLACK) and near it (grown by NEAR), by column.
  let points = 0;
  let nearPoints = 0;
  const nearCols = new Uint8Array(nCols);
  const ex = (hl + NEAR) * Math.abs(c) + (hw + NEAR) * Math.abs(s);
  const ey = (hl + NEAR) * Math.abs(s) + (hw + NEAR) * Math.abs(c);
  const cells = cellRange(grid, cx - ex, cy - ey, cx + ex, cy + ey);
  if (cells !== null) {
    const { sorted, cellStart, nx } = grid;
    for (let iy = cells[1]; iy <= cells[3]; iy++) {
      const end = cellStart[iy * nx + cells[2] + 1];
      for (let p = cellStart[iy * nx + cells[0]]; p < end; p++) {
        const z = sorted[3 * p + 2];
        if (z < bottom + GROUND_SLAB || z > top + SLACK) continue;
        const dx = sorted[3 * p] - cx;
        const dy = sorted[3 * p + 1] - cy;
        const ax = Math.abs(dx * c + dy * s);
        const ay = Math.abs(dy * c - dx * s);
        if (ax > hl + NEAR || ay > hw + NEAR) continue;
        const rel = wrapAngle(Math.atan2(sorted[3 * p + 1] - oy, sorted[3 * p] - ox) - span.centerAz);
        const k = Math.floor((rel - span.azLo) / colStep);
        if (k < 0 || k >= nCols) continue;
        nearPoints++;
        nearCols[k] = 1;
        if (ax > hl + SLACK || ay > hw + SLACK) continue;
        points++;
        state[k] = 'occupied';
      }
    }
  }

  // Columns without a return in the box: did a beam cross its body there, unhidden, and return
  // from beyond it (the ground or something behind)?
  for (let k = 0; k < nCols; k++) {
    if (state[k] === 'occupied') continue;
    const az = span.centerAz + span.azLo + (k + 0.5) * colStep;
    const hit = footprintCrossing(ox, oy, Math.cos(az), Math.sin(az), box);
    if (hit === null) continue;
    const [t0, t1] = hit;
    for (const e of sensor.elevations) {
      const t = Math.tan(e);
      const zMid = oz + ((t0 + t1) / 2) * t;
      if (zMid < bottom + BODY_LOW || zMid > bottom + BODY_HIGH * box.size[2]) continue;
      const cosE = Math.cos(e);
      const nearest = nearestAround(img, az, e);
      if (nearest < t0 / cosE - HIDE_SLACK) continue;
      if (nearest > t1 / cosE + HIDE_SLACK && Number.isFinite(nearest)) {
        state[k] = 'empty';
        break;
      }
    }
  }

  let occupied = 0;
  for (const v of state) if (v === 'occupied') occupied++;
  let nearColumns = 0;
  for (const v of nearCols) nearColumns += v;
  const run = (from: number, dir: 1 | -1): number => {
    let n = 0;
    for (let k = from; k >= 0 && k < nCols && state[k] === 'empty'; k += dir) n++;
    return n;
  };
  const metres = colStep * span.near;
  const lo = run(0, 1);
  const hi = lo === nCols ? 0 : run(nCols - 1, -1);
  return { wings: [lo * metres, hi * metres], width: nCols * metres, column: metres, points, occupied, nearPoints, nearColumns };
}

/**
 * The nearest return (metres) in the range image around direction (az, e): the azimuth bin and
 * its two neighbours, in the elevation bin of e and the neighbouring one nearer to e.
 */
function nearestAround(img: RangeImage, az: number, e: number): number {
  const f = (e - img.elevationMin) / img.elevationStep;
  const other = f - Math.floor(f) < 0.5 ? -1 : 1;
  let nearest = Infinity;
  for (const de of [0, other]) {
    for (let da = -1; da <= 1; da++) {
      nearest = Math.min(nearest, nearestInDirection(img, wrapAngle(az + da * img.azimuthStep), e + de * img.elevationStep));
    }
  }
  return nearest;
}

/**
 * Where the horizontal ray from (ox, oy) along (ux, uy) crosses the box's footprint: entry and
 * exit distances (metres), or null when it misses.
 */
function footprintCrossing(ox: number, oy: number, ux: number, uy: number, box: Cuboid): [number, number] | null {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const px = (ox - box.center[0]) * c + (oy - box.center[1]) * s;
  const py = (oy - box.center[1]) * c - (ox - box.center[0]) * s;
  const dx = ux * c + uy * s;
  const dy = uy * c - ux * s;
  let t0 = 0;
  let t1 = Infinity;
  for (const [p, d, h] of [
    [px, dx, box.size[0] / 2],
    [py, dy, box.size[1] / 2],
  ]) {
    if (Math.abs(d) < 1e-12) {
      if (Math.abs(p) > h) return null;
      continue;
    }
    const a = (-h - p) / d;
    const b = (h - p) / d;
    t0 = Math.max(t0, Math.min(a, b));
    t1 = Math.min(t1, Math.max(a, b));
  }
  return t0 < t1 ? [t0, t1] : null;
}
