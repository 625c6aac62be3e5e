import type { Cuboid } from '../types.ts';

/**
 * Attribute names the sequence tools write on a cuboid (`Cuboid.attributes`, booleans). They are
 * plain attributes so that the document schema, undo and the server need nothing new.
 */

/** `true` on a box the annotator fixed by hand: interpolation runs between keyframes. */
export const KEYFRAME_ATTRIBUTE = 'keyframe';

/**
 * `true` on a box that propagation could not re-fit (too few points, or the fit landed too far
 * from the prediction): it holds the predicted box and the UI asks the annotator to check it.
 */
export const NEEDS_ATTENTION_ATTRIBUTE = 'needsAttention';

/** Whether the box is a keyframe of its track. */
export function isKeyframe(box: Pick<Cuboid, 'attributes'>): boolean {
  return box.attributes[KEYFRAME_ATTRIBUTE] === true;
}

/** Whether the box is marked for attention by propagation. */
export function needsAttention(box: Pick<Cuboid, 'attributes'>): boolean {
  return box.attributes[NEEDS_ATTENTION_ATTRIBUTE] === true;
}
