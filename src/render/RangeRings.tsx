import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';

export interface RangeRingsProps {
  /** Ring radii in metres. */
  radii?: readonly number[];
  /** Height of the rings (LiDAR z, metres): about the ground under the sensor. */
  z?: number;
}

/** Every 10 m out to 80 m: one array, so a render of the scene keeps the rings' geometry. */
const EVERY_10_M: readonly number[] = [10, 20, 30, 40, 50, 60, 70, 80];
const SEGMENTS = 128;

/**
 * Concentric range circles around the sensor, every 10 m by default. The geometry is made once
 * per radii and height (a new default array at each render had remade it, and left the old one
 * on the GPU, at every frame step: 14 ms of a step's main-thread task in a profile).
 */
export function RangeRings({ radii = EVERY_10_M, z = -1.7 }: RangeRingsProps) {
  const geometry = useMemo(() => {
    const vertices = new Float32Array(radii.length * SEGMENTS * 6);
    let o = 0;
    for (const r of radii) {
      for (let i = 0; i < SEGMENTS; i++) {
        const a0 = (i / SEGMENTS) * Math.PI * 2;
        const a1 = ((i + 1) / SEGMENTS) * Math.PI * 2;
        vertices.set([r * Math.cos(a0), r * Math.sin(a0), z, r * Math.cos(a1), r * Math.sin(a1), z], o);
        o += 6;
      }
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(vertices, 3));
    return g;
  }, [radii, z]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial color="#3a4458" transparent opacity={0.6} />
    </lineSegments>
  );
}
