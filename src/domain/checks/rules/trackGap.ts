import type { CuboidShape } from '../../geometry/CuboidShape.ts';
import { iouBev } from '../../geometry/iou.ts';
import { isPointInAnyCuboid } from '../../geometry/isPointInCuboid.ts';
import { pointsInCuboids } from '../../geometry/pointsInCuboids.ts';
import type { CheckContext, ExpectedTrackBox, Rule } from '../CheckContext.ts';
import type { CheckResult, Severity } from '../CheckResult.ts';
import { GROUND_SLAB } from '../countObjectPoints.ts';
import { fmt } from '../formatNumber.ts';
import { inLabelRegion, isDismissed } from './missedObjectRegion.ts';
import { trackName } from '../../sequence/trackName.ts';

/** Metres added to each side of the bridged box: a track's motion between its boxes is not exactly linear. */
const REACH = 0.3;
/** Unboxed returns in the bridged box from which its absence is an error, a warning; fewer: info. */
const ERROR_RETURNS = 10;
const WARN_RETURNS = 5;
/** A box of this frame that covers this much of the bridged box (BEV IoU) is the track's object under another id. */
const TAKEN_IOU = 0.25;

/**
 * A track has a box in a frame before this one and in a frame after (within five each way) but none
 * here (`ctx.expectedTracks`, bridged as `I` interpolates; a track that has a box in this frame's
 * boxes is skipped, so the list may be the bridges of every track around): a box deleted or never
 * drawn in the middle of a track. Reported at the bridged box's centre, with its class as `suggestedLabel`, when it
 * lies in the annotated region, outside "not an object" dismissals, and no box of this frame already
 * covers it (that is the same object under another track id, for the sequence rules). Severity
 * from the returns in the bridged box, grown by 0.3 m, above its bottom 0.2 m and in no other box:
 * an error from 10 (the object is there), a warning from 5, else info (hidden, or it was boxed
 * where nothing showed it).
 */
export const trackGap: Rule = (ctx) => {
  const expected = ctx.expectedTracks ?? [];
  if (expected.length === 0) return [];
  const origin = ctx.analysis?.sensor.origin ?? [0, 0, 0];
  const out: CheckResult[] = [];
  for (const e of expected) {
    if (ctx.cuboids.some((c) => c.trackId === e.trackId)) continue;
    const [x, y] = e.box.center;
    if (!inLabelRegion(ctx.labelRegion, x - origin[0], y - origin[1], Math.hypot(x - origin[0], y - origin[1]))) continue;
    if (isDismissed(ctx, x, y)) continue;
    if (ctx.cuboids.some((c) => iouBev(c, e.box) >= TAKEN_IOU)) continue;
    const returns = unboxedReturns(ctx, e.box);
    const severity: Severity = returns >= ERROR_RETURNS ? 'error' : returns >= WARN_RETURNS ? 'warning' : 'info';
    out.push({
      ruleId: 'trackGap',
      severity,
      cuboidId: null,
      location: [e.box.center[0], e.box.center[1], e.box.center[2]],
      message: message(e, returns),
      dictionaryEntry: 'track-continuity',
      suggestedLabel: e.label,
      confidence: returns >= ERROR_RETURNS ? 0.9 : returns >= WARN_RETURNS ? 0.6 : 0.3,
      radius: Math.hypot(e.box.size[0], e.box.size[1]) / 2,
      track: { trackId: e.trackId, box: e.box },
    });
  }
  return out;
};

/** Returns in the box grown by REACH, above its bottom slab, that no box of the frame holds. */
function unboxedReturns(ctx: CheckContext, box: CuboidShape): number {
  // From the box's bottom slab up to REACH over its top.
  const h = Math.max(box.size[2] - GROUND_SLAB, 0.1) + REACH;
  const grown: CuboidShape = {
    center: [box.center[0], box.center[1], box.center[2] - box.size[2] / 2 + GROUND_SLAB + h / 2],
    size: [box.size[0] + 2 * REACH, box.size[1] + 2 * REACH, h],
    yaw: box.yaw,
  };
  const inside = pointsInCuboids(ctx.positions, [grown], { grid: ctx.grid }).indices[0];
  const margin = ctx.dictionary.settings.fitMargin;
  const near = ctx.cuboids.filter(
    (c) =>
      Math.hypot(c.center[0] - box.center[0], c.center[1] - box.center[1]) <
      (Math.hypot(c.size[0], c.size[1]) + Math.hypot(grown.size[0], grown.size[1])) / 2 + margin,
  );
  const p = ctx.positions;
  let n = 0;
  for (const i of inside) if (!isPointInAnyCuboid(p[3 * i], p[3 * i + 1], p[3 * i + 2], near, margin)) n++;
  return n;
}

function message(e: ExpectedTrackBox, returns: number): string {
  const gap = `${trackName(e.trackId)} (${e.label}) has a box in frames ${e.before} and ${e.after} but none here`;
  if (returns >= WARN_RETURNS) return `Missed box? ${gap}; ${returns} returns lie where it would be (${fmt(e.box.center[0], 1)}, ${fmt(e.box.center[1], 1)})`;
  return `${gap}; ${returns === 0 ? 'no return lies' : `only ${returns} returns lie`} where it would be (hidden or out of sight?)`;
}
