import { BoxGeometry, CylinderGeometry, TorusGeometry } from 'three';
import { useAppStore } from './EditorContext.ts';
import { dismissalsOf } from '../domain/document/dismissals.ts';
import { fillMaterial } from './sharedMaterials.ts';
import { ScreenSized } from './ScreenSized.tsx';

/** How tall the crossed post (modelled 1.7 m) is drawn, CSS pixels, at any zoom. */
const PIN_PIXELS = 30;
const PIN_MODEL_HEIGHT = 1.7;

/** Unit circle (scaled by each dismissal's radius) traced on the ground around a dismissed place. */
const circle = new TorusGeometry(1, 0.015, 4, 64);
const post = new CylinderGeometry(0.04, 0.04, 1.6, 6);
const bar = new BoxGeometry(1.1, 0.16, 0.08);

const GREY = '#9aa3b2';
const CROSS = '#d0d5de';

/**
 * "Not an object" places of the open frame: a grey crossed pin (a short post with an X on top,
 * lying flat so it reads from above as well as from the side) and a thin grey circle of the
 * dismissal's radius, at the dismissed cluster's centre (LiDAR frame, metres). Distinct from the
 * amber and grey ring pins of the missed-object findings. The circle is the dismissal's real
 * radius; the crossed post keeps its size on screen (`ScreenSized`).
 */
export function DismissalMarkers() {
  const doc = useAppStore((s) => s.doc);
  const list = dismissalsOf(doc);
  return (
    <group>
      {list.map((d) => (
        <group key={d.id} position={d.location} name="dismissal-marker">
          <mesh geometry={circle} material={fillMaterial(GREY, 0.6)} scale={[d.radius, d.radius, 1]} dispose={null} />
          <ScreenSized position={[0, 0, 0]} modelHeight={PIN_MODEL_HEIGHT} pixels={PIN_PIXELS}>
            <mesh geometry={post} material={fillMaterial(GREY)} position={[0, 0, 0.8]} rotation={[Math.PI / 2, 0, 0]} dispose={null} />
            <group position={[0, 0, 1.6]}>
              <mesh geometry={bar} material={fillMaterial(CROSS)} rotation={[0, 0, Math.PI / 4]} dispose={null} />
              <mesh geometry={bar} material={fillMaterial(CROSS)} rotation={[0, 0, -Math.PI / 4]} dispose={null} />
            </group>
          </ScreenSized>
        </group>
      ))}
    </group>
  );
}
