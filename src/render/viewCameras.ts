import { Vector3 } from 'three';
import type { Camera } from 'three';

/** Each mounted view's camera, by its element (two editors on a page each register their own). */
const views = new Map<HTMLElement, { view: string; camera: Camera }>();
const _v = new Vector3();

/**
 * Remembers a view's camera and element (for the e2e hook that aims the pointer at 3D points);
 * `camera` null forgets the element's view.
 */
export function registerView(view: string, camera: Camera | null, element: HTMLElement | null): void {
  if (!element) return;
  if (camera) views.set(element, { view, camera });
  else views.delete(element);
}

/**
 * Client (CSS pixel) coordinates of a LiDAR point in a view (default the main one) of the editor
 * inside `root` (default: the first on the page), or null when not visible.
 */
export function projectToView(point: [number, number, number], view = 'main', root: Node = document): [number, number] | null {
  let found: { camera: Camera; element: HTMLElement } | null = null;
  for (const [element, v] of views) {
    if (v.view === view && root.contains(element)) {
      found = { camera: v.camera, element };
      break;
    }
  }
  if (!found) return null;
  found.camera.updateMatrixWorld();
  _v.set(point[0], point[1], point[2]).project(found.camera);
  if (_v.z > 1 || _v.z < -1) return null;
  const r = found.element.getBoundingClientRect();
  return [r.left + ((_v.x + 1) / 2) * r.width, r.top + ((1 - _v.y) / 2) * r.height];
}
