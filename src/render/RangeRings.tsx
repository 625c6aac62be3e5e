import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';

export interface RangeRingsProps {
  /** Ring radii in metres. */
  radii?: number[];
  /** Height of the rings (LiDAR z, metres): about the ground under the sensor. */
  z?: number;
}

/** Concentric range circles around the sensor, every 10 m by default. */
export function RangeRings({ radii = [10, 20, 30, 40, 50, 60, 70, 80], z = -1.7 }: RangeRingsProps) {
  const geometry = useMemo(() => {
    const segments = 128;
    const vertices: number[] = [];
    for (const r of radii) {
      for (let i = 0; i < segments; i++) {
        const a0 = (i / segments) * Math.PI * 2;
        const a1 = ((i + 1) / segments) * Math.PI * 2;
        vertices.push(r * Math.cos(a0), r * Math.sin(a0), z, r * Math.cos(a1), r * Math.sin(a1), z);
      }
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(vertices, 3));
    return g;
  }, [radii, z]);
  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial color="#3a4458" transparent opacity={0.6} />
    </lineSegments>
  );
}
