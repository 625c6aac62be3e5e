import { View } from '@react-three/drei';
import type { ReactNode } from 'react';
import type { Cuboid } from '../domain/types.ts';
import { BoxCamera } from './BoxCamera.tsx';
import type { BoxViewKind } from './BoxCamera.tsx';

export interface BoxDetailViewProps {
  kind: BoxViewKind;
  box: Pick<Cuboid, 'center' | 'size' | 'yaw'> | null;
  children?: ReactNode;
}

const TITLES: Record<BoxViewKind, string> = { top: 'Top', side: 'Side', front: 'Front' };

/** An orthographic close-up of the selected box (top, side or front). */
export function BoxDetailView({ kind, box, children }: BoxDetailViewProps) {
  return (
    <div className="detail-view" data-testid={`view-${kind}`}>
      <span className="detail-title">{TITLES[kind]}</span>
      {box ? (
        <View className="view">
          <BoxCamera box={box} kind={kind} />
          {children}
        </View>
      ) : (
        <span className="detail-empty">Select a box</span>
      )}
    </div>
  );
}
