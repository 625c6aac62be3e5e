import type { Pose } from '../poses/Pose.ts';
import { interpolateSegment } from '../sequence/interpolateSegment.ts';
import type { Cuboid } from '../types.ts';
import type { ExpectedTrackBox } from './CheckContext.ts';

/** One frame of a sequence around the checked one: its tracked boxes (own LiDAR frame) and ego pose when known. */
export interface TrackWindowFrame {
  frameId: string;
  /** The frame's boxes (those without a track id are ignored). */
  cuboids: readonly Cuboid[];
  /** LiDAR → world; when every frame from one box to the other has one, the gap is bridged in the world frame. */
  pose?: Pose | null;
}

/** Farthest a track's boxes on either side may be (frames) for the frame between them to be a gap. */
export const TRACK_GAP_REACH = 5;

/**
 * The frames a track gap at `at` is judged over: `[lo, hi]` (inclusive) reaching `reach` frames
 * each way, stopped at the first frame of another sequence (`sequences`, one per frame in order).
 */
export function trackWindow(sequences: readonly string[], at: number, reach = TRACK_GAP_REACH): [number, number] {
  let lo = at;
  let hi = at;
  while (lo > 0 && at - lo < reach && sequences[lo - 1] === sequences[at]) lo--;
  while (hi < sequences.length - 1 && hi - at < reach && sequences[hi + 1] === sequences[at]) hi++;
  return [lo, hi];
}

/**
 * Where the frame at `index` should have each track's box, from the frames around it: every track
 * with a box in one of the `reach` frames before `index` and one of the `reach` frames after (the
 * nearest of each is taken), bridged between those two as the `I` key interpolates
 * (`interpolateSegment`: through the world frame when all frames between have poses, else
 * linearly in the sensor frames), in the checked frame's LiDAR frame. Whether the frame holds the
 * track is for the rules (`trackGap` for those it lacks, `offTrack` for those it holds). `frames`
 * are one sequence in capture order. A track that ends or starts at a frame has no bridge there.
 */
export function expectedTrackBoxes(frames: readonly TrackWindowFrame[], index: number, reach = TRACK_GAP_REACH): ExpectedTrackBox[] {
  if (frames[index] === undefined) return [];
  const nearest = (step: -1 | 1): Map<string, { index: number; frameId: string; box: Cuboid }> => {
    const found = new Map<string, { index: number; frameId: string; box: Cuboid }>();
    for (let k = index + step; k >= 0 && k < frames.length && Math.abs(k - index) <= reach; k += step) {
      for (const c of frames[k].cuboids) {
        if (c.trackId === null || c.trackId === '' || found.has(c.trackId)) continue;
        found.set(c.trackId, { index: k, frameId: frames[k].frameId, box: c });
      }
    }
    return found;
  };
  const before = nearest(-1);
  const after = nearest(1);
  const poses = frames.map((f) => f.pose ?? null);
  const out: ExpectedTrackBox[] = [];
  for (const [trackId, a] of before) {
    const b = after.get(trackId);
    if (b === undefined) continue;
    const bridged = interpolateSegment({ index: a.index, box: a.box }, { index: b.index, box: b.box }, {}, poses).find((x) => x.index === index);
    if (bridged === undefined) continue;
    out.push({ trackId, label: a.box.label, box: bridged.box, before: a.frameId, after: b.frameId, span: b.index - a.index });
  }
  return out.sort((p, q) => p.trackId.localeCompare(q.trackId));
}
