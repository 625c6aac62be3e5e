/**
 * A tiny spinning-LiDAR ray caster for the missed-object tests: scenes of boxes and vertical
 * cylinders on flat ground, scanned the way a real sensor sees them (beams, firings, occlusion,
 * porous foliage), so that point counts follow the sensor model. Sensor at the origin, ground at
 * z = -SCAN_HEIGHT, LiDAR frame, metres. Deterministic.
 */

export const SCAN_HEIGHT = 1.73;

export type Shape =
  | { kind: 'box'; x: number; y: number; l: number; w: number; h: number; yaw?: number; bottom?: number; porosity?: number }
  | { kind: 'cylinder'; x: number; y: number; r: number; h: number; bottom?: number; porosity?: number };

export interface ScanOptions {
  beams?: number;
  /** Firings per turn. */
  columns?: number;
  maxRange?: number;
}

/** Beam elevations (radians) of an HDL-64-like fan from −24.9° to +2°, denser near the horizon. */
function elevations(beams: number): number[] {
  const upper = Math.ceil(beams / 2);
  const out: number[] = [];
  for (let i = 0; i < upper; i++) out.push(2 - (10.33 * i) / Math.max(1, upper - 1));
  for (let i = 0; i < beams - upper; i++) out.push(-8.83 - (16.07 * i) / Math.max(1, beams - upper - 1));
  return out.map((d) => (d * Math.PI) / 180);
}

function hash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

/** Distance along the unit ray d from the origin to the shape, or Infinity. */
function hit(s: Shape, dx: number, dy: number, dz: number): number {
  const z0 = -SCAN_HEIGHT + (s.bottom ?? 0);
  const z1 = z0 + s.h;
  if (s.kind === 'cylinder') {
    // |(t·dx − x, t·dy − y)| = r
    const a = dx * dx + dy * dy;
    const b = -2 * (dx * s.x + dy * s.y);
    const c = s.x * s.x + s.y * s.y - s.r * s.r;
    const disc = b * b - 4 * a * c;
    if (disc < 0 || a === 0) return Infinity;
    const t = (-b - Math.sqrt(disc)) / (2 * a);
    const z = t * dz;
    return t > 0 && z >= z0 && z <= z1 ? t : Infinity;
  }
  const c = Math.cos(s.yaw ?? 0);
  const sn = Math.sin(s.yaw ?? 0);
  // Ray in box coordinates (origin moved to the box centre, rotated by −yaw).
  const px = -(s.x * c + s.y * sn);
  const py = -(-s.x * sn + s.y * c);
  const ux = dx * c + dy * sn;
  const uy = -dx * sn + dy * c;
  let tmin = 0;
  let tmax = Infinity;
  for (const [o, d, half] of [
    [px, ux, s.l / 2],
    [py, uy, s.w / 2],
  ] as const) {
    if (Math.abs(d) < 1e-12) {
      if (Math.abs(o) > half) return Infinity;
      continue;
    }
    let t1 = (-half - o) / d;
    let t2 = (half - o) / d;
    if (t1 > t2) [t1, t2] = [t2, t1];
    tmin = Math.max(tmin, t1);
    tmax = Math.min(tmax, t2);
  }
  if (Math.abs(dz) > 1e-12) {
    let t1 = z0 / dz;
    let t2 = z1 / dz;
    if (t1 > t2) [t1, t2] = [t2, t1];
    tmin = Math.max(tmin, t1);
    tmax = Math.min(tmax, t2);
  } else if (0 < z0 || 0 > z1) {
    return Infinity;
  }
  return tmin <= tmax && tmin > 0 ? tmin : Infinity;
}

/**
 * Scans `shapes` (and the ground) from the origin. A porous shape lets a ray through with its
 * `porosity` probability (foliage); 1 % of all returns are lost at random.
 */
export function scan(shapes: readonly Shape[], opts: ScanOptions = {}): Float32Array {
  const els = elevations(opts.beams ?? 64);
  const columns = opts.columns ?? 1800;
  const maxRange = opts.maxRange ?? 100;
  const out: number[] = [];
  for (let k = 0; k < columns; k++) {
    const az = Math.PI - ((k + 0.5) * 2 * Math.PI) / columns;
    const ca = Math.cos(az);
    const sa = Math.sin(az);
    for (let b = 0; b < els.length; b++) {
      const ce = Math.cos(els[b]);
      const dx = ce * ca;
      const dy = ce * sa;
      const dz = Math.sin(els[b]);
      const ray = k * els.length + b;
      if (hash(ray, 7) < 0.01) continue;
      let t = dz < 0 ? -SCAN_HEIGHT / dz : Infinity;
      shapes.forEach((s, i) => {
        const ts = hit(s, dx, dy, dz);
        if (ts < t && !(s.porosity !== undefined && hash(ray, 100 + i) < s.porosity)) t = ts;
      });
      if (!(t < maxRange) || t < 2.5) continue;
      const r = t + (hash(ray, 3) - 0.5) * 0.02;
      out.push(r * dx, r * dy, r * dz);
    }
  }
  return Float32Array.from(out);
}

/**
 * Tall buildings on all four sides, 70 m out: every beam above the horizon returns somewhere, as
 * in a street (the checks read the sensor's highest beam from the returns).
 */
export const SURROUNDINGS: readonly Shape[] = [
  { kind: 'box', x: 72, y: 0, l: 4, w: 150, h: 25 },
  { kind: 'box', x: -72, y: 0, l: 4, w: 150, h: 25 },
  { kind: 'box', x: 0, y: 72, l: 150, w: 4, h: 25 },
  { kind: 'box', x: 0, y: -72, l: 150, w: 4, h: 25 },
];

/** A tree: a trunk and a porous crown box above it. */
export function tree(x: number, y: number): Shape[] {
  return [
    { kind: 'cylinder', x, y, r: 0.18, h: 4 },
    { kind: 'box', x, y, l: 3.5, w: 3.5, h: 3.5, bottom: 2.4, porosity: 0.5 },
  ];
}
