import { ConeGeometry, CylinderGeometry } from 'three';
import { useAppStore } from './EditorContext.ts';
import { fillMaterial } from './sharedMaterials.ts';
import type { Cuboid } from '../domain/types.ts';
import { ScreenSized } from './ScreenSized.tsx';
import { sharedGeometry } from './sharedGeometry.ts';

/** How tall a pin is drawn, CSS pixels, at any zoom (modelled 1.7 m tall: stem and head). */
const PIN_PIXELS = 34;
const PIN_MODEL_HEIGHT = 1.7;

const stem = sharedGeometry(() => new CylinderGeometry(0.04, 0.04, 1.2, 6));
const head = sharedGeometry(() => new ConeGeometry(0.25, 0.5, 12));

function cornerOf(box: Cuboid): [number, number, number] {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const [hl, hw] = [box.size[0] / 2, box.size[1] / 2];
  return [box.center[0] + c * hl - s * hw, box.center[1] + s * hl + c * hw, box.center[2] + box.size[2] / 2];
}

/**
 * Reviewer flags pinned where they point: on a corner of the flagged box, or at the flagged
 * location. Pins keep their size on screen (`ScreenSized`), so a close-up is not filled by them;
 * `shows` leaves out pins a view should not draw (a close-up's slab).
 */
export function FlagPins({ shows }: { shows?: (at: readonly [number, number, number]) => boolean } = {}) {
  const doc = useAppStore((s) => s.doc);
  if (!doc) return null;
  const pins = doc.flags
    .filter((f) => f.state !== 'closed')
    .map((f) => {
      const box = f.cuboidId ? doc.cuboids.find((c) => c.id === f.cuboidId) : null;
      // A box's pin stands on its front-left top corner, so seen from above it does not hide the object.
      const at: [number, number, number] | null = box ? cornerOf(box) : f.location;
      return at ? { id: f.id, at, color: f.state === 'open' ? '#ff7a45' : '#f5d90a' } : null;
    })
    .filter((p): p is { id: string; at: [number, number, number]; color: string } => p !== null && (shows === undefined || shows(p.at)));
  return (
    <group>
      {pins.map((p) => (
        <ScreenSized key={p.id} position={p.at} modelHeight={PIN_MODEL_HEIGHT} pixels={PIN_PIXELS}>
          <mesh geometry={stem()} material={fillMaterial(p.color)} position={[0, 0, 0.6]} rotation={[Math.PI / 2, 0, 0]} dispose={null} />
          <mesh geometry={head()} material={fillMaterial(p.color)} position={[0, 0, 1.45]} rotation={[-Math.PI / 2, 0, 0]} dispose={null} />
        </ScreenSized>
      ))}
    </group>
  );
}
