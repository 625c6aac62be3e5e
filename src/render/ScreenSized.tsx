import { useRef, type ReactNode } from 'react';
import { useFrame } from '@react-three/fiber';
import { Vector3, type Group, type OrthographicCamera, type PerspectiveCamera } from 'three';
import { screenScale, type ViewAt } from './screenScale.ts';

const _world = new Vector3();
const _toPoint = new Vector3();
const _forward = new Vector3();

export interface ScreenSizedProps {
  position: readonly [number, number, number];
  /** How tall the children are as modelled, metres. */
  modelHeight: number;
  /** How tall they are drawn, CSS pixels. */
  pixels: number;
  name?: string;
  children: ReactNode;
}

/**
 * A group at `position` (LiDAR frame, metres) scaled every frame so that its children, modelled
 * `modelHeight` metres tall, are drawn `pixels` tall in the view that renders them (`screenScale`).
 */
export function ScreenSized({ position, modelHeight, pixels, name, children }: ScreenSizedProps) {
  const ref = useRef<Group>(null);
  useFrame((state) => {
    const g = ref.current;
    if (!g) return;
    const cam = state.camera as OrthographicCamera | PerspectiveCamera;
    let view: ViewAt;
    if ((cam as OrthographicCamera).isOrthographicCamera) {
      // drei's orthographic cameras (and Views) keep the frustum in CSS pixels of the view.
      const o = cam as OrthographicCamera;
      const pixelHeight = o.top - o.bottom;
      view = { kind: 'ortho', worldHeight: pixelHeight / Math.max(o.zoom, 1e-9), pixelHeight };
    } else {
      const p = cam as PerspectiveCamera;
      g.getWorldPosition(_world);
      cam.getWorldDirection(_forward);
      const depth = _toPoint.subVectors(_world, cam.position).dot(_forward);
      const fovDeg = (2 * Math.atan(Math.tan((p.fov * Math.PI) / 360) / Math.max(p.zoom, 1e-9)) * 180) / Math.PI;
      view = { kind: 'perspective', fovDeg, depth, pixelHeight: state.size.height };
    }
    const k = screenScale(view, pixels, modelHeight);
    if (Math.abs(g.scale.x - k) > 1e-6 * k) g.scale.setScalar(k);
  });
  return (
    <group ref={ref} position={position as [number, number, number]} name={name}>
      {children}
    </group>
  );
}
