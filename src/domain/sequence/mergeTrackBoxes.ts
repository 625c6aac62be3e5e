import type { Cuboid } from '../types.ts';
import type { FrameAnnotation } from '../document/FrameAnnotation.ts';
import { newCuboidId } from '../document/cuboidOps.ts';
import { iouBev } from '../geometry/iou.ts';
import { isKeyframe } from './trackAttributes.ts';

/** Bird's-eye IoU above which a carried box and a box without a track are the same object. */
export const ADOPT_IOU = 0.3;

export interface MergeTrackBoxesResult {
  /** The document with the boxes merged (the same object when nothing changed). */
  doc: FrameAnnotation;
  /** The boxes now in `doc` for the given tracks: the merged ones, or the kept keyframes. */
  boxes: Cuboid[];
  /** Track ids whose box in `doc` is a keyframe and was kept as it is. */
  keptKeyframes: string[];
  /** Track ids that found the object already boxed (no track yet) and took that box over as it is. */
  adopted: string[];
}

export interface MergeTrackBoxesOptions {
  /**
   * Whether a box of the document counts as "without a track" and may join a carried track.
   * Default: its track id is null. The app passes one that also takes boxes whose track has no
   * box in any other frame (every box made in the app gets a track id of its own).
   */
  joinable?: (c: Cuboid) => boolean;
  /**
   * "Lock size across track": a box that joins a track takes the track's size (the carried box's),
   * about its own centre, its heading kept. Default false: it joins as it is.
   */
  lockSize?: boolean;
}

/**
 * Puts boxes carried from another frame into a frame's document, one per track: a box replaces
 * the document's box of the same track (taking over its id, so selection and review flags stay
 * attached), or is appended when the track has none there (with a fresh id if its id is taken). A keyframe in the document is the
 * annotator's word and is never replaced. When the track has no box there but a box without a
 * track (`options.joinable`) covers the same object (bird's-eye IoU ≥ 0.3, the best one), that box joins the track as
 * it is (an imported or hand-made box is the annotator's word too; with `options.lockSize` it takes
 * the track's size) instead of a duplicate being added. Boxes without a track id are appended as they are.
 */
export function mergeTrackBoxes(doc: FrameAnnotation, incoming: readonly Cuboid[], options: MergeTrackBoxesOptions = {}): MergeTrackBoxesResult {
  const joinable = options.joinable ?? ((c: Cuboid) => c.trackId === null);
  // A box of a track being carried is that track's own, never another's to take over.
  const incomingTracks = new Set(incoming.flatMap((b) => (b.trackId === null ? [] : [b.trackId])));
  let cuboids = doc.cuboids;
  const boxes: Cuboid[] = [];
  const keptKeyframes: string[] = [];
  const adopted: string[] = [];
  for (const box of incoming) {
    const at = box.trackId === null ? -1 : cuboids.findIndex((c) => c.trackId === box.trackId);
    const same =
      at < 0 && box.trackId !== null ? sameObjectWithoutTrack(cuboids, box, (c) => (c.trackId === null || !incomingTracks.has(c.trackId)) && joinable(c)) : -1;
    if (same >= 0) {
      const joined = { ...cuboids[same], trackId: box.trackId, ...(options.lockSize === true ? { size: [...box.size] as Cuboid['size'] } : {}) };
      cuboids = cuboids.map((c, i) => (i === same ? joined : c));
      adopted.push(box.trackId as string);
      boxes.push(joined);
      continue;
    }
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
  return { doc: cuboids === doc.cuboids ? doc : { ...doc, cuboids }, boxes, keptKeyframes, adopted };
}

/** Index of the joinable box that overlaps `box` most (bird's-eye IoU ≥ ADOPT_IOU), or -1. */
function sameObjectWithoutTrack(cuboids: readonly Cuboid[], box: Cuboid, joinable: (c: Cuboid) => boolean): number {
  let best = -1;
  let bestIou = ADOPT_IOU;
  cuboids.forEach((c, i) => {
    if (!joinable(c)) return;
    const iou = iouBev(c, box);
    if (iou >= bestIou) {
      best = i;
      bestIou = iou;
    }
  });
  return best;
}
