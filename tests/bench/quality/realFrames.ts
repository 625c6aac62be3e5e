/**
 * The real labelled frames of ../shared/samples (read-only) as quality-bench frames:
 * - `kitti/` 000000–000002 (HDL-64E): label_2 boxes through `kittiToCuboid`; DontCare lines are
 *   no objects but ignore regions, and the label region is the one the app gives a KITTI frame
 *   (`autoLabelRegion('auto', …)`: camera 2's view minus the DontCare columns);
 * - `multisensor/av2_…` (2 × VLP-32C, vehicle frame, sensor ≈1.9 m above the origin) and
 *   `multisensor/sustechpoints_example_000975` (Pandar40-class): `*.f32.bin` (x y z intensity
 *   ring) and `boxes_lidar.json` (centre, [l, w, h], yaw about +z); all around (no camera).
 *
 * Class names map to KITTI's: REGULAR_VEHICLE/Car → Car; LARGE_VEHICLE, BOX_TRUCK, TRUCK, Truck →
 * Truck (a 6.1 × 2.9 × 3.2 m box truck is too wide and tall for Van); BUS/Bus → Truck (KITTI has no
 * bus; its size fits Truck, and Tram means rail); PEDESTRIAN/Pedestrian → Pedestrian;
 * Rider/Motor/bicycle → Cyclist. BOLLARD and SIGN are no objects: not in the truth, but a
 * missed-object finding on one is not counted as false (it is a known non-object).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { autoLabelRegion } from '../../../src/domain/checks/autoLabelRegion.ts';
import { pointsInCuboids } from '../../../src/domain/geometry/pointsInCuboids.ts';
import { kittiToCuboid } from '../../../src/domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../../src/domain/kitti/parseKittiLabel.ts';
import { readPngSize } from '../../../src/domain/kitti/readPngSize.ts';
import { readVelodyneBin } from '../../../src/domain/kitti/readVelodyneBin.ts';
import type { Cuboid, Vec3 } from '../../../src/domain/types.ts';
import { truthSpot } from './defects.ts';
import type { TruthSpot } from './defects.ts';
import type { QualityFrame } from './QualityFrame.ts';

/** ../shared/samples relative to the repository (the bench runs from the repository root). */
export const SHARED_SAMPLES = path.resolve(process.cwd(), '../shared/samples');

/** Points in each box above its bottom 0.2 m (ground left out), with their indices. */
function objectPointsOf(positions: Float32Array, boxes: readonly Cuboid[]): { counts: number[]; indices: Uint32Array[] } {
  const raised = boxes.map((b) => ({
    center: [b.center[0], b.center[1], b.center[2] + 0.1] as Vec3,
    size: [b.size[0], b.size[1], Math.max(0, b.size[2] - 0.2)] as Vec3,
    yaw: b.yaw,
  }));
  const { counts, indices } = pointsInCuboids(positions, raised);
  return { counts: Array.from(counts), indices };
}

/** The three KITTI frames, or none when the folder is missing. */
export function kittiFrames(): QualityFrame[] {
  const dir = path.join(SHARED_SAMPLES, 'kitti');
  if (!existsSync(dir)) return [];
  const ids = readdirSync(path.join(dir, 'label_2'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
  return ids.map((id): QualityFrame => {
    const read = (sub: string, ext: string): Buffer => readFileSync(path.join(dir, sub, `${id}.${ext}`));
    const positions = readVelodyneBin(read('velodyne', 'bin'), { fileName: `kitti/velodyne/${id}.bin` }).positions;
    const calib = parseKittiCalib(read('calib', 'txt').toString('utf8'), { fileName: `kitti/calib/${id}.txt` });
    const objects = parseKittiLabel(read('label_2', 'txt').toString('utf8'), { fileName: `kitti/label_2/${id}.txt` });
    const boxes = objects.filter((o) => o.type !== 'DontCare').map((o, i) => kittiToCuboid(o, calib, { id: `${id}#${i + 1}` }));
    const dontCare = objects.filter((o) => o.type === 'DontCare').map((o) => o.bbox);
    const png = path.join(dir, 'image_2', `${id}.png`);
    const width = existsSync(png) ? (readPngSize(new Uint8Array(readFileSync(png).subarray(0, 24)))?.[0] ?? 1242) : 1242;
    const { counts, indices } = objectPointsOf(positions, boxes);
    return {
      id: `kitti/${id}`,
      positions,
      boxes,
      returns: counts,
      objectPoints: indices,
      spots: boxes.map(truthSpot),
      dismissed: [],
      labelRegion: autoLabelRegion('auto', calib, width, boxes, dontCare),
      sensorOrigin: [0, 0, 0],
    };
  });
}

/** KITTI class for a multisensor label, or null for a non-object (bollard, sign). */
export function kittiClassOf(label: string): string | null {
  const map: Record<string, string | null> = {
    REGULAR_VEHICLE: 'Car',
    Car: 'Car',
    LARGE_VEHICLE: 'Truck',
    BOX_TRUCK: 'Truck',
    TRUCK: 'Truck',
    Truck: 'Truck',
    BUS: 'Truck',
    Bus: 'Truck',
    PEDESTRIAN: 'Pedestrian',
    Pedestrian: 'Pedestrian',
    Rider: 'Cyclist',
    Motor: 'Cyclist',
    bicycle: 'Cyclist',
    BICYCLE: 'Cyclist',
    BICYCLIST: 'Cyclist',
    BOLLARD: null,
    SIGN: null,
  };
  const k = map[label];
  if (k === undefined) throw new Error(`bench/quality: no KITTI class for multisensor label "${label}" (add it to kittiClassOf)`);
  return k;
}

interface LidarBox {
  label: string;
  center: Vec3;
  size: Vec3;
  yaw: number;
}

const MULTISENSOR: { folder: string; sensorOrigin: Vec3 }[] = [
  // Argoverse 2: vehicle frame, origin on the ground at the rear axle; the roof LiDARs ≈1.9 m up.
  { folder: 'av2_adcf7d18_315973157959879000', sensorOrigin: [0, 0, 1.9] },
  { folder: 'sustechpoints_example_000975', sensorOrigin: [0, 0, 0] },
];

/** The two multisensor frames (those present). */
export function multisensorFrames(): QualityFrame[] {
  const out: QualityFrame[] = [];
  for (const { folder, sensorOrigin } of MULTISENSOR) {
    const dir = path.join(SHARED_SAMPLES, 'multisensor', folder);
    if (!existsSync(dir)) continue;
    const binName = readdirSync(dir).find((f) => f.endsWith('.f32.bin'));
    if (binName === undefined) throw new Error(`bench/quality: no *.f32.bin in ${dir}`);
    const cloud = readVelodyneBin(readFileSync(path.join(dir, binName)), { layout: 'xyzir', fileName: binName });
    const positions = cloud.positions;
    const jsonPath = path.join(dir, 'boxes_lidar.json');
    const raw = JSON.parse(readFileSync(jsonPath, 'utf8')) as LidarBox[];
    if (!Array.isArray(raw)) throw new Error(`bench/quality: ${jsonPath} is not a list of boxes`);
    const boxes: Cuboid[] = [];
    const nonObjects: TruthSpot[] = [];
    raw.forEach((b, i) => {
      const cls = kittiClassOf(b.label);
      if (cls === null) {
        nonObjects.push(truthSpot(b));
        return;
      }
      boxes.push({
        id: `${folder}#${i}`,
        trackId: null,
        label: cls,
        center: [b.center[0], b.center[1], b.center[2]],
        size: [b.size[0], b.size[1], b.size[2]],
        yaw: b.yaw,
        attributes: { truncated: 0, occluded: 0 },
        source: 'import',
      });
    });
    const { counts, indices } = objectPointsOf(positions, boxes);
    out.push({
      id: `multisensor/${folder.split('_')[0]}`,
      positions,
      ring: cloud.attributes.ring,
      boxes,
      returns: counts,
      objectPoints: indices,
      spots: [...boxes.map(truthSpot), ...nonObjects],
      dismissed: nonObjects,
      sensorOrigin,
    });
  }
  return out;
}
