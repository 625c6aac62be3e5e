import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { FramePose } from '../domain/poses/Pose.ts';
import type { InterpolationSizeMode } from '../domain/sequence/interpolateTrack.ts';
import { planInterpolation, type InterpolationUpdate } from '../domain/sequence/planInterpolation.ts';
import { isKeyframe } from '../domain/sequence/trackAttributes.ts';

export interface BatchInterpolation {
  /** The keyframe pairs used, as frame ids (empty: no keyframe on one side). */
  segments: [string, string][];
  updates: InterpolationUpdate[];
}

/**
 * What interpolating track `trackId` around frame `index` of `frameIds` writes, reading documents
 * through `docAt` (the batch view's held documents, the open frame's from the store): from the
 * frame outwards to the nearest keyframe of the track on each side, then `planInterpolation` over
 * that stretch, in the world frame where every frame of it has a pose of the frame's sequence
 * (as the `I` key does in the main view).
 */
export async function planBatchInterpolation(
  frameIds: readonly string[],
  index: number,
  trackId: string,
  docAt: (frameId: string) => Promise<FrameAnnotation>,
  opts: { size: InterpolationSizeMode; poses: Record<string, FramePose> },
): Promise<BatchInterpolation> {
  const docs = new Map<number, FrameAnnotation>([[index, await docAt(frameIds[index])]]);
  const hasKey = (d: FrameAnnotation): boolean => d.cuboids.some((c) => c.trackId === trackId && isKeyframe(c));
  let lo = index;
  let hi = index;
  for (let j = index - 1; j >= 0; j--) {
    const d = await docAt(frameIds[j]);
    docs.set(j, d);
    lo = j;
    if (hasKey(d)) break;
  }
  for (let j = index + 1; j < frameIds.length; j++) {
    const d = await docAt(frameIds[j]);
    docs.set(j, d);
    hi = j;
    if (hasKey(d)) break;
  }
  const window: FrameAnnotation[] = [];
  for (let j = lo; j <= hi; j++) window.push(docs.get(j) as FrameAnnotation);
  const sequence = opts.poses[frameIds[index]]?.sequence;
  const poses = window.map((d) => {
    const p = opts.poses[d.frameId];
    return p !== undefined && p.sequence === sequence ? p.pose : null;
  });
  const plan = planInterpolation(window, trackId, index - lo, { size: opts.size, poses });
  return { segments: plan.segments.map(([a, b]) => [window[a].frameId, window[b].frameId]), updates: plan.updates };
}
