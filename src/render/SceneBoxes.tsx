import type { ThreeEvent } from '@react-three/fiber';
import type { Cuboid } from '../domain/types.ts';
import { CuboidBox } from './CuboidBox.tsx';

export interface SceneBoxesProps {
  cuboids: Cuboid[];
  selectedIds: string[];
  /** Boxes being dragged: drawn instead of their committed versions. */
  drafts?: Cuboid[];
  errorIds?: Set<string>;
  onBoxPointerDown?: (id: string, e: ThreeEvent<PointerEvent>) => void;
  fillOpacity?: number;
}

/** Every box of the frame, drafts drawn in place of the committed box they edit. */
export function SceneBoxes({ cuboids, selectedIds, drafts = [], errorIds, onBoxPointerDown, fillOpacity }: SceneBoxesProps) {
  const draftIds = new Set(drafts.map((d) => d.id));
  return (
    <group>
      {cuboids
        .filter((c) => !draftIds.has(c.id))
        .map((c) => (
          <CuboidBox
            key={c.id}
            cuboid={c}
            selected={selectedIds.includes(c.id)}
            hasError={errorIds?.has(c.id) ?? false}
            needsAttention={c.attributes.needsAttention === true}
            fillOpacity={fillOpacity}
            onPointerDown={onBoxPointerDown ? (e) => onBoxPointerDown(c.id, e) : undefined}
          />
        ))}
      {drafts.map((d) => (
        <CuboidBox key={`draft-${d.id}`} cuboid={d} selected draft />
      ))}
    </group>
  );
}
