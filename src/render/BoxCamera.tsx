import { useLayoutEffect, useRef } from 'react';
import { OrthographicCamera } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import type { OrthographicCamera as OrthoCam } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { yawHandleReach } from './handleSize.ts';

export type BoxViewKind = 'top' | 'side' | 'front';

export interface BoxCameraProps {
  box: Pick<Cuboid, 'center' | 'size' | 'yaw'>;
  kind: BoxViewKind;
  /** Extra space around the box, as a fraction of its size. */
  padding?: number;
}

/**
 * An orthographic camera aimed at a box: `top` looks down with the heading pointing up the screen,
 * `side` looks at the box's left flank (length across, height up), `front` looks at its front face.
 */
export function BoxCamera({ box, kind, padding = 0.6 }: BoxCameraProps) {
  const ref = useRef<OrthoCam>(null);
  const extents = useRef<[number, number]>([1, 1]);
  useLayoutEffect(() => {
    const cam = ref.current;
    if (!cam) return;
    const [cx, cy, cz] = box.center;
    const [l, w, h] = box.size;
    const c = Math.cos(box.yaw);
    const s = Math.sin(box.yaw);
    const d = 50;
    let across = l;
    let upExtent = h;
    if (kind === 'top') {
      cam.position.set(cx, cy, cz + d);
      cam.up.set(c, s, 0);
      across = w;
      upExtent = l;
    } else if (kind === 'side') {
      // From the box's left (+y local), looking towards -y local.
      cam.position.set(cx - s * d, cy + c * d, cz);
      cam.up.set(0, 0, 1);
      across = l;
    } else {
      // From in front of the box (+x local), looking back at it.
      cam.position.set(cx + c * d, cy + s * d, cz);
      cam.up.set(0, 0, 1);
      across = w;
    }
    cam.lookAt(cx, cy, cz);
    // The top view shows the yaw handle in front of the box whole, however small the box.
    const upShown = kind === 'top' ? Math.max(upExtent * (1 + padding) + 0.5, 2 * yawHandleReach(box.size)) : upExtent * (1 + padding) + 0.5;
    extents.current = [across * (1 + padding) + 0.5, upShown];
    cam.near = 0.1;
    cam.far = 200;
    cam.zoom = 0;
  }, [box, kind, padding]);

  // The View sets the frustum to the tracked element's pixel size; fit the box into it.
  useFrame((state) => {
    const cam = ref.current;
    if (!cam) return;
    const [across, up] = extents.current;
    const zoom = Math.min((cam.right - cam.left) / across, (cam.top - cam.bottom) / up);
    if (Number.isFinite(zoom) && zoom > 0 && Math.abs(zoom - cam.zoom) > 1e-6) {
      cam.zoom = zoom;
      cam.updateProjectionMatrix();
      state.invalidate();
    }
  });
  return <OrthographicCamera ref={ref} makeDefault />;
}
