import type { ThreeEvent } from '@react-three/fiber';
import { BoxGeometry, BufferGeometry, EdgesGeometry, Float32BufferAttribute, Mesh } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { classColor } from './classColors.ts';
import { fillMaterial, lineMaterial } from './sharedMaterials.ts';

export interface CuboidBoxProps {
  cuboid: Pick<Cuboid, 'id' | 'label' | 'center' | 'size' | 'yaw'>;
  selected?: boolean;
  /** Draft boxes (being dragged) are drawn bright over the committed one. */
  draft?: boolean;
  /** Marks a box with check errors in every view. */
  hasError?: boolean;
  /** Marks a box propagation could not place with confidence (amber until someone fixes it). */
  needsAttention?: boolean;
  onPointerDown?: (e: ThreeEvent<PointerEvent>) => void;
  /** Body tint; the close-up views use a fainter one so the points inside stay readable. */
  fillOpacity?: number;
  /** Locked in the object list: drawn faint, and its body is no pick target (clicks go through it). */
  locked?: boolean;
}

/** A raycast that hits nothing: the body of a locked box. */
const noRaycast = () => undefined;
const meshRaycast = Mesh.prototype.raycast;

const unitBox = new BoxGeometry(1, 1, 1);
const unitEdges = new EdgesGeometry(unitBox);
/** A bar from the centre to the front face with an arrow head, in unit-box coordinates. */
const heading = new BufferGeometry();
heading.setAttribute('position', new Float32BufferAttribute([0, 0, 0, 0.5, 0, 0, 0.5, 0, 0, 0.35, 0.12, 0, 0.5, 0, 0, 0.35, -0.12, 0], 3));

/**
 * One box: wire edges in the class colour, a translucent body (the pick target), and a heading bar
 * from the centre to the front face so the yaw reads at a glance. Geometries and materials are
 * shared by all boxes (never disposed here).
 */
export function CuboidBox({
  cuboid,
  selected = false,
  draft = false,
  hasError = false,
  needsAttention = false,
  onPointerDown,
  fillOpacity,
  locked = false,
}: CuboidBoxProps) {
  const [l, w, h] = cuboid.size;
  const color = hasError ? '#ff4d4f' : draft ? '#ffffff' : needsAttention ? '#f5b93d' : classColor(cuboid.label);
  const edges = lineMaterial(color, selected || draft ? 1 : locked ? 0.45 : 0.9);
  const fill = fillMaterial(color, locked ? 0.02 : (fillOpacity ?? (selected ? 0.16 : 0.06)));
  return (
    <group position={cuboid.center as [number, number, number]} rotation={[0, 0, cuboid.yaw]} userData={{ cuboidId: cuboid.id }}>
      <lineSegments geometry={unitEdges} material={edges} scale={[l, w, h]} dispose={null} />
      <mesh
        geometry={unitBox}
        material={fill}
        scale={[l, w, h]}
        onPointerDown={locked ? undefined : onPointerDown}
        userData={locked ? {} : { cuboidId: cuboid.id }}
        raycast={locked ? noRaycast : meshRaycast}
        dispose={null}
      />
      <lineSegments geometry={heading} material={lineMaterial(color)} scale={[l, w, h]} dispose={null} />
    </group>
  );
}
