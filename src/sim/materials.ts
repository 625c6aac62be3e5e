import { surface } from './primitives/Primitive.ts';
import type { Surface } from './primitives/Primitive.ts';

/**
 * Laser reflectivity presets (0..1, at normal incidence, roughly KITTI's reflectance scale).
 * Glass and black paint lose many returns; foliage lets rays through; signs and licence plates
 * are retroreflective.
 */
export const MATERIALS = {
  concrete: surface(0.3),
  kerbStone: surface(0.34),
  bark: surface(0.22),
  foliage: surface(0.38, { porosity: 0.35, depthJitter: 0.45 }),
  hedge: surface(0.33, { porosity: 0.2, depthJitter: 0.25 }),
  metalPole: surface(0.4),
  signFace: surface(0.95, { retroreflective: true }),
  licencePlate: surface(0.92, { retroreflective: true }),
  vehicleGlass: surface(0.06, { dropout: 0.45 }),
  tyre: surface(0.05, { dropout: 0.1 }),
  skin: surface(0.33),
  bicycleMetal: surface(0.3),
} satisfies Record<string, Surface>;

/** Facade reflectivity for a building, chosen by the scene RNG from 0..1. */
export function facade(u: number): Surface {
  return surface(0.18 + 0.3 * u);
}

/** Car paint: dark paints return little and drop more often (u in 0..1 from the scene RNG). */
export function paint(u: number): Surface {
  const albedo = 0.06 + 0.5 * u;
  return surface(albedo, { dropout: albedo < 0.12 ? 0.12 : 0 });
}

/** Clothing (u in 0..1). */
export function cloth(u: number): Surface {
  return surface(0.08 + 0.4 * u);
}
