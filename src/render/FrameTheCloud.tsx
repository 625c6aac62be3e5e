import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import type { OrthographicCamera, PerspectiveCamera } from 'three';
import { Vector3 } from 'three';
import type { CloudBounds } from '../domain/pointcloud/robustBounds.ts';
import { VIEW_DIR, aimAtBounds, framingOnLoad, needsFraming } from './framing.ts';
import type { Aim } from './framing.ts';
import { useStoreApi } from './EditorContext.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';

/** A box centre beyond this share of the view's half-size (normalised device coordinates) counts as off screen. */
const REVEAL_NDC = 0.9;

/**
 * Points the main view's camera: at the cloud when a frame that the default street view would
 * miss finishes loading (a scanned object a few centimetres across, a cloud far from the origin),
 * back to the default street view when a street scan follows a cloud of another scale
 * (`framingOnLoad`),
 * and at the selected box or the whole cloud when asked (Home / `.`); onto the selected box when it
 * is off screen (Tab: `revealRequest`, zoom and direction kept); slides along with a
 * followed track when D/A open the next frame.
 */
export function FrameTheCloud() {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as { target: Vector3; update: () => void } | null;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const appStore = useStoreApi();
  const framedFrame = useRef<string | null>(null);
  const lastBounds = useRef<CloudBounds | null>(null);

  useEffect(() => {
    const aim = (target: Aim) => {
      if (!controls) return;
      controls.target.copy(target.centre);
      if ((camera as OrthographicCamera).isOrthographicCamera) {
        const c = camera as OrthographicCamera;
        c.position.set(target.centre.x, target.centre.y, target.centre.z + Math.max(80, target.radius * 4));
        const span = target.radius * 2.2;
        c.zoom = Math.max(0.01, Math.min(size.width, size.height) / span);
        c.updateProjectionMatrix();
      } else {
        const c = camera as PerspectiveCamera;
        const distance = (target.radius * 1.15) / Math.sin((c.fov * Math.PI) / 360);
        c.position.copy(target.centre).addScaledVector(VIEW_DIR, distance);
        c.near = Math.max(0.001, distance / 1000);
        c.far = Math.max(2000, distance * 10);
        c.updateProjectionMatrix();
      }
      controls.update();
      invalidate();
    };
    /** The view a new camera starts with (MainScene's defaults): the street ahead of the sensor. */
    const streetView = () => {
      if (!controls) return;
      if ((camera as OrthographicCamera).isOrthographicCamera) {
        const c = camera as OrthographicCamera;
        controls.target.set(15, 0, 0);
        c.position.set(15, 0, 80);
        c.zoom = 9;
        c.updateProjectionMatrix();
      } else {
        const c = camera as PerspectiveCamera;
        controls.target.set(8, 0, -1);
        c.position.set(-22, -14, 18);
        c.near = 0.1;
        c.far = 2000;
        c.updateProjectionMatrix();
      }
      controls.update();
      invalidate();
    };
    const check = (s: ReturnType<typeof appStore.getState>, prev: ReturnType<typeof appStore.getState> | null) => {
      const { load } = s;
      if (prev !== null && s.view.panRequest !== prev.view.panRequest && controls) {
        const d = new Vector3(...s.view.panBy);
        camera.position.add(d);
        controls.target.add(d);
        controls.update();
        invalidate();
        return;
      }
      if (prev !== null && s.view.revealRequest !== prev.view.revealRequest && controls) {
        // The selected box off screen (or behind the camera): slide the view onto it, zoom and
        // direction kept; on screen, nothing moves.
        const box = selectPrimaryCuboid(s);
        if (!box) return;
        const p = new Vector3(...box.center).project(camera);
        if (p.z < 1 && Math.abs(p.x) <= REVEAL_NDC && Math.abs(p.y) <= REVEAL_NDC) return;
        const d = new Vector3(...box.center).sub(controls.target);
        camera.position.add(d);
        controls.target.add(d);
        controls.update();
        invalidate();
        return;
      }
      if (prev !== null && s.view.frameRequest !== prev.view.frameRequest) {
        const box = selectPrimaryCuboid(s);
        const at = s.view.frameTarget;
        if (at !== null) {
          aim({ centre: new Vector3(...at), radius: 4 });
        } else if (box) {
          aim({ centre: new Vector3(...box.center), radius: Math.max(1.5, new Vector3(...box.size).length()) });
        } else if (load.bounds) aim(aimAtBounds(load.bounds));
        return;
      }
      if (load.status === 'done' && load.frameId !== null && load.frameId !== framedFrame.current) {
        framedFrame.current = load.frameId;
        const how = framingOnLoad(lastBounds.current, load.bounds);
        if (load.bounds !== null) lastBounds.current = load.bounds;
        if (how === 'aim') aim(aimAtBounds(load.bounds as CloudBounds));
        else if (how === 'default') streetView();
      }
    };
    // A new camera (the main view switched between 3D and top) starts at the default view: aim it
    // again if the open cloud needed framing.
    const now = appStore.getState();
    if (now.load.status === 'done' && now.load.frameId === framedFrame.current && needsFraming(now.load.bounds)) {
      aim(aimAtBounds(now.load.bounds as CloudBounds));
    }
    check(now, null);
    return appStore.subscribe((s, prev) => check(s, prev));
  }, [camera, controls, size, invalidate, appStore]);
  return null;
}
