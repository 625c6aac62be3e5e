/**
 * Simulated frames with exact ground truth for the quality bench, one sensor profile at a time.
 *
 * Labelling follows the sample dataset (`buildSampleDataset` → `labelFrame`): every object whose
 * box holds at least 5 points gets a box, all around the sensor (the app's `autoLabelRegion`
 * gives such a dataset no camera wedge, since boxes outside the camera have no image box), and
 * there are no DontCare regions. Objects with fewer points are no box but still ground truth: a
 * missed-object finding on them is not false.
 */
import { labelFrame } from '../../../src/sim/labelFrame.ts';
import { createRng } from '../../../src/sim/rng.ts';
import { sampleCalib } from '../../../src/sim/sampleCalib.ts';
import { buildScene } from '../../../src/sim/scene.ts';
import { buildRays } from '../../../src/sim/sensor.ts';
import { sensorForProfile, toVehicleFrame } from '../../../src/sim/sensorProfiles.ts';
import type { SensorProfileId } from '../../../src/sim/sensorProfiles.ts';
import { simulateFrame } from '../../../src/sim/simulateFrame.ts';
import { SAMPLE_IMAGE_SIZE } from '../../../src/sim/buildSampleDataset.ts';
import type { TrackWindowFrame } from '../../../src/domain/checks/expectedTrackBoxes.ts';
import { rigidFromYaw } from '../../../src/domain/poses/rigid.ts';
import type { Cuboid } from '../../../src/domain/types.ts';
import type { SimFrame } from '../../../src/sim/simulateFrame.ts';
import { truthSpot } from './defects.ts';
import type { QualityFrame } from './QualityFrame.ts';

/** A sensor profile mounted at one height, its points given in the sensor frame or a vehicle frame. */
export interface SimVariant {
  profile: SensorProfileId;
  /** Height of the optical centre above the ground, metres. */
  height: number;
  /** Points and boxes with the origin on the ground under the sensor (Argoverse 2 style). */
  vehicleFrame: boolean;
}

export function variantName(v: SimVariant): string {
  return `${v.profile}@${v.height.toFixed(2)}${v.vehicleFrame ? '/vehicle' : ''}`;
}

/**
 * The scene seed and frame index of the k-th frame of a run: a new seed (object sizes, looks,
 * places jittered) each time, and the ego 0–45 m along the street so the view changes.
 */
export function frameRecipe(k: number): { seed: number; frameIndex: number } {
  return { seed: 7100 + k, frameIndex: (k * 37) % 151 };
}

/** Simulates `count` frames of a variant (frames `first`, `first + 1`, …) with their ground truth. */
export function* simFrames(v: SimVariant, count: number, first = 0): Generator<QualityFrame> {
  const sensor = sensorForProfile(v.profile, v.height);
  const rays = buildRays(sensor);
  const calib = sampleCalib();
  for (let k = first; k < first + count; k++) {
    const { seed, frameIndex } = frameRecipe(k);
    const scene = buildScene(seed, { mountHeight: v.height });
    const sensorFrame = simulateFrame(scene, sensor, frameIndex, { rays });
    const labelled = labelFrame(sensorFrame, calib, { imageSize: SAMPLE_IMAGE_SIZE });
    const lift = v.vehicleFrame ? v.height : 0;
    // The frames just before and after, labelled the same way but with an annotator's hand
    // (`NEIGHBOUR_NOISE`), for the defects in a sequence.
    const noise = createRng(seed * 1000 + frameIndex);
    const neighbour = (index: number): TrackWindowFrame => {
      const f = simulateFrame(scene, sensor, index, { rays });
      const cuboids = labelFrame(f, calib, { imageSize: SAMPLE_IMAGE_SIZE })
        .filter((o) => o.labelled)
        .map((o) => {
          const c = o.cuboid;
          const n = NEIGHBOUR_NOISE;
          const center: Cuboid['center'] = [
            c.center[0] + n.position * noise.normal(),
            c.center[1] + n.position * noise.normal(),
            c.center[2] + lift + n.position * noise.normal(),
          ];
          const size: Cuboid['size'] = [
            c.size[0] * (1 + n.size * noise.normal()),
            c.size[1] * (1 + n.size * noise.normal()),
            c.size[2] * (1 + n.size * noise.normal()),
          ];
          return { ...c, center, size, yaw: c.yaw + ((n.yawDeg * Math.PI) / 180) * noise.normal() };
        });
      return { frameId: `${variantName(v)}/s${seed}f${index}`, cuboids, pose: poseOf(f) };
    };
    const sequence = frameIndex > 0 ? { before: neighbour(frameIndex - 1), after: neighbour(frameIndex + 1), pose: poseOf(sensorFrame) } : undefined;
    const frame = v.vehicleFrame ? toVehicleFrame(sensorFrame, v.height) : sensorFrame;
    const owner = frame.pointOwner;
    const byObject: number[][] = frame.objects.map(() => []);
    for (let i = 0; i < owner.length; i++) if (owner[i] >= 0) byObject[owner[i]].push(i);
    const boxes: Cuboid[] = [];
    const returns: number[] = [];
    const objectPoints: Uint32Array[] = [];
    labelled.forEach((o, i) => {
      if (!o.labelled) return;
      const c = o.cuboid;
      boxes.push({ ...c, center: [c.center[0], c.center[1], c.center[2] + lift] });
      returns.push(o.sim.hitPoints);
      objectPoints.push(Uint32Array.from(byObject[i]));
    });
    yield {
      id: `${variantName(v)}/s${seed}f${frameIndex}`,
      positions: frame.cloud.positions,
      ring: frame.cloud.attributes.ring as Uint16Array,
      boxes,
      returns,
      objectPoints,
      spots: frame.objects.map((o) => truthSpot(o)),
      dismissed: [],
      sensorOrigin: [0, 0, lift],
      ...(sequence !== undefined ? { sequence } : {}),
    };
  }
}

/**
 * How far an annotator's boxes of the frames around stray from the truth, one standard deviation:
 * centre per axis (metres), heading (degrees), each side (a share). Chosen as a careful
 * annotator's spread, not measured.
 */
const NEIGHBOUR_NOISE = { position: 0.1, yawDeg: 2, size: 0.04 };

/** A simulated frame's LiDAR → world pose (the same lift in every frame leaves the frame-to-frame motion as it is). */
function poseOf(f: SimFrame): number[] {
  const p = f.lidarToWorld;
  return rigidFromYaw(p.yaw, [p.tx, p.ty, p.tz]);
}
