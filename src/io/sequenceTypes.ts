import type { Cuboid, Vec3 } from '../domain/types.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { PropagationStatus } from '../domain/sequence/propagateBox.ts';
import type { InterpolationSizeMode } from '../domain/sequence/interpolateTrack.ts';

/**
 * Work across the frames of a sequence that the sequence actions call but do not implement (the
 * app's implementation is `io/sequenceService.ts`: the server API for the other frames'
 * annotations, the point-cloud worker for their points; tests pass fakes).
 *
 * The open frame's document lives in the store and is saved by the autosave: the service never
 * saves it. What it computes for the open frame comes back in `current`, for the action to apply
 * as one undo step. All geometry is in each frame's own LiDAR frame: metres, radians.
 */
export interface SequenceService {
  /**
   * Carries `boxes` (from frame `fromFrameId`, every one with a track id) into each of the next
   * `nFrames` frames in turn, each step starting from the previous step's boxes: tracked and
   * re-fitted to that frame's points, then saved there (replacing the track's box, never a
   * keyframe). Stops early at the end of the sequence. One entry per frame written.
   * `onFrameSaved` is called as each frame is saved (so the frame list can follow at once).
   */
  propagate(
    fromFrameId: string,
    boxes: readonly Cuboid[],
    nFrames: number,
    options?: { lockSize?: boolean; onFrameSaved?: (frameId: string) => void },
  ): Promise<PropagationStep[]>;
  /**
   * Interpolates track `trackId` around the open frame (`currentDoc`) between its nearest
   * keyframes (see `planInterpolation`), saving the other frames in between.
   */
  interpolate(trackId: string, currentDoc: FrameAnnotation, options?: { size?: InterpolationSizeMode }): Promise<SequenceEditResult>;
  /** Gives every box of track `trackId` in the sequence the size `size` ([l, w, h], metres). */
  lockTrackSize(trackId: string, size: Vec3, currentDoc: FrameAnnotation): Promise<SequenceEditResult>;
}

/**
 * How a carried box got into its frame: see `PropagationStatus`; 'keyframe' = a keyframe was there
 * and kept; 'matched' = the object was already boxed (without a track) and that box joined the track.
 */
export type CarryStatus = PropagationStatus | 'keyframe' | 'matched';

export interface PropagationStep {
  frameId: string;
  /** The tracks' boxes now in that frame, in the order of the request's boxes. */
  boxes: Cuboid[];
  statuses: CarryStatus[];
}

export interface SequenceEditResult {
  /** Frames other than the open one whose annotation was saved. */
  savedFrameIds: string[];
  /** Boxes for the open frame (replacing its boxes of the same id or track), to apply in the store. */
  current: Cuboid[];
  /** Interpolation: the keyframe pairs used, as frame ids (empty: nothing to interpolate between). */
  segments: [string, string][];
}
