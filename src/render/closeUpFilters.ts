import type { Cuboid } from '../domain/types.ts';
import type { VisibilitySlice } from '../state/slices/visibilitySlice.ts';
import { isBoxHidden } from '../state/visibilitySelectors.ts';
import type { NearFilters } from '../domain/geometry/hiddenMask.ts';

/**
 * The ground and hidden-box filters as the worker applies them to the points it gathers for the
 * close-ups (`pointsNearBox`), with a key that changes only when their outcome can: whether the
 * ground is hidden, and, while a box or class is hidden, every box's place, size, heading and
 * hidden flag. Undefined when neither filter is on (nothing to ask the worker for). The height
 * slice and range crop are not here: every view's shader applies those.
 */
export function closeUpFilters(
  cuboids: readonly Cuboid[],
  visibility: Pick<VisibilitySlice['visibility'], 'hideGround' | 'hiddenClasses' | 'hiddenBoxIds'>,
): { filters: NearFilters | undefined; key: string } {
  const anyHidden = visibility.hiddenClasses.length > 0 || visibility.hiddenBoxIds.length > 0;
  const boxes = anyHidden ? cuboids : [];
  const hidden = boxes.map((c) => isBoxHidden(visibility as VisibilitySlice['visibility'], c));
  if (!visibility.hideGround && !hidden.some(Boolean)) return { filters: undefined, key: '' };
  const key =
    `${visibility.hideGround ? 'g' : ''}|` + boxes.map((c, k) => `${hidden[k] ? 'h' : 's'}${c.center.join(',')}:${c.size.join(',')}:${c.yaw}`).join('|');
  return {
    filters: { ground: visibility.hideGround, boxes: boxes.map((c) => ({ center: c.center, size: c.size, yaw: c.yaw })), hidden },
    key,
  };
}
