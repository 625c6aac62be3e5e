import type { PointGrid } from '../geometry/PointGrid.ts';
import type { GroundModel } from '../geometry/estimateGround.ts';
import type { CuboidShape } from '../geometry/CuboidShape.ts';
import type { Cuboid } from '../types.ts';
import type { CheckResult } from './CheckResult.ts';
import type { EdgeCaseDictionary } from './dictionary/EdgeCaseDictionary.ts';
import type { FrameAnalysis } from './frame/FrameAnalysis.ts';

/**
 * The part of the scan that was meant to be annotated, so that objects outside it are not
 * reported as missed (e.g. KITTI labels only the front camera's field of view).
 * Angles are azimuths in the LiDAR frame: radians, counter-clockwise from +x, in (−π, π].
 */
export interface LabelRegion {
  /** Annotated wedge [from, to] (counter-clockwise from `from` to `to`); everything when absent. */
  azimuth?: [number, number];
  /** Wedges inside the annotated one that are explicitly left out (KITTI DontCare). */
  ignoreAzimuths?: [number, number][];
  /** Farthest annotated BEV distance, metres. */
  maxRange?: number;
}

/**
 * A place an annotator (or reviewer) marked "not an object": a cluster there is scenery, and the
 * missed-object search and `N` leave it alone. LiDAR frame, metres (BEV centre and radius).
 */
export interface DismissedRegion {
  x: number;
  y: number;
  radius: number;
}

/**
 * Where a track's box is expected in this frame: bridged between its boxes in a frame before and a
 * frame after (`expectedTrackBoxes`), in this frame's LiDAR frame.
 */
export interface ExpectedTrackBox {
  trackId: string;
  /** The class of the track's box before the gap. */
  label: string;
  box: CuboidShape;
  /** Frame ids of the track's boxes either side. */
  before: string;
  after: string;
  /** Frames from the box before to the box after (2 when both are next to this frame). */
  span: number;
}

/**
 * Everything a rule may read. Pure data: rules never change it.
 *
 * `positions`: x y z interleaved, LiDAR frame, metres (NaN points allowed). `cuboids` in the
 * LiDAR frame. `pointCounts[i]` is the number of points in `cuboids[i]` above its bottom 0.2 m
 * (ground returns left out), computed once with `countObjectPoints` (one `pointsInCuboids` pass).
 */
export interface CheckContext {
  frameId: string;
  positions: Float32Array;
  /** Grid over `positions` (built by `createCheckContext` when absent). */
  grid?: PointGrid;
  /** The frame's ground (`estimateGround`); estimated by `analyzeFrame` when absent. */
  ground?: GroundModel;
  cuboids: readonly Cuboid[];
  pointCounts: Uint32Array;
  dictionary: EdgeCaseDictionary;
  /** Per-frame derived data (bounds, ground, obstacle clusters); built once per frame. */
  analysis?: FrameAnalysis;
  labelRegion?: LabelRegion;
  /** A beam (ring / laser id) per point when the file has one: the sensor model reads beams from it. */
  ring?: ArrayLike<number>;
  /** "Not an object" dismissals of this frame: no missed-object finding inside them. */
  dismissed?: readonly DismissedRegion[];
  /** Where the tracks of the frames around this one are expected here (`expectedTrackBoxes`); absent outside a sequence. */
  expectedTracks?: readonly ExpectedTrackBox[];
  /** When set, box and pair rules report only on these boxes (an incremental run). */
  only?: ReadonlySet<string>;
}

/** A check: a pure function of the context. One rule per file in `rules/`. */
export type Rule = (ctx: CheckContext) => CheckResult[];

/**
 * What a rule looks at, which decides when an incremental run must re-run it:
 * `box` rules depend on one box, `pair` rules on a box and its neighbours, `frame` rules on
 * every box's location at once.
 */
export type RuleScope = 'box' | 'pair' | 'frame';

export interface RuleDefinition {
  id: string;
  scope: RuleScope;
  /** One sentence for the SOP and `cuboid check --help`. */
  description: string;
  run: Rule;
}
