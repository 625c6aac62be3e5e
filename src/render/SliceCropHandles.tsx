import { useEffect, useMemo, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferGeometry, Float32BufferAttribute, Raycaster, SphereGeometry, Vector2, Vector3 } from 'three';
import { useAppStore, usePage } from './EditorContext.ts';
import { ScreenSized } from './ScreenSized.tsx';
import { lineMaterial, overlayMaterial } from './sharedMaterials.ts';
import { sharedGeometry } from './sharedGeometry.ts';
import { heightAtRay, rangeAtRay, roundHandle } from './sliceCropDrag.ts';
import type { Interval } from '../state/slices/visibilitySlice.ts';

const knob = sharedGeometry(() => new SphereGeometry(0.5, 14, 10));
const SLICE_COLOR = '#22d3ee';
const CROP_COLOR = '#f59e0b';
/** How near (CSS pixels) the pointer must come to a handle to grab it. */
const GRAB_PIXELS = 12;
/** Ground height under the sensor when the ground model is not known yet (LiDAR z, metres). */
const GROUND_FALLBACK_Z = -1.7;
/** Half side (metres) of the square drawn at a slice height when the range is not cropped. */
const SLICE_HALF = 30;

type HandleId = 'zMin' | 'zMax' | 'rMin' | 'rMax';

/**
 * The height slice and range crop in the main view, with handles to drag: a square outline at each
 * slice height (a cyan knob on the vertical line through the sensor sets it), a ring at each crop
 * range on the ground (an amber knob on the +x axis sets it). Only the limits that are on show.
 * A handle grabbed here takes the gesture before the tools and the camera see it.
 */
export function SliceCropHandles() {
  const { store, io } = usePage();
  const slice = useAppStore((s) => s.visibility.heightSlice);
  const crop = useAppStore((s) => s.visibility.rangeCrop);
  const frameId = useAppStore((s) => s.currentFrameId);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const groundZ = (frameId ? io.groundCache.groundZ(frameId, 0, 0) : null) ?? GROUND_FALLBACK_Z;

  const handles = useMemo(() => {
    const out: { id: HandleId; at: [number, number, number] }[] = [];
    if (slice.min !== null) out.push({ id: 'zMin', at: [0, 0, slice.min] });
    if (slice.max !== null) out.push({ id: 'zMax', at: [0, 0, slice.max] });
    if (crop.min !== null) out.push({ id: 'rMin', at: [crop.min, 0, groundZ] });
    if (crop.max !== null) out.push({ id: 'rMax', at: [crop.max, 0, groundZ] });
    return out;
  }, [slice, crop, groundZ]);

  const outlines = useMemo(() => {
    const v: number[] = [];
    const half = Math.min(crop.max ?? SLICE_HALF, 80);
    for (const z of [slice.min, slice.max]) {
      if (z === null) continue;
      const c = [
        [-half, -half],
        [half, -half],
        [half, half],
        [-half, half],
      ];
      for (let i = 0; i < 4; i++) v.push(c[i][0], c[i][1], z, c[(i + 1) % 4][0], c[(i + 1) % 4][1], z);
    }
    if (slice.min !== null || slice.max !== null) v.push(0, 0, slice.min ?? groundZ, 0, 0, slice.max ?? (slice.min ?? 0) + 3);
    return lines(v);
  }, [slice, crop.max, groundZ]);

  const rings = useMemo(() => {
    const v: number[] = [];
    const segments = 128;
    for (const r of [crop.min, crop.max]) {
      if (r === null || !(r > 0)) continue;
      for (let i = 0; i < segments; i++) {
        const a0 = (i / segments) * Math.PI * 2;
        const a1 = ((i + 1) / segments) * Math.PI * 2;
        v.push(r * Math.cos(a0), r * Math.sin(a0), groundZ, r * Math.cos(a1), r * Math.sin(a1), groundZ);
      }
    }
    return lines(v);
  }, [crop, groundZ]);
  useEffect(() => () => outlines.dispose(), [outlines]);
  useEffect(() => () => rings.dispose(), [rings]);

  // Read through refs: a drag changes the handles on every move, and must not restart the listeners.
  const live = useRef({ handles, groundZ });
  live.current = { handles, groundZ };
  const any = handles.length > 0;

  useEffect(() => {
    const stage = gl.domElement.closest('[data-viewport]') as HTMLElement | null;
    const view = stage?.querySelector('[data-testid="view-main"]') as HTMLElement | null;
    if (!stage || !view || !any) return;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    const p = new Vector3();
    let dragging: HandleId | null = null;

    const ray = (e: PointerEvent): { o: [number, number, number]; d: [number, number, number] } => {
      const r = view.getBoundingClientRect();
      ndc.set(((e.clientX - r.left) / r.width) * 2 - 1, -((e.clientY - r.top) / r.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const { origin: o, direction: d } = raycaster.ray;
      return { o: [o.x, o.y, o.z], d: [d.x, d.y, d.z] };
    };
    const near = (e: PointerEvent): HandleId | null => {
      const r = view.getBoundingClientRect();
      if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) return null;
      camera.updateMatrixWorld();
      let best: HandleId | null = null;
      let bestD = GRAB_PIXELS;
      for (const h of live.current.handles) {
        p.set(h.at[0], h.at[1], h.at[2]).project(camera);
        if (p.z > 1 || p.z < -1) continue;
        const d = Math.hypot(r.left + ((p.x + 1) / 2) * r.width - e.clientX, r.top + ((1 - p.y) / 2) * r.height - e.clientY);
        if (d <= bestD) {
          bestD = d;
          best = h.id;
        }
      }
      return best;
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const id = near(e);
      if (!id) return;
      dragging = id;
      e.stopPropagation();
      e.preventDefault();
      stage.setPointerCapture(e.pointerId);
    };
    const onMove = (e: PointerEvent) => {
      if (!dragging) {
        const id = near(e);
        stage.style.cursor = id ? (id[0] === 'z' ? 'ns-resize' : 'ew-resize') : '';
        return;
      }
      e.stopPropagation();
      const { o, d } = ray(e);
      const s = store.getState();
      if (dragging === 'zMin' || dragging === 'zMax') {
        const z = heightAtRay(o, d, 0, 0);
        if (z === null) return;
        const next: Interval = { ...s.visibility.heightSlice, [dragging === 'zMin' ? 'min' : 'max']: roundHandle(z) };
        s.setHeightSlice(next);
      } else {
        const r = rangeAtRay(o, d, live.current.groundZ);
        if (r === null) return;
        const next: Interval = { ...s.visibility.rangeCrop, [dragging === 'rMin' ? 'min' : 'max']: roundHandle(r) };
        s.setRangeCrop(next);
      }
      invalidate();
    };
    const onUp = (e: PointerEvent) => {
      if (!dragging) return;
      dragging = null;
      e.stopPropagation();
      if (stage.hasPointerCapture(e.pointerId)) stage.releasePointerCapture(e.pointerId);
    };
    // Capture phase on the stage: before the view's tool input and the camera controls.
    stage.addEventListener('pointerdown', onDown, { capture: true });
    stage.addEventListener('pointermove', onMove, { capture: true });
    stage.addEventListener('pointerup', onUp, { capture: true });
    return () => {
      stage.removeEventListener('pointerdown', onDown, { capture: true });
      stage.removeEventListener('pointermove', onMove, { capture: true });
      stage.removeEventListener('pointerup', onUp, { capture: true });
      stage.style.cursor = '';
    };
  }, [gl, camera, any, store, invalidate]);

  if (handles.length === 0) return null;
  return (
    <group name="slice-crop-handles">
      <lineSegments geometry={outlines} material={lineMaterial(SLICE_COLOR, 0.7)} />
      <lineSegments geometry={rings} material={lineMaterial(CROP_COLOR, 0.8)} />
      {handles.map((h) => (
        <ScreenSized key={h.id} position={h.at} modelHeight={1} pixels={13}>
          <mesh
            geometry={knob()}
            material={overlayMaterial(h.id[0] === 'z' ? SLICE_COLOR : CROP_COLOR)}
            renderOrder={10}
            userData={{ sliceCropHandle: h.id }}
            dispose={null}
          />
        </ScreenSized>
      ))}
    </group>
  );
}

function lines(vertices: number[]): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(vertices, 3));
  return g;
}
