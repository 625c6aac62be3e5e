/**
 * A synthetic street for the seeded-defect test: parked cars on both kerbs, traffic, a van, a
 * truck, cyclists and pedestrians, no two boxes overlapping, scanned by the bench's 64-beam
 * synthetic LiDAR (tests/bench/syntheticCloud.ts) so that points come with occlusion, range
 * noise and sparse far objects. LiDAR frame, metres; ground at z = -SENSOR_HEIGHT.
 */
import { defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { minPointsAt } from '../../../../src/domain/checks/dictionary/minPointsAt.ts';
import { pointsInCuboids } from '../../../../src/domain/geometry/pointsInCuboids.ts';
import type { Cuboid, Vec3 } from '../../../../src/domain/types.ts';
import { SENSOR_HEIGHT, seededRandom, syntheticCloud } from '../../../bench/syntheticCloud.ts';

interface Spec {
  label: string;
  x: number;
  y: number;
  size: Vec3;
  yaw: number;
}

/** The street's ground-truth boxes (deterministic for a seed). */
export function streetBoxes(seed = 11): Cuboid[] {
  const r = seededRandom(seed);
  const jitter = (v: number, k = 0.06) => v * (1 + k * (2 * r() - 1));
  const specs: Spec[] = [];
  // Parked cars along both kerbs, 6.5 m apart, some gaps.
  for (const side of [-1, 1]) {
    for (let x = 6; x <= 44; x += 6.5) {
      if (r() < 0.25) continue;
      specs.push({ label: 'Car', x: x + r(), y: side * 6.2, size: [jitter(4.3), jitter(1.8), jitter(1.5)], yaw: side > 0 ? 0 : Math.PI });
    }
  }
  // Traffic in the two lanes.
  specs.push({ label: 'Car', x: 14, y: 2, size: [4.5, 1.85, 1.45], yaw: 0.02 });
  specs.push({ label: 'Car', x: 30, y: -2, size: [4.1, 1.75, 1.5], yaw: Math.PI - 0.03 });
  specs.push({ label: 'Van', x: 42, y: 2.2, size: [5.3, 2.05, 2.3], yaw: 0 });
  specs.push({ label: 'Truck', x: 56, y: -2.2, size: [9.5, 2.5, 3.4], yaw: Math.PI });
  // Cyclists between the lanes and the parked cars, pedestrians on the pavements.
  specs.push({ label: 'Cyclist', x: 21, y: 4.2, size: [1.8, 0.6, 1.7], yaw: 0 });
  specs.push({ label: 'Cyclist', x: 9, y: -4.1, size: [1.75, 0.65, 1.75], yaw: Math.PI });
  for (const [x, y] of [
    [8, 9.5],
    [13, -9.4],
    [19, 10],
    [26, -9.8],
    [33, 9.6],
    [38, -10.2],
    [-8, 9],
    [-6, -9.5],
  ]) {
    specs.push({ label: 'Pedestrian', x: x + r() * 0.5, y, size: [jitter(0.75, 0.15), jitter(0.65, 0.1), jitter(1.72, 0.06)], yaw: r() * 2 * Math.PI });
  }
  specs.push({ label: 'Car', x: -12, y: 2, size: [4.4, 1.8, 1.5], yaw: 0 });
  return specs.map((s, i) => ({
    id: `s${i}-${s.label}`,
    trackId: null,
    label: s.label,
    center: [s.x, s.y, -SENSOR_HEIGHT + s.size[2] / 2],
    size: s.size,
    yaw: s.yaw,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual',
  }));
}

/**
 * The scan of the street: `count` points (about one sweep for 110k). The objects' surfaces lie
 * 5 cm inside their boxes (sides and top), as an annotator's box encloses its points.
 */
export function streetScan(boxes: readonly Cuboid[], count = 110_000, seed = 5): Float32Array {
  const surfaces = boxes.map((b) => ({
    ...b,
    center: [b.center[0], b.center[1], b.center[2] - 0.025] as Vec3,
    size: [b.size[0] - 0.1, b.size[1] - 0.1, b.size[2] - 0.05] as Vec3,
  }));
  return syntheticCloud(count, seed, surfaces).positions;
}

/**
 * The street as an annotator would label it: scanned, then every box the scan leaves with fewer
 * points than its class needs (hidden behind parked cars) is dropped and the street rescanned,
 * until every box is visible.
 */
export function visibleStreet(seed = 11, count = 110_000): { boxes: Cuboid[]; positions: Float32Array } {
  let boxes = streetBoxes(seed);
  for (;;) {
    const positions = streetScan(boxes, count);
    const counts = pointsInCuboids(positions, boxes, { withIndices: false }).counts;
    const kept = boxes.filter((b, i) => counts[i] >= minPointsAt(defaultDictionary.classes[b.label], Math.hypot(b.center[0], b.center[1])));
    if (kept.length === boxes.length) return { boxes, positions };
    boxes = kept;
  }
}
