/**
 * Seeded, deterministic LiDAR-like data for the benchmarks: a street scene with objects and a
 * spinning 64-beam scan of it. Nothing here is meant to be physically exact; it only has to look
 * like real data to a parser and to LZF (scan-ordered, correlated neighbours, float noise,
 * integer-valued intensities) and to a points-in-boxes query (dense near the sensor, objects
 * sitting on the ground and holding points). Ranges are quantized to 2 mm and azimuths to 0.01°
 * as sensors report them; with those, binary_compressed (xyzi planes) comes out at ~0.85 of the
 * raw size, against 0.80 for the real HDL-32 sample and 0.71 for KITTI velodyne frames.
 *
 * Frame: LiDAR frame of the first sweep (x forward, y left, z up, metres); the ground is at
 * z = -SENSOR_HEIGHT. Later sweeps are taken 1 m further along +x (an accumulated map), so large
 * clouds do not repeat the same points.
 */
import type { Cuboid, PointCloud, Vec3 } from '../../src/domain/types.ts';

/** Sensor height above the ground (KITTI's HDL-64 mount), metres. */
export const SENSOR_HEIGHT = 1.73;

const RINGS = 64;
const COLUMNS = 1800; // 0.2 degrees azimuth resolution
const MAX_RANGE = 100;
// Building fronts along the street, beyond the objects, with a gap every third 25 m block.
const WALL_LEFT = 40;
const WALL_RIGHT = -45;
const BLOCK = 25;
const WALL_HEIGHT = 25;
const EGO_STEP = 1; // metres per sweep
const RANGE_UNIT = 0.002; // metres, as HDL sensors report distance

/** mulberry32: small, fast, good enough for synthetic data. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal sample (Box-Muller) from a uniform generator. */
function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

interface ObjectClass {
  label: string;
  weight: number;
  size: Vec3; // mean [length, width, height], metres
  spread: number; // relative standard deviation of each dimension
}

const CLASSES: readonly ObjectClass[] = [
  { label: 'Car', weight: 0.55, size: [4.3, 1.8, 1.55], spread: 0.08 },
  { label: 'Van', weight: 0.08, size: [5.2, 2.0, 2.1], spread: 0.06 },
  { label: 'Truck', weight: 0.05, size: [10, 2.5, 3.4], spread: 0.15 },
  { label: 'Pedestrian', weight: 0.22, size: [0.7, 0.6, 1.72], spread: 0.1 },
  { label: 'Cyclist', weight: 0.1, size: [1.8, 0.6, 1.7], spread: 0.08 },
];

/**
 * Boxes placed like objects in a street scene: random positions within `radius` metres of the
 * sensor (in BEV), car / pedestrian / ... sizes, random yaw, resting on the ground.
 * Deterministic for a given seed; the first k boxes of a longer list are the same as a shorter list.
 */
export function syntheticStreetBoxes(count: number, seed = 7, radius = 60): Cuboid[] {
  const rand = seededRandom(seed);
  const boxes: Cuboid[] = [];
  for (let i = 0; i < count; i++) {
    let pick = rand();
    let cls = CLASSES[0];
    for (const c of CLASSES) {
      cls = c;
      pick -= c.weight;
      if (pick < 0) break;
    }
    const r = radius * Math.sqrt(rand());
    const a = 2 * Math.PI * rand();
    const dims = cls.size.map((d) => d * (1 + cls.spread * gaussian(rand))) as [number, number, number];
    const center: Vec3 = [2 + r * Math.cos(a), r * Math.sin(a), -SENSOR_HEIGHT + dims[2] / 2];
    boxes.push({
      id: `bench-${i}`,
      trackId: null,
      label: cls.label,
      center,
      size: dims,
      yaw: Math.PI * (2 * rand() - 1),
      attributes: { truncated: 0, occluded: 0 },
      source: 'manual',
    });
  }
  return boxes;
}

interface Hit {
  distance: number; // horizontal distance from the sensor to the first box face, Infinity if none
  height: number; // height of that box above the ground
}

/** Nearest box face along each column's azimuth, in BEV (slab test in the box frame). */
function castColumns(sensorX: number, boxes: readonly Cuboid[], cosA: Float64Array, sinA: Float64Array): Hit[] {
  const hits: Hit[] = [];
  for (let c = 0; c < COLUMNS; c++) hits.push({ distance: Infinity, height: 0 });
  for (const box of boxes) {
    const cy = Math.cos(box.yaw);
    const sy = Math.sin(box.yaw);
    const hl = box.size[0] / 2;
    const hw = box.size[1] / 2;
    const ox = sensorX - box.center[0];
    const oy = -box.center[1];
    const lox = ox * cy + oy * sy;
    const loy = -ox * sy + oy * cy;
    for (let c = 0; c < COLUMNS; c++) {
      const ldx = cosA[c] * cy + sinA[c] * sy;
      const ldy = -cosA[c] * sy + sinA[c] * cy;
      let t0 = 0;
      let t1 = Infinity;
      if (Math.abs(ldx) < 1e-12) {
        if (Math.abs(lox) > hl) continue;
      } else {
        const a = (-hl - lox) / ldx;
        const b = (hl - lox) / ldx;
        t0 = Math.max(t0, Math.min(a, b));
        t1 = Math.min(t1, Math.max(a, b));
      }
      if (Math.abs(ldy) < 1e-12) {
        if (Math.abs(loy) > hw) continue;
      } else {
        const a = (-hw - loy) / ldy;
        const b = (hw - loy) / ldy;
        t0 = Math.max(t0, Math.min(a, b));
        t1 = Math.min(t1, Math.max(a, b));
      }
      if (t0 <= t1 && t0 > 0.5 && t0 < hits[c].distance) {
        hits[c] = { distance: t0, height: box.size[2] };
      }
    }
  }
  return hits;
}

/** Ground intensity: dark asphalt with bright lane markings, integer-valued like most drivers. */
function groundIntensity(y: number, rand: () => number): number {
  const lane = Math.abs(((((y + 1.75) % 3.5) + 3.5) % 3.5) - 1.75);
  if (lane > 1.62) return Math.round(90 + 40 * rand());
  return Math.round(6 + 18 * rand());
}

/**
 * A spinning-scan-like cloud of exactly `count` points with fields x y z intensity (float32),
 * in scan order (column by column, 64 beams per column). Rays that hit nothing (sky, beyond
 * 100 m) are dropped, as unorganized driver output does.
 * @param scene boxes the scan sees as obstacles (default: `syntheticStreetBoxes(200, 7)`, so any
 *   prefix of that list used as query boxes holds scanned points)
 */
export function syntheticCloud(count: number, seed = 1, scene?: readonly Cuboid[]): PointCloud {
  const rand = seededRandom(seed);
  const boxes = scene ?? syntheticStreetBoxes(200, 7);
  const positions = new Float32Array(count * 3);
  const intensity = new Float32Array(count);

  // HDL-64-like beam layout: +2 deg down to -24.9 deg, denser near the horizon.
  const tanE = new Float64Array(RINGS);
  const cosE = new Float64Array(RINGS);
  const sinE = new Float64Array(RINGS);
  for (let r = 0; r < RINGS; r++) {
    const f = r / (RINGS - 1);
    const e = ((2 - 26.9 * Math.pow(f, 1.35)) * Math.PI) / 180;
    tanE[r] = Math.tan(e);
    cosE[r] = Math.cos(e);
    sinE[r] = Math.sin(e);
  }
  const cosA = new Float64Array(COLUMNS);
  const sinA = new Float64Array(COLUMNS);

  let n = 0;
  for (let sweep = 0; n < count; sweep++) {
    const sx = sweep * EGO_STEP;
    // The spin is not locked to the sweep: each sweep's firing azimuths start at a random phase,
    // quantized like the sensor reports them (0.01 degree).
    const phase = rand() * (360 / COLUMNS);
    for (let c = 0; c < COLUMNS; c++) {
      const deg = Math.round(((360 * c) / COLUMNS + phase) * 100) / 100 - 180;
      cosA[c] = Math.cos((deg * Math.PI) / 180);
      sinA[c] = Math.sin((deg * Math.PI) / 180);
    }
    const hits = castColumns(sx, boxes, cosA, sinA);
    for (let c = 0; c < COLUMNS && n < count; c++) {
      const hit = hits[c];
      const ca = cosA[c];
      const sa = sinA[c];
      const wallY = sa > 0 ? WALL_LEFT : WALL_RIGHT;
      let wallT = Math.abs(sa) > 1e-9 ? wallY / sa : Infinity;
      if (Math.floor((sx + wallT * ca) / BLOCK) % 3 === 0) wallT = Infinity;
      for (let r = 0; r < RINGS && n < count; r++) {
        const te = tanE[r];
        let t = Infinity;
        let kind = 0; // 1 ground, 2 box, 3 wall
        if (te < 0) {
          t = SENSOR_HEIGHT / -te;
          kind = 1;
        }
        const zBox = SENSOR_HEIGHT + hit.distance * te;
        if (hit.distance < t && zBox >= 0 && zBox <= hit.height) {
          t = hit.distance;
          kind = 2;
        }
        const zWall = SENSOR_HEIGHT + wallT * te;
        if (wallT < t && zWall >= 0 && zWall <= WALL_HEIGHT) {
          t = wallT;
          kind = 3;
        }
        if (kind === 0 || t > MAX_RANGE) continue;
        // Slant range with noise, quantized to the sensor's 2 mm unit; one azimuth per column.
        const slant = (t / cosE[r]) * (1 + 0.0005 * gaussian(rand)) + 0.02 * gaussian(rand);
        const range = Math.round(slant / RANGE_UNIT) * RANGE_UNIT;
        const horizontal = range * cosE[r];
        const x = sx + horizontal * ca;
        const y = horizontal * sa;
        const z = range * sinE[r];
        positions[3 * n] = x;
        positions[3 * n + 1] = y;
        positions[3 * n + 2] = z;
        intensity[n] =
          kind === 1 ? groundIntensity(y, rand) : kind === 2 ? Math.round(20 + 70 * rand() + (rand() < 0.02 ? 120 : 0)) : Math.round(30 + 40 * rand());
        n++;
      }
    }
  }
  return { count, positions, attributes: { intensity } };
}
