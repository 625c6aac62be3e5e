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
  return surface(0.18 + 0.3 * u, { windows: 7.3 * u });
}

/** Glass of a facade window: dark, and most returns are lost (the beam goes inside). */
export const WINDOW_GLASS = { albedo: 0.05, dropout: 0.4 } as const;

/**
 * Whether a point of a facade lies in a window. `along` is the position along the facade (world
 * x or y, plus the building's shift) and `z` the world height, metres. The ground floor has shop
 * windows (2.2 m of glass in every 3.4 m, from 0.7 m to 2.6 m); upper storeys of 3 m have 1.3 m
 * wide, 1.4 m high windows every 2.6 m.
 */
export function isWindowAt(along: number, z: number): boolean {
  if (z < 3) {
    const bay = ((along % 3.4) + 3.4) % 3.4;
    return z > 0.7 && z < 2.6 && bay > 0.6 && bay < 2.8;
  }
  const inStorey = z % 3;
  const inBay = ((along % 2.6) + 2.6) % 2.6;
  return inStorey > 0.9 && inStorey < 2.3 && inBay > 0.65 && inBay < 1.95;
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
