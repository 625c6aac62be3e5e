import type { Cuboid } from '../types.ts';
import type { DismissedRegion, ExpectedTrackBox, LabelRegion } from './CheckContext.ts';
import type { CheckResult } from './CheckResult.ts';
import { compareResults } from './CheckResult.ts';
import { countObjectPoints } from './countObjectPoints.ts';
import { createCheckContext } from './createCheckContext.ts';
import type { EdgeCaseDictionary } from './dictionary/EdgeCaseDictionary.ts';
import type { FrameAnalysis } from './frame/FrameAnalysis.ts';
import { analyzeFrame } from './frame/analyzeFrame.ts';
import type { AnalyzeFrameOptions } from './frame/analyzeFrame.ts';
import { candidatePairs } from './rules/candidatePairs.ts';
import { runChecks } from './runChecks.ts';

/** What one `FrameChecker.check` call did. */
export interface FrameCheckRun {
  frameId: string;
  /** Every result for the frame's current boxes, errors first. */
  results: CheckResult[];
  /** Ids of the boxes whose results were recomputed (all of them on a full run). */
  rechecked: string[];
  /** Whether the frame rules (unlabelled clusters) ran. */
  frameRules: boolean;
  /** Whether everything was recomputed (first run, new dictionary). */
  full: boolean;
}

/**
 * Boxes whose BEV circles come within twice this distance (metres) of a changed box are re-checked
 * with it (the fit rule follows an object up to 8 m beyond a box's faces).
 */
const NEIGHBOUR_SLACK = 4;

/**
 * Keeps one frame's derived data (grid, ground, obstacle clusters) and the last results, and
 * re-runs the checks incrementally: after an edit only the changed boxes and their neighbours
 * (overlap partners, boxes whose fit may change) are re-checked, points are counted again only
 * for boxes that moved, and the frame rules run only when some box's geometry changed.
 * The results always equal those of a full `runChecks` over the same boxes.
 *
 * Positions: x y z interleaved, LiDAR frame, metres; kept by reference (not copied).
 */
export class FrameChecker {
  readonly frameId: string;
  readonly positions: Float32Array;
  readonly analysis: FrameAnalysis;
  readonly labelRegion: LabelRegion | undefined;
  private boxes = new Map<string, { cuboid: Cuboid; geometry: string; full: string; count: number }>();
  private results: CheckResult[] = [];
  private dictionaryKey: string | null = null;
  private dismissedKey = '[]';
  private tracksKey = '[]';

  constructor(frameId: string, positions: Float32Array, opts: AnalyzeFrameOptions & { labelRegion?: LabelRegion } = {}) {
    this.frameId = frameId;
    this.positions = positions;
    this.analysis = analyzeFrame(positions, opts);
    this.labelRegion = opts.labelRegion;
  }

  /**
   * Checks the frame's current boxes. `changedIds` is a hint (boxes the caller edited); changes
   * are also found by comparing with the previous call, so passing nothing is always correct.
   * `dismissed`: the frame's "not an object" places (a change re-runs the frame rules);
   * `expectedTracks`: where the tracks of the frames around are expected here
   * (`expectedTrackBoxes`; a change re-runs everything).
   */
  check(
    cuboids: readonly Cuboid[],
    dictionary: EdgeCaseDictionary,
    changedIds: Iterable<string> = [],
    dismissed: readonly DismissedRegion[] = [],
    expectedTracks: readonly ExpectedTrackBox[] = [],
  ): FrameCheckRun {
    // Compared by content: a worker receives a fresh copy of the same dictionary on every call.
    const dictionaryKey = JSON.stringify(dictionary);
    const full = this.dictionaryKey !== dictionaryKey;
    const next = new Map<string, { cuboid: Cuboid; geometry: string; full: string; count: number }>();
    const changed = new Set<string>(changedIds);
    const moved: Cuboid[] = [];
    const movedOld: Cuboid[] = [];
    for (const cuboid of cuboids) {
      const geometry = JSON.stringify([cuboid.center, cuboid.size, cuboid.yaw]);
      const whole = JSON.stringify([geometry, cuboid.label, cuboid.attributes, cuboid.trackId]);
      const prev = this.boxes.get(cuboid.id);
      if (prev === undefined || prev.geometry !== geometry) {
        moved.push(cuboid);
        if (prev !== undefined) movedOld.push(prev.cuboid);
        changed.add(cuboid.id);
        next.set(cuboid.id, { cuboid, geometry, full: whole, count: -1 });
      } else {
        if (prev.full !== whole) changed.add(cuboid.id);
        next.set(cuboid.id, { cuboid, geometry, full: whole, count: prev.count });
      }
    }
    const removed: Cuboid[] = [];
    for (const [id, prev] of this.boxes) if (!next.has(id)) removed.push(prev.cuboid);

    if (moved.length > 0) {
      const counts = countObjectPoints(this.positions, moved, this.analysis.grid);
      moved.forEach((c, k) => {
        next.get(c.id)!.count = counts[k];
      });
    }
    const geometryChanged = moved.length > 0 || removed.length > 0;
    // Where the tracks are expected is read by a box rule too (`offTrack`): a change re-checks every box.
    const tracksKey = JSON.stringify(expectedTracks);
    const tracksChanged = tracksKey !== this.tracksKey;
    this.tracksKey = tracksKey;
    const affected = full || tracksChanged ? null : this.affected(cuboids, changed, [...movedOld, ...removed]);
    this.boxes = next;
    this.dictionaryKey = dictionaryKey;
    const dismissedKey = JSON.stringify(dismissed);
    const dismissedChanged = dismissedKey !== this.dismissedKey;
    this.dismissedKey = dismissedKey;

    const pointCounts = Uint32Array.from(cuboids, (c) => next.get(c.id)!.count);
    const ctx = createCheckContext({
      frameId: this.frameId,
      positions: this.positions,
      cuboids,
      dictionary,
      analysis: this.analysis,
      labelRegion: this.labelRegion,
      dismissed,
      expectedTracks,
      pointCounts,
    });
    const frameRules = full || geometryChanged || dismissedChanged || tracksChanged;
    if (affected === null) {
      this.results = runChecks(ctx);
      return { frameId: this.frameId, results: this.results, rechecked: cuboids.map((c) => c.id), frameRules, full: true };
    }
    const fresh = affected.size > 0 || frameRules ? runChecks(ctx, { only: affected, frameRules }) : [];
    const kept = this.results.filter((r) => (r.cuboidId === null ? !frameRules : next.has(r.cuboidId) && !affected.has(r.cuboidId)));
    this.results = [...kept, ...fresh].sort(compareResults);
    return { frameId: this.frameId, results: this.results, rechecked: [...affected], frameRules, full: false };
  }

  /** Changed boxes plus every box near a changed box's new or old place. */
  private affected(cuboids: readonly Cuboid[], changed: Set<string>, oldPlaces: Cuboid[]): Set<string> {
    const affected = new Set<string>();
    if (changed.size === 0 && oldPlaces.length === 0) return affected;
    const all: Cuboid[] = [...cuboids, ...oldPlaces];
    const n = cuboids.length;
    const isSource = (k: number): boolean => k >= n || changed.has(all[k].id);
    for (const id of changed) affected.add(id);
    for (const [i, j] of candidatePairs(all, isSource, NEIGHBOUR_SLACK)) {
      if (i < n && isSource(j)) affected.add(all[i].id);
      if (j < n && isSource(i)) affected.add(all[j].id);
    }
    const present = new Set(cuboids.map((c) => c.id));
    for (const id of affected) if (!present.has(id)) affected.delete(id);
    return affected;
  }
}
