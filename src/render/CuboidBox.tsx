import { useMemo } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { BoxGeometry, EdgesGeometry } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { classColor } from './classColors.ts';

export interface CuboidBoxProps {
  cuboid: Pick<Cuboid, 'id' | 'label' | 'center' | 'size' | 'yaw'>;
  selected?: boolean;
  /** Draft boxes (being dragged) are drawn dashed-bright over the committed one. */
  draft?: boolean;
  /** Marks a box with check errors in every view. */
  hasError?: boolean;
  onPointerDown?: (e: ThreeEvent<PointerEvent>) => void;
  /** Body tint; the close-up views use a fainter one so the points inside stay readable. */
  fillOpacity?: number;
}

const unitBox = new BoxGeometry(1, 1, 1);
const unitEdges = new EdgesGeometry(unitBox);

/**
 * One box: wire edges in the class colour, a translucent body (the pick target), and a heading bar
 * from the centre to the front face so the yaw reads at a glance.
 */
export function CuboidBox({ cuboid, selected = false, draft = false, hasError = false, onPointerDown, fillOpacity }: CuboidBoxProps) {
  const [l, w, h] = cuboid.size;
  const color = hasError ? '#ff4d4f' : draft ? '#ffffff' : classColor(cuboid.label);
  const heading = useMemo(() => new Float32Array([0, 0, 0, 0.5, 0, 0, 0.5, 0, 0, 0.35, 0.12, 0, 0.5, 0, 0, 0.35, -0.12, 0]), []);
  return (
    <group position={cuboid.center as [number, number, number]} rotation={[0, 0, cuboid.yaw]} userData={{ cuboidId: cuboid.id }}>
      <lineSegments geometry={unitEdges} scale={[l, w, h]}>
        <lineBasicMaterial color={color} linewidth={selected ? 2 : 1} transparent opacity={selected || draft ? 1 : 0.9} />
      </lineSegments>
      <mesh geometry={unitBox} scale={[l, w, h]} onPointerDown={onPointerDown} userData={{ cuboidId: cuboid.id }}>
        <meshBasicMaterial color={color} transparent opacity={fillOpacity ?? (selected ? 0.16 : 0.06)} depthWrite={false} />
      </mesh>
      <lineSegments scale={[l, w, h]}>
        <bufferGeometry>
          <bufferAttribute attach="attributes-position" args={[heading, 3]} />
        </bufferGeometry>
        <lineBasicMaterial color={color} />
      </lineSegments>
    </group>
  );
}
