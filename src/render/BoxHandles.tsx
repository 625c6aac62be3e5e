import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { BoxGeometry, SphereGeometry, Vector3 } from 'three';
import type { Mesh, OrthographicCamera, PerspectiveCamera } from 'three';
import type { Cuboid } from '../domain/types.ts';
import type { FaceHandle } from '../tools/ToolEvent.ts';
import type { BoxViewKind } from './BoxCamera.tsx';
import { fillMaterial, overlayMaterial } from './sharedMaterials.ts';
import { sharedGeometry } from './sharedGeometry.ts';
import { useBoxVisibility } from './useBoxVisibility.ts';
import { closeUpHandleSize, YAW_HANDLE_OFFSET } from './handleSize.ts';

const cube = sharedGeometry(() => new BoxGeometry(1, 1, 1));
const ball = sharedGeometry(() => new SphereGeometry(1, 12, 8));
const _center = new Vector3();

export interface BoxHandlesProps {
  box: Cuboid;
  kind: BoxViewKind;
  /**
   * Handle size in screen pixels, kept whatever the zoom, and drawn over the points (the main
   * view, where the box may be small and deep in the cloud). Without it handles scale with the
   * box (the close-ups, which are zoomed to the box).
   */
  pixels?: number;
}

/** Which faces each detail view can drag (the two axes in its image plane). */
const FACES: Record<BoxViewKind, FaceHandle[]> = {
  top: ['+x', '-x', '+y', '-y'],
  side: ['+x', '-x', '+z', '-z'],
  front: ['+y', '-y', '+z', '-z'],
};

const AXIS: Record<FaceHandle, [number, number, number]> = {
  '+x': [1, 0, 0],
  '-x': [-1, 0, 0],
  '+y': [0, 1, 0],
  '-y': [0, -1, 0],
  '+z': [0, 0, 1],
  '-z': [0, 0, -1],
};

/** Places a face handle (or the yaw handle, past the front face) for handle edge `s`. */
function place(mesh: Mesh, box: Cuboid, face: FaceHandle | 'rotate', s: number): void {
  const [l, w, h] = box.size;
  if (face === 'rotate') {
    mesh.position.set(l / 2 + s * YAW_HANDLE_OFFSET, 0, 0);
    mesh.scale.setScalar(s * 0.9);
    return;
  }
  const a = AXIS[face];
  mesh.position.set((a[0] * l) / 2, (a[1] * w) / 2, (a[2] * h) / 2);
  mesh.scale.setScalar(s);
}

/**
 * Grab handles on the faces of the selected box, plus a yaw handle in front of the box in the top
 * view. They carry `{cuboidId, handle}` so the pointer resolver can name them. A box locked or
 * hidden in the object list has none (it cannot be dragged).
 */
export function BoxHandles({ box, kind, pixels }: BoxHandlesProps) {
  const meshes = useRef<Map<FaceHandle | 'rotate', Mesh>>(new Map());
  const faces: (FaceHandle | 'rotate')[] = kind === 'top' ? [...FACES[kind], 'rotate'] : FACES[kind];
  const fixed = closeUpHandleSize(box.size);
  const { hidden, locked } = useBoxVisibility();

  useFrame(({ camera, size }) => {
    if (pixels === undefined) return;
    // World size of one pixel at the box: from the zoom (orthographic) or the distance (perspective).
    let perPixel: number;
    if ((camera as OrthographicCamera).isOrthographicCamera) {
      const c = camera as OrthographicCamera;
      perPixel = (c.top - c.bottom) / c.zoom / size.height;
    } else {
      const c = camera as PerspectiveCamera;
      const d = camera.position.distanceTo(_center.set(box.center[0], box.center[1], box.center[2]));
      perPixel = (2 * d * Math.tan((c.fov * Math.PI) / 360)) / size.height;
    }
    const s = pixels * perPixel;
    for (const [face, mesh] of meshes.current) place(mesh, box, face, s);
  });

  if (locked.has(box.id) || hidden.has(box.id)) return null;
  const material = (color: string) => (pixels === undefined ? fillMaterial(color) : overlayMaterial(color));
  return (
    <group position={box.center as [number, number, number]} rotation={[0, 0, box.yaw]}>
      {faces.map((face) => (
        <mesh
          key={face}
          ref={(m) => {
            if (m) {
              meshes.current.set(face, m);
              place(m, box, face, fixed);
            } else meshes.current.delete(face);
          }}
          geometry={face === 'rotate' ? ball() : cube()}
          material={material(face === 'rotate' ? '#f5d90a' : '#ffffff')}
          renderOrder={pixels === undefined ? 0 : 10}
          userData={{ cuboidId: box.id, handle: face }}
          dispose={null}
        />
      ))}
    </group>
  );
}
