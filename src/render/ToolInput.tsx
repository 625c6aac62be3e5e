import { useEffect } from 'react';
import type { RefObject } from 'react';
import { useThree } from '@react-three/fiber';
import { Object3D, Plane, Vector3 } from 'three';
import { selectDisplayedCuboids, selectPrimaryCuboid } from '../state/selectors.ts';
import type { Hit, Point3, ViewId } from '../tools/ToolEvent.ts';
import { usePage } from './EditorContext.ts';
import { resolvePointer } from './resolvePointer.ts';
import { registerView } from './viewCameras.ts';

export interface ToolInputProps {
  view: ViewId;
  /** The DOM element the view tracks; pointer events are read from it. */
  target: RefObject<HTMLElement | null>;
}

export const PICK_TARGETS = 'pick-targets';
const GROUND_FALLBACK_Z = -1.7;
const _normal = new Vector3();

/**
 * Reads pointer input of one view, resolves hits (boxes, handles, the picked cloud point, the
 * view's working plane) and feeds `ToolEvent`s to the tool manager in order. Camera controls keep
 * the gestures tools do not claim.
 */
export function ToolInput({ view, target }: ToolInputProps) {
  const { editor, io } = usePage();
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const controls = useThree((s) => s.controls) as { enabled: boolean } | null;

  useEffect(() => {
    const el = target.current;
    registerView(view, camera, el);
    return () => registerView(view, null, el);
  }, [view, camera, target]);

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let queue: Promise<void> = Promise.resolve();
    let claimed = false;
    // While a box or one of its handles is dragged in the main view, the cursor is read on a
    // horizontal plane through the box centre, so the grabbed part follows the cursor in perspective.
    let gesturePlane: Plane | null = null;

    const workingPlane = (): Plane => {
      const state = editor.store.getState();
      const box = selectPrimaryCuboid(state);
      if ((view === 'side' || view === 'front') && box) {
        camera.getWorldDirection(_normal);
        return new Plane().setFromNormalAndCoplanarPoint(_normal.clone(), new Vector3(...box.center));
      }
      const frameId = state.doc?.frameId ?? state.currentFrameId;
      const z = (frameId && io.groundCache.groundZ(frameId, 0, 0)) ?? GROUND_FALLBACK_Z;
      return new Plane(new Vector3(0, 0, 1), -z);
    };

    const targets = (): Object3D[] => {
      const out: Object3D[] = [];
      scene.traverse((o) => {
        if (o.name === PICK_TARGETS) out.push(o);
      });
      return out;
    };

    const send = (type: 'pointer_down' | 'pointer_move' | 'pointer_up', e: PointerEvent, hit: Hit, point: Point3) => {
      editor.tools.handle({
        type,
        point,
        view,
        hit,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey || e.metaKey,
        screen: [e.clientX, e.clientY],
      });
    };

    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      let r = resolvePointer(e.clientX, e.clientY, el.getBoundingClientRect(), camera, targets(), workingPlane());
      const tool = editor.store.getState().tool.path.split('.')[0];
      claimed = r.hit.kind === 'cuboid' || tool === 'draw';
      gesturePlane = null;
      if (view === 'main' && r.hit.kind === 'cuboid') {
        const id = r.hit.id;
        const box = selectDisplayedCuboids(editor.store.getState()).find((c) => c.id === id);
        if (box) {
          gesturePlane = new Plane(new Vector3(0, 0, 1), -box.center[2]);
          const again = resolvePointer(e.clientX, e.clientY, el.getBoundingClientRect(), camera, targets(), gesturePlane);
          if (again.planePoint) r = again;
          else gesturePlane = null;
        }
      }
      if (claimed && controls) controls.enabled = false;
      if (claimed) el.setPointerCapture(e.pointerId);
      const point = r.planePoint ?? [0, 0, GROUND_FALLBACK_Z];
      // Drawing takes the corner where the cursor is on the ground; snapping it to the nearest
      // cloud point (within a pick angle, metres wide from high above) moved corners by up to 1.5 m.
      if (r.hit.kind === 'none' && (view === 'main' || view === 'top') && tool !== 'draw') {
        const frameId = editor.store.getState().currentFrameId;
        queue = queue.then(async () => {
          // With sweeps merged, the point under the cursor is looked up in the merged cloud (its grid).
          const merged = editor.store.getState().merge;
          const found =
            merged.status === 'ready' && merged.key
              ? ((await io.mergeWorker().pick(merged.key, r.rayOrigin, r.rayDirection))?.point ?? null)
              : frameId
                ? await io.worker().pickPoint(frameId, r.rayOrigin, r.rayDirection)
                : null;
          const picked: Point3 | null = found ? [found[0], found[1], found[2]] : null;
          send('pointer_down', e, picked ? { kind: 'points', point: picked } : { kind: 'ground' }, picked ?? point);
        });
      } else {
        queue = queue.then(() => send('pointer_down', e, r.hit, point));
      }
    };

    const onMove = (e: PointerEvent) => {
      const r = resolvePointer(e.clientX, e.clientY, el.getBoundingClientRect(), camera, targets(), gesturePlane ?? workingPlane());
      if (!r.planePoint) return;
      const point = r.planePoint;
      queue = queue.then(() => send('pointer_move', e, r.hit.kind === 'none' ? { kind: 'ground' } : r.hit, point));
    };

    const onUp = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const r = resolvePointer(e.clientX, e.clientY, el.getBoundingClientRect(), camera, targets(), gesturePlane ?? workingPlane());
      gesturePlane = null;
      const point = r.planePoint ?? [0, 0, GROUND_FALLBACK_Z];
      queue = queue.then(() => send('pointer_up', e, r.hit.kind === 'none' ? { kind: 'ground' } : r.hit, point));
      if (claimed && controls) controls.enabled = true;
      claimed = false;
    };

    el.addEventListener('pointerdown', onDown, { capture: true });
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    return () => {
      el.removeEventListener('pointerdown', onDown, { capture: true });
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
    };
  }, [editor, io, camera, scene, controls, target, view]);

  return null;
}
