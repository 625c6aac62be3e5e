import { buildPointGrid } from '../../geometry/PointGrid.ts';
import type { PointGrid } from '../../geometry/PointGrid.ts';
import { pointBounds } from '../../geometry/pointBounds.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import { groundAndSensor } from '../../sensor/groundAndSensor.ts';
import { standingOnSparseRows } from '../../sensor/standingOnSparseRows.ts';
import type { FrameAnalysis } from './FrameAnalysis.ts';
import { clusterObstacles } from './clusterObstacles.ts';
import { groupClusters } from './clusterGroups.ts';
import { buildRangeImage } from './RangeImage.ts';

export interface AnalyzeFrameOptions {
  /** A grid already built over the same positions. */
  grid?: PointGrid;
  /** A ground model already estimated for the same positions. */
  ground?: GroundModel;
  /** A beam (ring / laser id) per point, when the file has one: beams are then read from it. */
  ring?: ArrayLike<number>;
  /** Where the sensor sat in the points' frame, when known (else estimated from the scan). */
  sensorOrigin?: readonly [number, number, number];
  /** A sensor model already estimated for the same positions. */
  sensor?: ScanSensor;
  /**
   * Called between the stages (ground and sensor, clusters, range image, groups): a host may block
   * in it to give the core to more urgent work (the server's check threads, `CheckPause`).
   */
  pause?: () => void;
}

/**
 * Derives the per-frame data the checks need from `positions` (x y z interleaved, LiDAR frame,
 * metres): point grid, bounds, farthest range, ground, obstacle clusters and their range image.
 * Linear in the number of points; call once per frame.
 */
export function analyzeFrame(positions: Float32Array, opts: AnalyzeFrameOptions = {}): FrameAnalysis {
  const grid = opts.grid ?? buildPointGrid(positions);
  const bounds = pointBounds(positions);
  opts.pause?.();
  const { ground, sensor, standing } = groundAndSensor(positions, { ring: opts.ring, origin: opts.sensorOrigin, ground: opts.ground, sensor: opts.sensor });
  opts.pause?.();
  const [ox, oy, oz] = sensor.origin;
  let maxRange2 = 0;
  for (let o = 0; o + 2 < positions.length; o += 3) {
    const dx = positions[o] - ox;
    const dy = positions[o + 1] - oy;
    const d2 = dx * dx + dy * dy;
    if (d2 > maxRange2 && d2 !== Infinity) maxRange2 = d2;
  }
  const clusters = clusterObstacles(positions, ground, {
    origin: sensor.origin,
    standing: standing === undefined ? undefined : standingOnSparseRows(positions, standing, sensor),
  });
  opts.pause?.();
  const rangeImage = buildRangeImage(positions, clusters.labels, sensor.origin);
  const top = topElevation(positions, ox, oy, oz);
  opts.pause?.();
  const groups = groupClusters(positions, clusters, grid, ground, sensor.origin);
  return { grid, bounds, maxRange: Math.sqrt(maxRange2), topElevation: top, ground, sensor, clusters, groups, rangeImage };
}

/**
 * Elevation (radians) of the sensor's highest beam: the 99.9th percentile of the elevation
 * angles of the points beyond 3 m, accepted only when points near it are spread around the
 * sensor (in at least 18 of 72 azimuth sectors), as a spinning LiDAR's top beam is. Otherwise
 * (a scan with little above the horizon) π/2: no object counts as cut off.
 */
function topElevation(positions: Float32Array, ox: number, oy: number, oz: number): number {
  const BINS = 1800; // 0.1° over −90°..+90°
  const hist = new Uint32Array(BINS);
  let n = 0;
  for (let o = 0; o + 2 < positions.length; o += 3) {
    const r = Math.hypot(positions[o] - ox, positions[o + 1] - oy);
    if (!(r > 3)) continue;
    const e = Math.atan2(positions[o + 2] - oz, r);
    const b = Math.min(BINS - 1, Math.max(0, Math.floor(((e * 180) / Math.PI + 90) * 10)));
    hist[b]++;
    n++;
  }
  let top = Math.PI / 2;
  for (let b = BINS - 1, above = 0; b >= 0; b--) {
    above += hist[b];
    if (above > n * 0.001) {
      top = (((b + 1) / 10 - 90) * Math.PI) / 180;
      break;
    }
  }
  if (top >= Math.PI / 2) return top;
  const SECTORS = 72;
  const seen = new Uint8Array(SECTORS);
  const near = top - (0.3 * Math.PI) / 180;
  for (let o = 0; o + 2 < positions.length; o += 3) {
    const r = Math.hypot(positions[o] - ox, positions[o + 1] - oy);
    if (!(r > 3) || Math.atan2(positions[o + 2] - oz, r) < near) continue;
    seen[Math.min(SECTORS - 1, Math.floor(((Math.atan2(positions[o + 1] - oy, positions[o] - ox) + Math.PI) / (2 * Math.PI)) * SECTORS))] = 1;
  }
  let sectors = 0;
  for (let k = 0; k < SECTORS; k++) sectors += seen[k];
  return sectors >= SECTORS / 4 ? top : Math.PI / 2;
}
