import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { OrthographicCamera, PerspectiveCamera, Vector3 } from 'three';
import type { Camera, EventDispatcher } from 'three';
import { usePage } from './EditorContext.ts';
import { focusOfView } from './mergedDetailFocus.ts';

/** Quiet time after the view last moved before its focus is taken (ms): an orbit or a zoom is one. */
const SETTLE_MS = 250;

/**
 * Tells the merge where the main view looks closely (`merge.focus`: its orbit target and a radius
 * from how close it is, `focusOfView`), once the view has settled after a move; the merge then
 * fetches every merged point there, past the point budget (`mergeDetail`).
 */
export function MergedDetailFocus() {
  const { store } = usePage();
  const controls = useThree((s) => s.controls) as (EventDispatcher<{ change: object }> & { target: Vector3 }) | null;
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    if (!controls) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const take = (): void => {
      const focus = focusOfView(viewOf(camera, controls.target));
      const was = store.getState().merge.focus;
      if (focus === null ? was !== null : was === null || focus.x !== was.x || focus.y !== was.y || focus.radius !== was.radius)
        store.getState().patchMerge({ focus });
    };
    const onChange = (): void => {
      clearTimeout(timer);
      timer = setTimeout(take, SETTLE_MS);
    };
    controls.addEventListener('change', onChange);
    take();
    return () => {
      clearTimeout(timer);
      controls.removeEventListener('change', onChange);
      store.getState().patchMerge({ focus: null });
    };
  }, [controls, camera, store]);
  return null;
}

/** What `focusOfView` needs of the camera: the orbit target and how far the view reaches around it. */
function viewOf(camera: Camera, target: Vector3): { x: number; y: number; reach: number } {
  if (camera instanceof OrthographicCamera) return { x: target.x, y: target.y, reach: (camera.top - camera.bottom) / camera.zoom / 2 };
  const distance = camera instanceof PerspectiveCamera ? camera.position.distanceTo(target) : Infinity;
  return { x: target.x, y: target.y, reach: distance };
}
