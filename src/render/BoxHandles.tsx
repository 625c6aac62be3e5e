import type { Cuboid } from '../domain/types.ts';
import type { FaceHandle } from '../tools/ToolEvent.ts';
import type { BoxViewKind } from './BoxCamera.tsx';
import { BoxGeometry, SphereGeometry } from 'three';
import { fillMaterial } from './sharedMaterials.ts';

const cube = new BoxGeometry(1, 1, 1);
const ball = new SphereGeometry(1, 12, 8);

export interface BoxHandlesProps {
  box: Cuboid;
  kind: BoxViewKind;
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

/**
 * Grab handles on the faces of the selected box in a detail view, plus a yaw handle in front of
 * the box in the top view. They carry `{cuboidId, handle}` so the pointer resolver can name them.
 */
export function BoxHandles({ box, kind }: BoxHandlesProps) {
  const [l, w, h] = box.size;
  const s = Math.max(0.12, Math.min(0.35, Math.max(l, w, h) * 0.06));
  return (
    <group position={box.center as [number, number, number]} rotation={[0, 0, box.yaw]}>
      {FACES[kind].map((face) => {
        const a = AXIS[face];
        return (
          <mesh
            key={face}
            geometry={cube}
            material={fillMaterial('#ffffff')}
            scale={[s, s, s]}
            position={[(a[0] * l) / 2, (a[1] * w) / 2, (a[2] * h) / 2]}
            userData={{ cuboidId: box.id, handle: face }}
            dispose={null}
          />
        );
      })}
      {kind === 'top' ? (
        <mesh
          geometry={ball}
          material={fillMaterial('#f5d90a')}
          scale={[s * 0.9, s * 0.9, s * 0.9]}
          position={[l / 2 + s * 4, 0, 0]}
          userData={{ cuboidId: box.id, handle: 'rotate' }}
          dispose={null}
        />
      ) : null}
    </group>
  );
}
