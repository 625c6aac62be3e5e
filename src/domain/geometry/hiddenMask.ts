import type { CuboidShape } from './CuboidShape.ts';
import type { GroundModel } from './estimateGround.ts';
import { boxOfEachPoint } from './boxOfEachPoint.ts';
import { groundMask } from './groundMask.ts';

/** What the visibility filters hide besides the height slice and range crop (those are limits the shader tests). */
export interface HideFilters {
  /** The frame's ground model when the ground is hidden (`groundMask` decides what is ground). */
  ground?: GroundModel;
  /** Every shown box of the frame (LiDAR frame), and per box whether it is hidden (its class or itself). */
  boxes?: readonly CuboidShape[];
  hidden?: readonly boolean[];
}

/** The close-ups' filters as sent to the worker (`pointsNearBox`): hide the ground (the frame's own model), and the boxes flagged hidden among all shown boxes. */
export interface NearFilters {
  ground: boolean;
  boxes: CuboidShape[];
  hidden: boolean[];
}

/**
 * Which points the filters hide (1) among `positions` (x y z interleaved, LiDAR frame, metres;
 * NaN points 0): ground points when `ground` is given, and points whose box is hidden. A point's
 * box is the one `boxOfEachPoint` gives it (the smallest box it is in), so where a hidden box
 * overlaps a shown one the shared points stay shown, as in the overview. Null when nothing is
 * hidden by these filters (no ground model, no hidden box).
 *
 * @throws Error `hiddenMask: ...` when `hidden` does not have one entry per box.
 */
export function hiddenMask(positions: Float32Array, filters: HideFilters): Uint8Array | null {
  const boxes = filters.boxes ?? [];
  const hidden = filters.hidden ?? [];
  if (hidden.length !== boxes.length) throw new Error(`hiddenMask: ${hidden.length} hidden flags for ${boxes.length} boxes (one per box expected)`);
  const anyHiddenBox = hidden.some(Boolean);
  if (!filters.ground && !anyHiddenBox) return null;
  const out = filters.ground ? groundMask(positions, filters.ground) : new Uint8Array(Math.floor(positions.length / 3));
  if (anyHiddenBox) {
    const box = boxOfEachPoint(positions, boxes);
    for (let i = 0; i < box.length; i++) if (box[i] > 0 && hidden[box[i] - 1]) out[i] = 1;
  }
  return out;
}
