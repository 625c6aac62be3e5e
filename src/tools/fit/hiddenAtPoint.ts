import { isPointInCuboid } from '../../domain/geometry/isPointInCuboid.ts';
import { isUnlimited, sliceCropLimits, type SliceCropLimits } from '../../domain/pointcloud/sliceAndCrop.ts';
import type { Cuboid } from '../../domain/types.ts';
import type { AppState } from '../../state/AppState.ts';
import { isBoxHidden } from '../../state/visibilitySelectors.ts';
import type { Point3 } from '../ToolEvent.ts';

/** Margin (metres) around a hidden box within which a point counts as its object's. */
const HIDDEN_BOX_MARGIN = 0.2;

/**
 * Why nothing may be fitted or placed at `point` (LiDAR frame, metres): it lies in a box the user
 * has hidden (by class or alone: the fit would box that object again, out of sight, as a
 * duplicate), or, given the fitted `box`, that box lies wholly outside the height slice or the
 * range crop (points nobody can see; a box the slice or crop cuts through is in view). Null when
 * it is in view.
 */
export function hiddenAtPoint(state: AppState, point: Readonly<Point3>, box?: Pick<Cuboid, 'center' | 'size'>): string | null {
  const v = state.visibility;
  const [x, y, z] = point;
  const hidden = state.doc?.cuboids.find((c) => isBoxHidden(v, c) && isPointInCuboid(x, y, z, c, HIDDEN_BOX_MARGIN));
  if (hidden !== undefined) {
    const how = v.hiddenClasses.includes(hidden.label) ? `its class ${hidden.label} is hidden` : 'it is hidden in the object list';
    return `That object already has a box, and ${how}: show it (Visibility or the object list) to see or change it.`;
  }
  const limits = sliceCropLimits(v.heightSlice, v.rangeCrop);
  if (box !== undefined && !isUnlimited(limits) && !boxMeetsSliceCrop(box, limits)) {
    return 'The object there lies wholly outside the height slice or range crop: nothing is fitted to points you cannot see. Widen or clear them in Visibility.';
  }
  return null;
}

/** Whether any part of `box` is within the slice's heights and the crop's ranges (its footprint taken as a disc). */
function boxMeetsSliceCrop(box: Pick<Cuboid, 'center' | 'size'>, limits: SliceCropLimits): boolean {
  const [cx, cy, cz] = box.center;
  const [l, w, h] = box.size;
  const reach = Math.hypot(l, w) / 2;
  const r = Math.hypot(cx, cy);
  return cz + h / 2 >= limits.zMin && cz - h / 2 <= limits.zMax && r + reach >= limits.rMin && r - reach <= limits.rMax;
}
