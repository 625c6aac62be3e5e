import type { CheckResult } from '../domain/checks/CheckResult.ts';
import { createCuboid } from '../domain/document/cuboidOps.ts';
import type { ToolContext } from '../tools/ToolContext.ts';
import { commitNewCuboid } from '../tools/toolHelpers.ts';

/**
 * A track gap's box (`trackGap`): the track's box where the frames around put it, with the track's
 * id, class and size, committed as one undo step and selected for the annotator to adjust.
 * Returns the new box id, or null when the frame may not be edited (the lock has said why) or the
 * result is not a track gap.
 */
export function placeTrackBox(ctx: ToolContext, result: CheckResult): string | null {
  if (result.track === undefined) return null;
  const { trackId, box } = result.track;
  const label = result.suggestedLabel ?? ctx.store.getState().classes.current;
  const cuboid = createCuboid({ label, center: box.center, size: box.size, yaw: box.yaw, trackId, source: 'manual' });
  return commitNewCuboid(ctx, cuboid) ? cuboid.id : null;
}
