import { isPointInCuboid } from '../../domain/geometry/isPointInCuboid.ts';
import { insideSliceCrop, isUnlimited, sliceCropLimits } from '../../domain/pointcloud/sliceAndCrop.ts';
import type { AppState } from '../../state/AppState.ts';
import { isBoxHidden } from '../../state/visibilitySelectors.ts';
import type { Point3 } from '../ToolEvent.ts';

/** Margin (metres) around a hidden box within which a point counts as its object's. */
const HIDDEN_BOX_MARGIN = 0.2;

/**
 * Why nothing may be fitted or placed at `point` (LiDAR frame, metres): it lies in a box the user
 * has hidden (by class or alone: the fit would box that object again, out of sight, as a
 * duplicate), or, with `sliceCrop` (a fitted box's centre), outside the height slice or range
 * crop (points nobody can see). Null when the point is in view.
 */
export function hiddenAtPoint(state: AppState, point: Readonly<Point3>, sliceCrop = true): string | null {
  const v = state.visibility;
  const [x, y, z] = point;
  const hidden = state.doc?.cuboids.find((c) => isBoxHidden(v, c) && isPointInCuboid(x, y, z, c, HIDDEN_BOX_MARGIN));
  if (hidden !== undefined) {
    const how = v.hiddenClasses.includes(hidden.label) ? `its class ${hidden.label} is hidden` : 'it is hidden in the object list';
    return `That object already has a box, and ${how}: show it (Visibility or the object list) to see or change it.`;
  }
  const limits = sliceCropLimits(v.heightSlice, v.rangeCrop);
  if (sliceCrop && !isUnlimited(limits) && !insideSliceCrop(x, y, z, limits)) {
    return 'The object there lies outside the height slice or range crop: nothing is fitted to points you cannot see. Widen or clear them in Visibility.';
  }
  return null;
}
