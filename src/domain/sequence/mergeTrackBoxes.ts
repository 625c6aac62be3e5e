import type { Cuboid } from '../types.ts';
import type { FrameAnnotation } from '../document/FrameAnnotation.ts';
import { newCuboidId } from '../document/cuboidOps.ts';
import { isKeyframe } from './trackAttributes.ts';

export interface MergeTrackBoxesResult {
  /** The document with the boxes merged (the same object when nothing changed). */
  doc: FrameAnnotation;
  /** The boxes now in `doc` for the given tracks: the merged ones, or the kept keyframes. */
  boxes: Cuboid[];
  /** Track ids whose box in `doc` is a keyframe and was kept as it is. */
  keptKeyframes: string[];
}

/**
 * Puts boxes carried from another frame into a frame's document, one per track: a box replaces
 * the document's box of the same track (taking over its id, so selection and review flags stay
 * attached), or is appended when the track has none there (with a fresh id if its id is taken). A keyframe in the document is the
 * annotator's word and is never replaced. Boxes without a track id are appended as they are.
 */
export function mergeTrackBoxes(doc: FrameAnnotation, incoming: readonly Cuboid[]): MergeTrackBoxesResult {
  let cuboids = doc.cuboids;
  const boxes: Cuboid[] = [];
  const keptKeyframes: string[] = [];
  for (const box of incoming) {
    const at = box.trackId === null ? -1 : cuboids.findIndex((c) => c.trackId === box.trackId);
    if (at < 0) {
      const added = cuboids.some((c) => c.id === box.id) ? { ...box, id: newCuboidId() } : box;
      cuboids = [...cuboids, added];
      boxes.push(added);
      continue;
    }
    const existing = cuboids[at];
    if (isKeyframe(existing)) {
      keptKeyframes.push(existing.trackId as string);
      boxes.push(existing);
      continue;
    }
    const replaced = { ...box, id: existing.id };
    cuboids = cuboids.map((c, i) => (i === at ? replaced : c));
    boxes.push(replaced);
  }
  return { doc: cuboids === doc.cuboids ? doc : { ...doc, cuboids }, boxes, keptKeyframes };
}
