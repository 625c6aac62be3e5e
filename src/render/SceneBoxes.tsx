import type { ThreeEvent } from '@react-three/fiber';
import type { Cuboid } from '../domain/types.ts';
import { CuboidBox } from './CuboidBox.tsx';
import { useBoxVisibility } from './useBoxVisibility.ts';

export interface SceneBoxesProps {
  cuboids: Cuboid[];
  selectedIds: string[];
  /** Boxes being dragged: drawn instead of their committed versions. */
  drafts?: Cuboid[];
  errorIds?: Set<string>;
  onBoxPointerDown?: (id: string, e: ThreeEvent<PointerEvent>) => void;
  fillOpacity?: number;
}

/**
 * Every box of the frame, drafts drawn in place of the committed box they edit. Boxes hidden in the
 * object list are not drawn (so not picked either); locked ones are drawn faint and are not pick targets.
 */
export function SceneBoxes({ cuboids, selectedIds, drafts = [], errorIds, onBoxPointerDown, fillOpacity }: SceneBoxesProps) {
  const draftIds = new Set(drafts.map((d) => d.id));
  const { hidden, locked } = useBoxVisibility();
  return (
    <group>
      {cuboids
        .filter((c) => !draftIds.has(c.id) && !hidden.has(c.id))
        .map((c) => (
          <CuboidBox
            key={c.id}
            cuboid={c}
            selected={selectedIds.includes(c.id)}
            hasError={errorIds?.has(c.id) ?? false}
            needsAttention={c.attributes.needsAttention === true}
            fillOpacity={fillOpacity}
            locked={locked.has(c.id)}
            onPointerDown={onBoxPointerDown ? (e) => onBoxPointerDown(c.id, e) : undefined}
          />
        ))}
      {drafts.map((d) => (
        <CuboidBox key={`draft-${d.id}`} cuboid={d} selected draft />
      ))}
    </group>
  );
}
