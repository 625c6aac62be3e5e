import { beamGapAt } from './beamGapAt.ts';
import type { ScanSensor } from './ScanSensor.ts';

/** Rows farther apart than this (metres) leave an object of car height two or three rows at most. */
const SPARSE_ROWS = 0.35;

/**
 * Of the returns that stand in front of their beam's ground (`standing`, 1 per point, from
 * `standingOnRings`), those where the beams lie at least 0.35 m apart (range × the elevation gap):
 * there a car may show two or three rows, its lowest 0.2–0.3 m up, and that row is a third of its
 * returns. Where the rows are dense a low return adds nothing to what the rows above show, and
 * low clutter (kerbs, a bicycle's stand) would only join neighbouring objects. A new mask.
 */
export function standingOnSparseRows(positions: Float32Array, standing: Uint8Array, sensor: ScanSensor): Uint8Array {
  const out = new Uint8Array(standing.length);
  for (let i = 0; i < standing.length; i++) {
    if (standing[i] === 1 && beamGapAt(sensor, positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]) >= SPARSE_ROWS) out[i] = 1;
  }
  return out;
}
