import { buildPointGrid } from '../geometry/PointGrid.ts';
import type { PointGrid } from '../geometry/PointGrid.ts';
import type { GroundModel } from '../geometry/estimateGround.ts';
import type { Cuboid } from '../types.ts';
import type { CheckContext, DismissedRegion, ExpectedTrackBox, LabelRegion } from './CheckContext.ts';
import { countObjectPoints } from './countObjectPoints.ts';
import type { EdgeCaseDictionary } from './dictionary/EdgeCaseDictionary.ts';
import { defaultDictionary } from './dictionary/defaultDictionary.ts';
import type { FrameAnalysis } from './frame/FrameAnalysis.ts';

export interface CreateCheckContextInput {
  frameId: string;
  /** x y z interleaved, LiDAR frame, metres. */
  positions: Float32Array;
  /** LiDAR-frame boxes. */
  cuboids: readonly Cuboid[];
  /** Default: the built-in KITTI dictionary. */
  dictionary?: EdgeCaseDictionary;
  grid?: PointGrid;
  ground?: GroundModel;
  analysis?: FrameAnalysis;
  labelRegion?: LabelRegion;
  /** "Not an object" places of the frame (BEV, metres): no missed-object finding inside them. */
  dismissed?: readonly DismissedRegion[];
  /** A beam (ring / laser id) per point when the file has one (`ringOf`). */
  ring?: ArrayLike<number>;
  /** Tracks of the frames around with no box here (`expectedTrackBoxes`). */
  expectedTracks?: readonly ExpectedTrackBox[];
  /** Object points per box when already known (`countObjectPoints`, same order as `cuboids`). */
  pointCounts?: Uint32Array;
}

/**
 * Builds a check context: reuses the analysis's grid (or builds one) and counts the object
 * points of every box once (`countObjectPoints`: points in the box above its bottom 0.2 m). The frame analysis itself is left to
 * `runChecks`, which builds it only when a rule needs it.
 */
export function createCheckContext(input: CreateCheckContextInput): CheckContext {
  const grid = input.grid ?? input.analysis?.grid ?? buildPointGrid(input.positions);
  const pointCounts = input.pointCounts ?? countObjectPoints(input.positions, input.cuboids, grid);
  return {
    frameId: input.frameId,
    positions: input.positions,
    grid,
    ground: input.ground,
    cuboids: input.cuboids,
    pointCounts,
    dictionary: input.dictionary ?? defaultDictionary,
    analysis: input.analysis,
    labelRegion: input.labelRegion,
    ...(input.dismissed !== undefined && input.dismissed.length > 0 ? { dismissed: input.dismissed } : {}),
    ...(input.ring !== undefined ? { ring: input.ring } : {}),
    ...(input.expectedTracks !== undefined && input.expectedTracks.length > 0 ? { expectedTracks: input.expectedTracks } : {}),
  };
}
