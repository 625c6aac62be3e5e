import type { Cuboid } from '../domain/types.ts';
import type { FaceHandle } from '../tools/ToolEvent.ts';
import type { BoxViewKind } from './BoxCamera.tsx';

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
            position={[(a[0] * l) / 2, (a[1] * w) / 2, (a[2] * h) / 2]}
            userData={{ cuboidId: box.id, handle: face }}
          >
            <boxGeometry args={[s, s, s]} />
            <meshBasicMaterial color="#ffffff" />
          </mesh>
        );
      })}
      {kind === 'top' ? (
        <mesh position={[l / 2 + s * 4, 0, 0]} userData={{ cuboidId: box.id, handle: 'rotate' }}>
          <sphereGeometry args={[s * 0.9, 12, 8]} />
          <meshBasicMaterial color="#f5d90a" />
        </mesh>
      ) : null}
    </group>
  );
}
