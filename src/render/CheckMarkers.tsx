import { useMemo } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { BoxGeometry, CylinderGeometry, EdgesGeometry, TorusGeometry } from 'three';
import { useAppStore } from './EditorContext.ts';
import { selectFocusedFinding } from '../state/selectors.ts';
import { withoutDismissed } from '../domain/document/dismissals.ts';
import type { CheckResult } from '../domain/checks/CheckResult.ts';
import { fillMaterial, lineMaterial } from './sharedMaterials.ts';
import { ScreenSized } from './ScreenSized.tsx';
import { sharedGeometry } from './sharedGeometry.ts';

/** How tall a pin (post and ring, modelled 2.4 m) is drawn, CSS pixels, at any zoom. */
const PIN_PIXELS = 40;
const PIN_MODEL_HEIGHT = 2.4;

const ring = sharedGeometry(() => new TorusGeometry(1.2, 0.06, 6, 32));
const focusRing = sharedGeometry(() => new TorusGeometry(1.45, 0.08, 6, 32));
const post = sharedGeometry(() => new CylinderGeometry(0.05, 0.05, 2.4, 6));
/** A unit box's edges, scaled to a track gap's bridged box. */
const unitEdges = sharedGeometry(() => new EdgesGeometry(new BoxGeometry(1, 1, 1)));
/** An invisible column around the pin, so that a click near it picks it. */
const hitColumn = sharedGeometry(() => new CylinderGeometry(1.2, 1.2, 2.6, 12));

/**
 * Pins at check results that point at a place rather than a box (unlabelled clusters): a ring on
 * the ground and a post, red for errors, amber for warnings, grey for info. Places marked "not an object" have no
 * pin. A click on a pin focuses its finding (the view's finding card then offers "Box it" and
 * "Not an object"; X dismisses it); the focused pin gets a white ring. Pins keep their size on
 * screen at any zoom (`ScreenSized`). A track gap also draws the box where the frames around put
 * its track, as faint edges in the pin's colour.
 */
export function CheckMarkers() {
  const results = useAppStore((s) => s.checks.results);
  const doc = useAppStore((s) => s.doc);
  const focused = useAppStore(selectFocusedFinding);
  const focusFinding = useAppStore((s) => s.focusFinding);
  const dismissals = doc?.dismissals;
  const pins = useMemo(() => withoutDismissed(results, dismissals).filter((r) => r.location && !r.cuboidId), [results, dismissals]);
  const focus = (r: CheckResult) => (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (!doc || !r.location) return;
    focusFinding({
      frameId: doc.frameId,
      location: r.location,
      ...(r.suggestedLabel !== undefined ? { suggestedLabel: r.suggestedLabel } : {}),
      ...(r.radius !== undefined ? { radius: r.radius } : {}),
    });
  };
  return (
    <group>
      {pins.map((r, i) => {
        const [x, y, z] = r.location!;
        const color = r.severity === 'error' ? '#ff6b6b' : r.severity === 'warning' ? '#f5b93d' : '#8b95a7';
        const isFocused = focused !== null && focused.boxId === undefined && Math.hypot(focused.location[0] - x, focused.location[1] - y) < 0.5;
        const bridged = r.track?.box;
        const pin = (
          <ScreenSized key={`${r.ruleId}-${i}`} position={[x, y, z]} modelHeight={PIN_MODEL_HEIGHT} pixels={PIN_PIXELS}>
            <mesh geometry={ring()} material={fillMaterial(color)} dispose={null} />
            <mesh geometry={post()} material={fillMaterial(color)} position={[0, 0, 1.2]} rotation={[Math.PI / 2, 0, 0]} dispose={null} />
            {isFocused ? <mesh geometry={focusRing()} material={fillMaterial('#ffffff')} dispose={null} /> : null}
            <mesh
              geometry={hitColumn()}
              material={fillMaterial('#000000', 0)}
              position={[0, 0, 1.1]}
              rotation={[Math.PI / 2, 0, 0]}
              onClick={focus(r)}
              dispose={null}
            />
          </ScreenSized>
        );
        if (bridged === undefined) return pin;
        return (
          <group key={`${r.ruleId}-${i}`}>
            {pin}
            <lineSegments
              geometry={unitEdges()}
              material={lineMaterial(color, 0.6)}
              position={[bridged.center[0], bridged.center[1], bridged.center[2]]}
              rotation={[0, 0, bridged.yaw]}
              scale={[bridged.size[0], bridged.size[1], bridged.size[2]]}
              dispose={null}
            />
          </group>
        );
      })}
    </group>
  );
}
