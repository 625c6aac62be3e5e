/**
 * The one place where `npm run bench:quality` calls the checks and the one-click fit. When their
 * signatures change (a sensor description, dismissals, new options), only this file changes.
 *
 * Used the way the app's workers use them: one `FrameChecker` per frame (the checks worker's
 * `setFrame`), `check()` on every box list (incremental re-checks), and `fitCuboid` with the
 * frame's grid and ground (the point-cloud worker's `fit`).
 */
import type { DismissedRegion, ExpectedTrackBox, LabelRegion } from '../../../src/domain/checks/CheckContext.ts';
import type { CheckResult } from '../../../src/domain/checks/CheckResult.ts';
import { FrameChecker } from '../../../src/domain/checks/FrameChecker.ts';
import { defaultDictionary } from '../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { fitCuboid } from '../../../src/domain/geometry/fitCuboid.ts';
import type { Cuboid, Vec3 } from '../../../src/domain/types.ts';

/** What the bench knows about a frame beyond its points. */
export interface ProbeInput {
  frameId: string;
  /** x y z interleaved, in the frame of the boxes, metres. */
  positions: Float32Array;
  /** The annotated part of the scan (undefined: all around). */
  labelRegion?: LabelRegion;
  /** A beam (ring / laser id) per point when the file has one: the scan's sensor model reads beams from it. */
  ring?: ArrayLike<number>;
  /** Places marked "not an object" (e.g. bollards, signs): passed to the checks as dismissals. */
  dismissed?: readonly DismissedRegion[];
  /**
   * Where the sensor's optical centre is in the points' frame, metres. Not passed on: in the app
   * nothing tells the checks or the fit where the sensor was, so they must find it in the scan
   * (`estimateScanSensor`); the bench measures that.
   */
  sensorOrigin?: Vec3;
}

/** A fitted box (points' frame, metres, radians). */
export interface FittedBox {
  center: Vec3;
  size: Vec3;
  yaw: number;
}

/** The checks and the fit bound to one frame. */
export interface FrameProbe {
  /** Every check result for these boxes (incremental after the first call); `expectedTracks`: the tracks of the frames around. */
  check(boxes: readonly Cuboid[], expectedTracks?: readonly ExpectedTrackBox[]): CheckResult[];
  /** The one-click fit at a point (x, y, z in the points' frame) for a class; null when it finds nothing. */
  fit(point: Vec3, label: string, exclude?: readonly FittedBox[]): FittedBox | null;
}

/**
 * Builds the per-frame state once (grid, ground, the scan's sensor model, clusters) and returns
 * the probe. The fit gets the same grid, ground and sensor model as the checks (the workers cache
 * them per frame).
 */
export function openFrame(input: ProbeInput): FrameProbe {
  const checker = new FrameChecker(input.frameId, input.positions, { labelRegion: input.labelRegion, ring: input.ring });
  const { grid, ground, sensor } = checker.analysis;
  const dismissed = input.dismissed ?? [];
  return {
    check: (boxes, expectedTracks = []) => checker.check(boxes, defaultDictionary, [], dismissed, expectedTracks).results,
    fit: (point, label, exclude) => {
      const r = fitCuboid(
        input.positions,
        { x: point[0], y: point[1], z: point[2] },
        { label, grid, ground, sensor, ...(exclude !== undefined ? { exclude } : {}) },
      );
      return r === null ? null : { center: r.center, size: r.size, yaw: r.yaw };
    },
  };
}
