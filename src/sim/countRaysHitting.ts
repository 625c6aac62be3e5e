import { candidateRays } from './candidateRays.ts';
import { intersectPrimitive } from './primitives/intersectPrimitive.ts';
import type { Primitive } from './primitives/Primitive.ts';
import type { RayBundle, SensorModel } from './sensor.ts';

/**
 * Number of rays of a sweep that hit at least one of `primitives` within `reach` metres,
 * ignoring everything else in the scene: how many returns an object would give if nothing
 * occluded it. Primitives are in the LiDAR frame. `scratch` (one byte per ray, all zero) may be
 * passed to avoid an allocation; it is left all zero again.
 */
export function countRaysHitting(
  sensor: SensorModel,
  rays: RayBundle,
  primitives: readonly Primitive[],
  reach: number,
  scratch: Uint8Array = new Uint8Array(rays.count),
): number {
  const n = sensor.azimuthSteps;
  const marked: number[] = [];
  for (const prim of primitives) {
    const block = candidateRays(sensor, prim, reach);
    if (block === null) continue;
    for (let kk = block.k0; kk <= block.k1; kk++) {
      const k = ((kk % n) + n) % n;
      for (let r = block.r0; r <= block.r1; r++) {
        const i = k * sensor.beams + r;
        if (scratch[i] !== 0) continue;
        if (intersectPrimitive(prim, 0, 0, 0, rays.dx[i], rays.dy[i], rays.dz[i]) <= reach) {
          scratch[i] = 1;
          marked.push(i);
        }
      }
    }
  }
  for (const i of marked) scratch[i] = 0;
  return marked.length;
}
