/**
 * Colours of the simulated camera image: a base colour per material (the laser presets of
 * materials.ts identify what a surface is), per-actor car paint and clothing, and the sky. Colours
 * are RGB in 0..1 (display values, no gamma handling).
 */
import type { SceneActor } from '../actors/SceneActor.ts';
import { MATERIALS } from '../materials.ts';
import type { Surface } from '../primitives/Primitive.ts';

export type Rgb = [number, number, number];

const STATIC_COLOURS = new Map<Surface, Rgb>([
  [MATERIALS.concrete, [0.64, 0.63, 0.6]],
  [MATERIALS.kerbStone, [0.6, 0.56, 0.5]],
  [MATERIALS.bark, [0.34, 0.26, 0.18]],
  [MATERIALS.foliage, [0.25, 0.45, 0.18]],
  [MATERIALS.hedge, [0.18, 0.38, 0.16]],
  [MATERIALS.metalPole, [0.33, 0.35, 0.38]],
  [MATERIALS.signFace, [0.1, 0.32, 0.75]],
  [MATERIALS.licencePlate, [0.94, 0.94, 0.9]],
  [MATERIALS.vehicleGlass, [0.09, 0.11, 0.15]],
  [MATERIALS.tyre, [0.06, 0.06, 0.06]],
  [MATERIALS.skin, [0.87, 0.68, 0.55]],
  [MATERIALS.bicycleMetal, [0.6, 0.12, 0.1]],
]);

/** Kerb faces (the road-facing sides of the sidewalk slabs). */
export const KERB: Rgb = [0.78, 0.77, 0.73];

/** Car paints; dark laser paint always shows as black. */
const PAINTS: Rgb[] = [
  [0.7, 0.1, 0.09],
  [0.13, 0.26, 0.6],
  [0.74, 0.75, 0.77],
  [0.93, 0.93, 0.91],
  [0.2, 0.4, 0.27],
  [0.45, 0.47, 0.5],
  [0.86, 0.6, 0.12],
  [0.5, 0.36, 0.26],
  [0.25, 0.5, 0.7],
];
const BLACK_PAINT: Rgb = [0.07, 0.07, 0.08];
const CARGO: Rgb = [0.86, 0.86, 0.83];

const CLOTHES: Rgb[] = [
  [0.16, 0.2, 0.36],
  [0.55, 0.1, 0.12],
  [0.2, 0.2, 0.22],
  [0.8, 0.78, 0.7],
  [0.2, 0.42, 0.5],
  [0.62, 0.5, 0.2],
  [0.35, 0.45, 0.25],
];

const FACADES: Rgb[] = [
  [0.82, 0.76, 0.62],
  [0.6, 0.34, 0.26],
  [0.66, 0.66, 0.64],
  [0.78, 0.6, 0.4],
  [0.88, 0.86, 0.8],
  [0.56, 0.6, 0.64],
];

/** Window glass of a facade. */
export const WINDOW: Rgb = [0.24, 0.3, 0.38];

const scale = (c: Rgb, k: number): Rgb => [c[0] * k, c[1] * k, c[2] * k];

/** Body colour of a vehicle actor. */
function paintOf(actor: SceneActor): Rgb {
  if (actor.look.type !== 'vehicle') return PAINTS[0];
  return actor.look.paint.albedo < 0.12 ? BLACK_PAINT : PAINTS[(actor.index * 5 + 3) % PAINTS.length];
}

/**
 * Base colour of a surface. `actor` is the owning actor (undefined for scenery). Car paint is
 * chosen per actor (dark laser paints stay black); clothing per actor and garment, darker for
 * darker laser albedo; facades from their reflectivity.
 */
export function baseColour(surface: Surface, actor: SceneActor | undefined): Rgb {
  const known = STATIC_COLOURS.get(surface);
  if (known !== undefined) return known;
  if (actor !== undefined) {
    if (actor.look.type === 'vehicle') return surface === actor.look.paint ? paintOf(actor) : CARGO;
    const upper = surface === actor.look.upper;
    const hue = CLOTHES[(actor.index * 3 + (upper ? 1 : 2)) % CLOTHES.length];
    return scale(hue, 0.7 + 0.6 * surface.albedo);
  }
  if (surface.windows !== undefined) {
    const u = Math.min(0.999, Math.max(0, (surface.albedo - 0.18) / 0.3));
    return FACADES[Math.floor(u * FACADES.length)];
  }
  const g = 0.3 + surface.albedo;
  return [g, g, g];
}

/**
 * Colour of the road surface from the ground's laser reflectivity map: paint (markings and the
 * zebra crossing), gravel verges, asphalt.
 */
export function groundColour(albedo: number): Rgb {
  if (albedo >= 0.45) return [0.88, 0.88, 0.85];
  if (albedo >= 0.2) return [0.46, 0.43, 0.38];
  return [0.3, 0.3, 0.31];
}

/** Haze at the horizon; distant surfaces fade into it. */
export const HAZE: Rgb = [0.8, 0.84, 0.88];
const ZENITH: Rgb = [0.36, 0.55, 0.82];

/**
 * Sky colour for a ray whose world direction has vertical component `dz` (unit vector), written
 * into `out` (returned).
 */
export function skyColour(dz: number, out: Rgb = [0, 0, 0]): Rgb {
  const k = Math.min(1, Math.max(0, dz / 0.3));
  for (let c = 0; c < 3; c++) out[c] = HAZE[c] + (ZENITH[c] - HAZE[c]) * k;
  return out;
}
