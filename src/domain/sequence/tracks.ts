import type { Cuboid } from '../types.ts';
import { isKeyframe, needsAttention } from './trackAttributes.ts';

/**
 * A frame's boxes as the sequence functions read them; a `FrameAnnotation` fits. Boxes are in
 * the frame's own LiDAR frame.
 */
export interface FrameBoxes {
  frameId: string;
  cuboids: readonly Cuboid[];
}

/** One track of a sequence: a track id and where it has boxes. */
export interface TrackSummary {
  trackId: string;
  /** The most common label of its boxes (ties: the first seen). */
  label: string;
  /** Frames holding a box of the track, in sequence order. */
  frameIds: string[];
  /** Their positions in the input list (sequence order). */
  frameIndices: number[];
  /** Boxes of the track (a frame holding two boxes of one track counts both). */
  boxCount: number;
  /** Frames where the track's box is a keyframe. */
  keyframeIds: string[];
  /** Boxes marked for attention by propagation. */
  attentionCount: number;
  /** Frames where the track's box is marked for attention. */
  attentionIds: string[];
}

/**
 * Lists the tracks of a sequence. `frames`: every frame's boxes, in sequence order. Boxes with
 * a null track id belong to no track and are left out. Tracks come in order of first appearance
 * (frame, then box order).
 */
export function listTracks(frames: readonly FrameBoxes[]): TrackSummary[] {
  const byId = new Map<string, TrackSummary & { labels: Map<string, number> }>();
  frames.forEach((frame, index) => {
    for (const c of frame.cuboids) {
      if (c.trackId === null) continue;
      let t = byId.get(c.trackId);
      if (!t) {
        t = {
          trackId: c.trackId,
          label: c.label,
          frameIds: [],
          frameIndices: [],
          boxCount: 0,
          keyframeIds: [],
          attentionCount: 0,
          attentionIds: [],
          labels: new Map(),
        };
        byId.set(c.trackId, t);
      }
      if (t.frameIndices[t.frameIndices.length - 1] !== index) {
        t.frameIds.push(frame.frameId);
        t.frameIndices.push(index);
      }
      t.boxCount++;
      if (isKeyframe(c) && !t.keyframeIds.includes(frame.frameId)) t.keyframeIds.push(frame.frameId);
      if (needsAttention(c)) {
        t.attentionCount++;
        if (!t.attentionIds.includes(frame.frameId)) t.attentionIds.push(frame.frameId);
      }
      t.labels.set(c.label, (t.labels.get(c.label) ?? 0) + 1);
    }
  });
  return [...byId.values()].map(({ labels, ...t }) => {
    let label = t.label;
    let most = 0;
    for (const [name, n] of labels) {
      if (n > most) {
        most = n;
        label = name;
      }
    }
    return { ...t, label };
  });
}

/** The box of track `trackId` in a frame (the first, if the frame holds several), or undefined. */
export function findTrackBox(frame: FrameBoxes, trackId: string): Cuboid | undefined {
  return frame.cuboids.find((c) => c.trackId === trackId);
}

/** Ids of every box of track `trackId` in a frame (for selecting the track there). */
export function trackBoxIds(frame: FrameBoxes, trackId: string): string[] {
  return frame.cuboids.filter((c) => c.trackId === trackId).map((c) => c.id);
}

/** The track's box in each frame that has one: `{ index, frameId, box }` in sequence order. */
export function trackBoxes(frames: readonly FrameBoxes[], trackId: string): { index: number; frameId: string; box: Cuboid }[] {
  const out: { index: number; frameId: string; box: Cuboid }[] = [];
  frames.forEach((frame, index) => {
    const box = findTrackBox(frame, trackId);
    if (box) out.push({ index, frameId: frame.frameId, box });
  });
  return out;
}

/**
 * The track's keyframes nearest to the frame at `index`, not counting that frame: the last one
 * before it and the first one after it. Either may be null.
 */
export function nearestKeyframes(
  frames: readonly FrameBoxes[],
  trackId: string,
  index: number,
): { before: { index: number; box: Cuboid } | null; after: { index: number; box: Cuboid } | null } {
  let before: { index: number; box: Cuboid } | null = null;
  let after: { index: number; box: Cuboid } | null = null;
  for (const k of trackBoxes(frames, trackId)) {
    if (!isKeyframe(k.box)) continue;
    if (k.index < index) before = { index: k.index, box: k.box };
    if (k.index > index && after === null) after = { index: k.index, box: k.box };
  }
  return { before, after };
}

/**
 * The track's boxes in the (up to) `count` consecutive frames ending at `index`, oldest first,
 * for the motion model (`predictBox`): it stops at the first frame without a box.
 */
export function trackHistory(frames: readonly FrameBoxes[], trackId: string, index: number, count = 2): Cuboid[] {
  const out: Cuboid[] = [];
  for (let i = index; i >= 0 && i > index - count && i < frames.length; i--) {
    const box = findTrackBox(frames[i], trackId);
    if (!box) break;
    out.unshift(box);
  }
  return out;
}
