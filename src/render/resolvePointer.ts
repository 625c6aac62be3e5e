import { Object3D, Plane, Raycaster, Vector2, Vector3 } from 'three';
import type { Camera } from 'three';
import type { Handle, Hit, Point3 } from '../tools/ToolEvent.ts';

const _raycaster = /* @__PURE__ */ new Raycaster();
const _ndc = /* @__PURE__ */ new Vector2();
const _hitPoint = /* @__PURE__ */ new Vector3();

export interface ResolvedPointer {
  hit: Hit;
  /** The cursor on the view's working plane (LiDAR frame, metres), or null if the ray misses it. */
  planePoint: Point3 | null;
  rayOrigin: Point3;
  rayDirection: Point3;
}

/**
 * Turns a cursor position into a tool hit: the nearest box handle or box body under the cursor,
 * and the cursor on `plane` (the ground for the main and top views, the plane through the
 * selected box for the side and front views). Only `targets` (boxes and handles, never the point
 * cloud) are raycast. Tools never raycast; this is where it happens.
 */
export function resolvePointer(clientX: number, clientY: number, rect: DOMRect, camera: Camera, targets: Object3D[], plane: Plane): ResolvedPointer {
  _ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
  _raycaster.setFromCamera(_ndc, camera);
  const hits = _raycaster.intersectObjects(targets, true);
  // A handle under the cursor wins over the box body, even when the body is nearer the camera
  // (in the top view the body's roof is above the mid-height face handles).
  let hit: Hit = { kind: 'none' };
  for (const h of hits) {
    const target = pickTarget(h.object);
    if (!target) continue;
    if (target.handle) {
      hit = { kind: 'cuboid', id: target.cuboidId, handle: target.handle };
      break;
    }
    if (hit.kind === 'none') hit = { kind: 'cuboid', id: target.cuboidId };
  }
  const onPlane = _raycaster.ray.intersectPlane(plane, _hitPoint);
  const o = _raycaster.ray.origin;
  const d = _raycaster.ray.direction;
  return {
    hit,
    planePoint: onPlane ? [onPlane.x, onPlane.y, onPlane.z] : null,
    rayOrigin: [o.x, o.y, o.z],
    rayDirection: [d.x, d.y, d.z],
  };
}

function pickTarget(object: Object3D): { cuboidId: string; handle?: Handle } | null {
  if (!(object as { isMesh?: boolean }).isMesh) return null;
  let o: Object3D | null = object;
  while (o) {
    const data = o.userData as { cuboidId?: string; handle?: Handle };
    if (data.cuboidId) return { cuboidId: data.cuboidId, handle: data.handle };
    o = o.parent;
  }
  return null;
}
