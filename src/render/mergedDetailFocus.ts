/** Farthest reach of the view (metres: the camera's distance to its target, or half the top view's height) that asks for detail. */
export const FOCUS_REACH = 20;
/** The detail disc's radius: the reach, at least MIN_RADIUS and at most MAX_RADIUS (metres). */
const MIN_RADIUS = 8;
const MAX_RADIUS = 15;
/** Focus centres are rounded to this (metres), so a nudge of the view does not ask again. */
const STEP = 0.5;

/**
 * Where the main view looks closely: its orbit target (BEV) and a disc about as wide as the view
 * reaches there, or null when the view stands back farther than FOCUS_REACH (the budgeted merge
 * is detail enough at that scale). LiDAR frame, metres.
 */
export function focusOfView(view: { x: number; y: number; reach: number }): { x: number; y: number; radius: number } | null {
  if (!(view.reach <= FOCUS_REACH) || !Number.isFinite(view.x) || !Number.isFinite(view.y)) return null;
  return {
    x: Math.round(view.x / STEP) * STEP,
    y: Math.round(view.y / STEP) * STEP,
    radius: Math.round(Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, view.reach))),
  };
}
