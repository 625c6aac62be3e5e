/**
 * One frame as the quality bench measures it: points, the clean ground-truth boxes, and what is
 * needed to judge findings and fits. Points and boxes share one frame (metres); the sensor need
 * not be at its origin.
 */
import type { LabelRegion } from '../../../src/domain/checks/CheckContext.ts';
import type { TrackWindowFrame } from '../../../src/domain/checks/expectedTrackBoxes.ts';
import type { Pose } from '../../../src/domain/poses/Pose.ts';
import type { Cuboid, Vec3 } from '../../../src/domain/types.ts';
import type { TruthSpot } from './defects.ts';

export interface QualityFrame {
  /** Unique within a run, e.g. `vlp16/h1.73/s1003f46` or `kitti/000001`. */
  id: string;
  positions: Float32Array;
  /** Beam (ring / laser id) per point, when the points carry one. */
  ring?: ArrayLike<number>;
  /** The boxes a careful annotator would have drawn (what the checks see when nothing is wrong). */
  boxes: Cuboid[];
  /** Per box: returns from the object itself (simulated), or points in the box above its bottom 0.2 m (real). */
  returns: number[];
  /** Per box: indices (into positions) of the object's points, for a click at a random object point. */
  objectPoints: Uint32Array[];
  /**
   * Where ground-truth objects are, labelled or not, and known non-objects (bollards, signs): a
   * missed-object finding there is not a false one.
   */
  spots: TruthSpot[];
  /** Non-objects among `spots` (BEV centre and radius), passed to the checks as dismissals. */
  dismissed: TruthSpot[];
  labelRegion?: LabelRegion;
  /** The sensor's optical centre in the points' frame, metres (for the record). */
  sensorOrigin: Vec3;
  /**
   * The frames just before and after this one with their labelled boxes (track ids), and this
   * frame's pose, when the frame is one of a sequence: deletions are then also tried with the
   * frames around given to the checks (`trackGap`).
   */
  sequence?: { before: TrackWindowFrame; after: TrackWindowFrame; pose: Pose | null };
}
