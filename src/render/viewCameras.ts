import { Vector3 } from 'three';
import type { Camera } from 'three';

const views = new Map<string, { camera: Camera; element: HTMLElement }>();
const _v = new Vector3();

/** Remembers a view's camera and element (for the e2e hook that aims the pointer at 3D points). */
export function registerView(view: string, camera: Camera | null, element: HTMLElement | null): void {
  if (camera && element) views.set(view, { camera, element });
  else views.delete(view);
}

/** Client (CSS pixel) coordinates of a LiDAR point in a view (default the main one), or null when not visible. */
export function projectToView(point: [number, number, number], view = 'main'): [number, number] | null {
  const v = views.get(view);
  if (!v) return null;
  v.camera.updateMatrixWorld();
  _v.set(point[0], point[1], point[2]).project(v.camera);
  if (_v.z > 1 || _v.z < -1) return null;
  const r = v.element.getBoundingClientRect();
  return [r.left + ((_v.x + 1) / 2) * r.width, r.top + ((1 - _v.y) / 2) * r.height];
}
