import { Vector3 } from 'three';
import type { Camera } from 'three';

let camera: Camera | null = null;
let element: HTMLElement | null = null;
const _v = new Vector3();

/** Remembers the main view's camera and element (for the e2e hook that aims clicks at 3D points). */
export function registerMainView(cam: Camera | null, el: HTMLElement | null): void {
  camera = cam;
  element = el;
}

/** Client (CSS pixel) coordinates of a LiDAR point in the main view, or null when not visible. */
export function projectToMainView(point: [number, number, number]): [number, number] | null {
  if (!camera || !element) return null;
  camera.updateMatrixWorld();
  _v.set(point[0], point[1], point[2]).project(camera);
  if (_v.z > 1 || _v.z < -1) return null;
  const r = element.getBoundingClientRect();
  return [r.left + ((_v.x + 1) / 2) * r.width, r.top + ((1 - _v.y) / 2) * r.height];
}
