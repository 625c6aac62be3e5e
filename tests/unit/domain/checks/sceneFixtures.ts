/**
 * Hand-built point scenes for the checks tests: a flat ground grid and objects as points on the
 * sides and top of boxes, LiDAR frame, metres. Deterministic (seeded jitter).
 */
import { createCheckContext } from '../../../../src/domain/checks/createCheckContext.ts';
import type { CheckContext } from '../../../../src/domain/checks/CheckContext.ts';
import type { EdgeCaseDictionary } from '../../../../src/domain/checks/dictionary/EdgeCaseDictionary.ts';
import { analyzeFrame } from '../../../../src/domain/checks/frame/analyzeFrame.ts';
import type { Cuboid, Vec3 } from '../../../../src/domain/types.ts';

export const GROUND_Z = -1.7;

/** mulberry32, floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A box resting on the ground (or `lift` metres above it), LiDAR frame. */
export function box(id: string, label: string, x: number, y: number, size: Vec3, yaw = 0, extra: Partial<Cuboid> = {}, lift = 0): Cuboid {
  return {
    id,
    trackId: null,
    label,
    center: [x, y, GROUND_Z + lift + size[2] / 2],
    size,
    yaw,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual',
    ...extra,
  };
}

/** Ground points on a grid over [x0, x1] × [y0, y1] at `spacing` metres, z jitter ±1 cm. */
export function groundPoints(x0: number, x1: number, y0: number, y1: number, spacing: number, seed = 1): number[] {
  const r = rng(seed);
  const out: number[] = [];
  for (let x = x0; x <= x1; x += spacing) {
    for (let y = y0; y <= y1; y += spacing) out.push(x, y, GROUND_Z + (r() - 0.5) * 0.02);
  }
  return out;
}

/**
 * Points on the four sides and the top of a solid object shaped like `b` (LiDAR frame), at
 * about `spacing` metres, starting 5 cm above its bottom, kept 2 cm inside its faces.
 */
export function objectPoints(b: Pick<Cuboid, 'center' | 'size' | 'yaw'>, spacing = 0.1): number[] {
  const [l, w, h] = b.size.map((v) => v - 0.04);
  const c = Math.cos(b.yaw);
  const s = Math.sin(b.yaw);
  const out: number[] = [];
  const push = (lx: number, ly: number, lz: number): void => {
    out.push(b.center[0] + lx * c - ly * s, b.center[1] + lx * s + ly * c, b.center[2] + lz);
  };
  const bottom = -b.size[2] / 2 + 0.05;
  for (let z = bottom; z <= h / 2; z += spacing) {
    for (let u = -l / 2; u <= l / 2; u += spacing) {
      push(u, w / 2, z);
      push(u, -w / 2, z);
    }
    for (let v = -w / 2; v <= w / 2; v += spacing) {
      push(l / 2, v, z);
      push(-l / 2, v, z);
    }
  }
  for (let u = -l / 2; u <= l / 2; u += spacing) {
    for (let v = -w / 2; v <= w / 2; v += spacing) push(u, v, h / 2);
  }
  return out;
}

/** Concatenates point lists into one positions buffer. */
export function cloud(...parts: number[][]): Float32Array {
  return Float32Array.from(parts.flat());
}

/** A 40 × 40 m ground patch around the sensor with the given objects' points on it. */
export function sceneWith(objects: readonly Pick<Cuboid, 'center' | 'size' | 'yaw'>[], spacing = 0.1): Float32Array {
  return cloud(groundPoints(-5, 35, -20, 20, 0.5), ...objects.map((o) => objectPoints(o, spacing)));
}

/** A full check context (frame analysis included) over `positions` and `cuboids`. */
export function contextFor(
  positions: Float32Array,
  cuboids: readonly Cuboid[],
  extra: { dictionary?: EdgeCaseDictionary; only?: string[] } & Partial<Pick<CheckContext, 'labelRegion'>> = {},
): CheckContext {
  const ctx = createCheckContext({
    frameId: 'test',
    positions,
    cuboids,
    dictionary: extra.dictionary,
    analysis: analyzeFrame(positions),
    labelRegion: extra.labelRegion,
  });
  return extra.only ? { ...ctx, only: new Set(extra.only) } : ctx;
}
