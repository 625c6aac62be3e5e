/** What a camera shows around a point, enough to turn pixels into metres there. */
export type ViewAt =
  /** Orthographic: the frustum's height in world units (`(top − bottom) / zoom`). */
  | { kind: 'ortho'; worldHeight: number; pixelHeight: number }
  /** Perspective: vertical field of view (degrees) and the point's depth in front of the camera (metres). */
  | { kind: 'perspective'; fovDeg: number; depth: number; pixelHeight: number };

/** Metres per CSS pixel at a point of the view (0 when the view has no size). */
export function metresPerPixel(view: ViewAt): number {
  if (view.pixelHeight <= 0) return 0;
  const worldHeight = view.kind === 'ortho' ? view.worldHeight : 2 * Math.max(0, view.depth) * Math.tan((view.fovDeg * Math.PI) / 360);
  return worldHeight / view.pixelHeight;
}

/** Bounds of the scale `screenScale` returns, so a marker never vanishes nor fills a far view. */
const MIN_SCALE = 0.02;
const MAX_SCALE = 50;

/**
 * The scale that draws a marker modelled `modelHeight` metres tall as `pixels` CSS pixels tall,
 * wherever the camera is and however far it is zoomed (pins, the sensor axes): a close-up of a
 * box no longer shows a 2.6 m pin towering over it, nor does a zoomed-out street lose it.
 */
export function screenScale(view: ViewAt, pixels: number, modelHeight: number): number {
  const mpp = metresPerPixel(view);
  if (!(mpp > 0) || !(modelHeight > 0)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, (pixels * mpp) / modelHeight));
}
