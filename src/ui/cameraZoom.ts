/**
 * The camera panel's zoom: the image drawn `scale` times its fitted size, shifted by (`x`, `y`)
 * CSS pixels (the image's top-left corner relative to the panel's). At scale 1 it fits the panel.
 */
export interface ImageZoom {
  scale: number;
  x: number;
  y: number;
}

export const FIT: ImageZoom = { scale: 1, x: 0, y: 0 };
/** The most the image is magnified (a KITTI image 1242 px wide is then ~10,000 px across). */
export const MAX_ZOOM = 8;

/** `zoom` with the image kept over the whole panel (`width` × `height` CSS pixels): no gap shows at an edge. */
export function clampZoom(zoom: ImageZoom, width: number, height: number): ImageZoom {
  const scale = Math.min(MAX_ZOOM, Math.max(1, zoom.scale));
  const clamp = (v: number, size: number) => Math.min(0, Math.max(size * (1 - scale), v));
  return { scale, x: clamp(zoom.x, width), y: clamp(zoom.y, height) };
}

/** `zoom` scaled by `factor` about the panel point (`px`, `py`), which stays under the cursor (then clamped). */
export function zoomAbout(zoom: ImageZoom, factor: number, px: number, py: number, width: number, height: number): ImageZoom {
  const scale = Math.min(MAX_ZOOM, Math.max(1, zoom.scale * factor));
  const k = scale / zoom.scale;
  return clampZoom({ scale, x: px - (px - zoom.x) * k, y: py - (py - zoom.y) * k }, width, height);
}

/** `zoom` moved by (`dx`, `dy`) CSS pixels (a drag), clamped. */
export function panBy(zoom: ImageZoom, dx: number, dy: number, width: number, height: number): ImageZoom {
  return clampZoom({ scale: zoom.scale, x: zoom.x + dx, y: zoom.y + dy }, width, height);
}

/** The panel's width after a drag of its corner grip by (`dx`, `dy`) pixels (right and up grow it, left and down shrink it), within [min, max]. */
export function resizedWidth(start: number, dx: number, dy: number, aspect: number, min: number, max: number): number {
  // Whichever way the grip moved more: right / up grows, left / down shrinks.
  const up = -dy * aspect;
  const grow = Math.abs(dx) >= Math.abs(up) ? dx : up;
  return Math.round(Math.min(max, Math.max(min, start + grow)));
}
