import { STREET, isInCrossStreet } from './streetLayout.ts';

/**
 * The ground of the street: a slightly uneven height field (world frame, metres) with a crowned
 * road, plus a reflectivity map (asphalt, lane markings, a zebra crossing, gravel verges).
 * Sidewalks are separate boxes standing on it.
 */
export interface GroundModel {
  /** Ground height z at world (x, y). */
  height(x: number, y: number): number;
  /** Gradient ∂h/∂x, ∂h/∂y at (x, y), written into out. */
  gradient(x: number, y: number, out: number[]): number[];
  /** Reflectivity 0..1 at world (x, y). */
  albedo(x: number, y: number): number;
}

interface Wave {
  a: number;
  kx: number;
  ky: number;
  phase: number;
}

/** Waves of the height field: amplitudes of a few centimetres over 10–40 m. */
function makeWaves(phases: readonly number[]): Wave[] {
  const spec: Array<[number, number, number]> = [
    [0.035, (2 * Math.PI) / 37, (2 * Math.PI) / 53],
    [0.02, (-2 * Math.PI) / 23, (2 * Math.PI) / 29],
    [0.012, (2 * Math.PI) / 11, (-2 * Math.PI) / 17],
  ];
  return spec.map(([a, kx, ky], i) => ({ a, kx, ky, phase: phases[i % phases.length] }));
}

function crown(y: number, x: number): { h: number; dh: number } {
  // Inside a cross street the road is flat across y (its own crown runs along x, ignored).
  if (isInCrossStreet(x)) return { h: -STREET.crownDrop, dh: 0 };
  const u = y / STREET.roadHalfWidth;
  if (Math.abs(u) >= 1) return { h: -STREET.crownDrop, dh: 0 };
  return { h: -STREET.crownDrop * u * u, dh: (-2 * STREET.crownDrop * u) / STREET.roadHalfWidth };
}

/** Reflectivity of the road paint and surfaces at world (x, y). */
function roadAlbedo(x: number, y: number): number {
  const ay = Math.abs(y);
  const inCross = isInCrossStreet(x);
  if (ay > STREET.roadHalfWidth && !inCross) return 0.22; // gravel under courtyards
  // Zebra crossing before the first cross street: stripes along x, 0.5 m wide.
  const [c0] = STREET.crossStreets[0];
  if (x > c0 - 4 && x < c0 - 1 && ay < STREET.laneHalfWidth) {
    return (y + 100) % 1.0 < 0.5 ? 0.6 : 0.1;
  }
  if (!inCross) {
    if (ay < 0.075 && ((x % 9) + 9) % 9 < 3) return 0.55; // dashed centre line
    if (ay > STREET.laneHalfWidth - 0.075 && ay < STREET.laneHalfWidth + 0.075) return 0.5; // edge lines
  } else if (ay > STREET.roadHalfWidth && Math.abs(x - 0.5 * (STREET.crossStreets[0][0] + STREET.crossStreets[0][1])) < 0.075) {
    return 0.5; // centre line of the cross street
  }
  return 0.1;
}

/** Builds the ground; `phases` (radians) come from the scene's seeded RNG. */
export function createGround(phases: readonly number[]): GroundModel {
  const waves = makeWaves(phases);
  return {
    height(x, y) {
      let h = crown(y, x).h;
      for (const w of waves) h += w.a * Math.sin(w.kx * x + w.ky * y + w.phase);
      return h;
    },
    gradient(x, y, out) {
      let gx = 0;
      let gy = crown(y, x).dh;
      for (const w of waves) {
        const c = w.a * Math.cos(w.kx * x + w.ky * y + w.phase);
        gx += c * w.kx;
        gy += c * w.ky;
      }
      out[0] = gx;
      out[1] = gy;
      return out;
    },
    albedo: roadAlbedo,
  };
}
