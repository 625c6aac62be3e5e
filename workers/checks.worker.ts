/// <reference lib="webworker" />
import { expose } from 'comlink';
import { FrameChecker } from '../src/domain/checks/FrameChecker.ts';
import type { FrameCheckRun } from '../src/domain/checks/FrameChecker.ts';
import type { DismissedRegion, ExpectedTrackBox, LabelRegion } from '../src/domain/checks/CheckContext.ts';
import { clusterRadiusAt } from '../src/domain/checks/clusterRadiusAt.ts';
import type { SequenceCheckResult } from '../src/domain/checks/CheckResult.ts';
import type { EdgeCaseDictionary } from '../src/domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { SequenceFrame } from '../src/domain/checks/SequenceContext.ts';
import { runSequenceChecks } from '../src/domain/checks/runSequenceChecks.ts';
import type { ScanSensor } from '../src/domain/sensor/ScanSensor.ts';
import type { Cuboid } from '../src/domain/types.ts';

/** The one cache this worker declares: the checker of the frame being annotated. */
let current: FrameChecker | null = null;

export interface SetFrameSummary {
  frameId: string;
  points: number;
  /** Obstacle clusters found in the frame. */
  clusters: number;
  /** Time spent deriving the frame data (grid, ground, clusters), milliseconds. */
  ms: number;
}

export interface CheckRunSummary extends FrameCheckRun {
  /** Time spent in this check call, milliseconds. */
  ms: number;
}

const api = {
  /**
   * Makes `frameId` the current frame. Transfer `positions` (x y z interleaved, LiDAR frame,
   * metres): the worker keeps it, with the point grid, the ground estimate and the obstacle
   * clusters, until the next `setFrame`. `labelRegion` is the annotated part of the scan;
   * `sensor` the scan's sensor model when the point-cloud worker already read it (else read here).
   */
  setFrame(frameId: string, positions: Float32Array, labelRegion?: LabelRegion, sensor?: ScanSensor): SetFrameSummary {
    const t0 = performance.now();
    current = new FrameChecker(frameId, positions, { labelRegion, sensor });
    return {
      frameId,
      points: Math.floor(positions.length / 3),
      clusters: current.analysis.clusters.count,
      ms: performance.now() - t0,
    };
  },

  /**
   * Like `setFrame`, with the positions arriving on `port` from the point-cloud worker (no copy on the
   * page's main thread).
   */
  setFrameFromPort(frameId: string, port: MessagePort, labelRegion?: LabelRegion): Promise<SetFrameSummary> {
    return new Promise((resolve, reject) => {
      port.onmessage = (event: MessageEvent<{ frameId: string; positions: Float32Array; sensor?: ScanSensor }>) => {
        port.close();
        if (event.data.frameId !== frameId) {
          reject(new Error(`checks.worker: expected the points of frame ${frameId}, got ${event.data.frameId}`));
          return;
        }
        resolve(api.setFrame(frameId, event.data.positions, labelRegion, event.data.sensor));
      };
    });
  },

  /**
   * Checks the current frame's boxes (LiDAR frame). Incremental: pass the ids of the boxes just
   * edited as a hint; only they and their neighbours are re-checked. With `frameId`, refuses to
   * check boxes of another frame than the one set (a stale call after a frame switch).
   * `dismissed`: the frame's "not an object" places (BEV, metres); a change re-runs the frame
   * rules. `expectedTracks`: tracks of the frames around with no box here (`trackGap`); a change
   * re-runs the frame rules. Missed-object findings come back with `radius`, the BEV reach of their cluster.
   * @throws Error `checks.worker: ...` when no frame is set or `frameId` is not the current one
   */
  check(
    cuboids: Cuboid[],
    dictionary: EdgeCaseDictionary,
    changedIds?: string[],
    frameId?: string,
    dismissed?: DismissedRegion[],
    expectedTracks?: ExpectedTrackBox[],
  ): CheckRunSummary {
    if (current === null || (frameId !== undefined && current.frameId !== frameId)) {
      throw new Error(`checks.worker: frame "${frameId ?? '?'}" is not loaded (current: ${current?.frameId ?? 'none'}); call setFrame first`);
    }
    const t0 = performance.now();
    const run = current.check(cuboids, dictionary, changedIds, dismissed, expectedTracks);
    const clusters = current.analysis.clusters;
    const results = run.results.map((r) =>
      r.cuboidId === null && r.location !== null && r.radius === undefined ? withRadius(r, clusterRadiusAt(clusters, r.location[0], r.location[1])) : r,
    );
    return { ...run, results, ms: performance.now() - t0 };
  },

  /** Cross-frame checks over a sequence (frames in capture order); needs no point data. */
  checkSequence(frames: SequenceFrame[], dictionary: EdgeCaseDictionary): SequenceCheckResult[] {
    return runSequenceChecks(frames, dictionary);
  },

  /** Drops the current frame's data. */
  clearFrame(): void {
    current = null;
  },
};

function withRadius<T extends { radius?: number }>(r: T, radius: number | undefined): T {
  return radius === undefined ? r : { ...r, radius };
}

export type ChecksWorkerApi = typeof api;
expose(api);
