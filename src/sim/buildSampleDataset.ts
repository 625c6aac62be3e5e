import { formatKittiCalib } from '../domain/kitti/formatKittiCalib.ts';
import { formatKittiLabel } from '../domain/kitti/formatKittiLabel.ts';
import { parseKittiCalib } from '../domain/kitti/parseKittiCalib.ts';
import { writePcd } from '../domain/pcd/writePcd.ts';
import { renderCameraImage } from './camera/renderCameraImage.ts';
import { encodePng } from './encodePng.ts';
import type { ZlibDeflate } from './encodePng.ts';
import { encodeVelodyneBin } from './encodeVelodyneBin.ts';
import { labelFrame } from './labelFrame.ts';
import type { LabelledObject } from './labelFrame.ts';
import { sampleCalib } from './sampleCalib.ts';
import { frameId, pcdAttributesFor, SAMPLE_FORMATS, velodyneFileName } from './sampleFrameFormats.ts';
import type { SampleFormat } from './sampleFrameFormats.ts';
import { sampleReadme } from './sampleReadme.ts';
import { samplePosesText } from './samplePoses.ts';
import { buildScene } from './scene.ts';
import { buildRays, createSensor } from './sensor.ts';
import type { SensorModel } from './sensor.ts';
import { simulateFrame } from './simulateFrame.ts';
import type { SimFrame } from './simulateFrame.ts';

/** Parameters of the bundled dataset. */
export interface SampleDatasetOptions {
  seed: number;
  frames: number;
  /** Seconds between frames. */
  frameInterval: number;
  /** Ego speed, m/s. */
  egoSpeed: number;
  sensor: SensorModel;
  /**
   * Generate only these frame indices (each frame depends only on the scene and its index, so
   * its files are the same bytes as in the whole dataset); `ground_truth.json` and `README.md`
   * then describe only them. Default: every frame.
   */
  only?: readonly number[];
}

/** The defaults behind `npm run samples`. */
export function defaultSampleOptions(): SampleDatasetOptions {
  return { seed: 20251126, frames: 10, frameInterval: 0.1, egoSpeed: 3, sensor: createSensor({ azimuthSteps: 1800 }) };
}

/** One output file, path relative to the dataset folder. */
export interface SampleFile {
  path: string;
  bytes: Uint8Array;
}

/** What was generated, per frame. */
export interface SampleFrameSummary {
  frameId: string;
  format: SampleFormat;
  file: string;
  points: number;
  objects: LabelledObject[];
  frame: SimFrame;
}

const round = (v: number, digits = 4): number => {
  const r = Number(v.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
};
const roundAll = (v: readonly number[], digits = 4): number[] => v.map((x) => round(x, digits));

function encodePoints(frame: SimFrame, format: SampleFormat): Uint8Array {
  if (format === 'bin') return encodeVelodyneBin(frame.cloud);
  return writePcd(frame.cloud, { encoding: format, fields: pcdAttributesFor(format) });
}

function groundTruthJson(opts: SampleDatasetOptions, frames: SampleFrameSummary[]): string {
  const s = opts.sensor;
  const doc = {
    generator: {
      tool: 'src/sim/generateSamples.ts (npm run samples)',
      seed: opts.seed,
      frames: opts.frames,
      frameInterval: opts.frameInterval,
      egoSpeed: opts.egoSpeed,
      sensor: {
        beams: s.beams,
        elevationsDeg: roundAll(
          Array.from(s.elevations, (e) => (e * 180) / Math.PI),
          3,
        ),
        azimuthSteps: s.azimuthSteps,
        minRange: s.minRange,
        maxRange: s.maxRange,
        rangeNoise: s.rangeNoise,
        baseDropout: s.baseDropout,
        sweepPeriod: s.sweepPeriod,
        mountHeight: s.mountHeight,
      },
      quantisation: { position: 0.001, intensity: 0.01 },
      minPointsForLabel: 5,
      frames_note: 'Boxes are LiDAR frame: centre (m), size [l, w, h] (m), yaw (rad about +z from +x).',
    },
    frames: frames.map((f) => ({
      frameId: f.frameId,
      file: `velodyne/${f.file}`,
      time: round(f.frame.time, 3),
      points: f.points,
      egoPose: {
        frame: 'world (x along the street, y left, z up, m); pose of the LiDAR optical centre',
        position: roundAll([f.frame.lidarToWorld.tx, f.frame.lidarToWorld.ty, f.frame.lidarToWorld.tz]),
        yaw: round(f.frame.lidarToWorld.yaw, 6),
      },
      objects: f.objects.map((o) => ({
        trackId: o.sim.trackId,
        class: o.sim.label,
        center: roundAll(o.sim.center),
        size: roundAll(o.sim.size),
        yaw: round(o.sim.yaw, 6),
        pointsInBox: o.pointsInBox,
        pointsOnObject: o.sim.hitPoints,
        labelled: o.labelled,
        inCamera: o.inCamera,
        occlusion: Number.isNaN(o.sim.occlusion) ? null : round(o.sim.occlusion, 3),
        occluded: o.occluded,
        truncated: round(o.truncated, 3),
        speed: round(o.sim.speed, 3),
        isStatic: o.sim.isStatic,
        worldCenter: roundAll(o.sim.worldCenter),
        worldYaw: round(o.sim.worldYaw, 6),
      })),
    })),
  };
  // One line per object and per number list keeps the file short and still diffable.
  const json = JSON.stringify(doc, null, 1)
    .replace(/\[\s+([-\d.e,\s]+?)\s+\]/g, (_, body: string) => `[${body.split(/,\s*/).join(', ')}]`)
    .replace(/\{\n\s+"trackId"[^{}]*\}/g, (obj) => obj.replace(/\n\s*/g, ' '));
  return `${json}\n`;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Image 2's size in pixels, as in KITTI (the calibration's principal point fits it). */
export const SAMPLE_IMAGE_SIZE: [number, number] = [1242, 375];

/**
 * Generates the bundled KITTI-layout sample dataset in memory: `velodyne/`, `image_2/`, `calib/`,
 * `label_2/`, `poses.txt` (the ego poses, KITTI odometry convention: `samplePosesText`),
 * `ground_truth.json` and `README.md`. Deterministic: the same options (and the same
 * `deflate`) give the same bytes. `onFrame` reports progress.
 *
 * @param deflate zlib compressor for the PNG images of `image_2/` (node:zlib in the Node entry;
 *   this module stays free of Node APIs). Without it no images are rendered.
 */
export function buildSampleDataset(
  opts: SampleDatasetOptions = defaultSampleOptions(),
  onFrame?: (summary: SampleFrameSummary) => void,
  deflate?: ZlibDeflate,
): { files: SampleFile[]; frames: SampleFrameSummary[] } {
  const scene = buildScene(opts.seed, { egoSpeed: opts.egoSpeed, mountHeight: opts.sensor.mountHeight });
  const rays = buildRays(opts.sensor);
  const calibText = formatKittiCalib(sampleCalib());
  // Label with the calibration exactly as a reader will see it (values rounded by %.12e).
  const calib = parseKittiCalib(calibText, { fileName: 'calib' });
  const files: SampleFile[] = [];
  const frames: SampleFrameSummary[] = [];
  for (let i = 0; i < opts.frames; i++) {
    if (opts.only !== undefined && !opts.only.includes(i)) continue;
    const frame = simulateFrame(scene, opts.sensor, i, { frameInterval: opts.frameInterval, rays });
    const objects = labelFrame(frame, calib, { imageSize: SAMPLE_IMAGE_SIZE });
    const format = SAMPLE_FORMATS[i % SAMPLE_FORMATS.length];
    const file = velodyneFileName(i, format);
    const id = frameId(i);
    files.push({ path: `velodyne/${file}`, bytes: encodePoints(frame, format) });
    if (deflate !== undefined) {
      const image = renderCameraImage(scene, frame.time, frame.lidarToWorld, calib, { imageSize: SAMPLE_IMAGE_SIZE });
      files.push({ path: `image_2/${id}.png`, bytes: encodePng(image.rgb, image.width, image.height, deflate) });
    }
    files.push({ path: `calib/${id}.txt`, bytes: text(calibText) });
    const labelled = objects.filter((o) => o.labelled).map((o) => o.kitti);
    files.push({ path: `label_2/${id}.txt`, bytes: text(formatKittiLabel(labelled)) });
    const summary: SampleFrameSummary = { frameId: id, format, file, points: frame.cloud.count, objects, frame };
    frames.push(summary);
    onFrame?.(summary);
  }
  files.push({
    path: 'poses.txt',
    bytes: text(
      samplePosesText(
        frames.map((f) => f.frame.lidarToWorld),
        calib,
      ),
    ),
  });
  files.push({ path: 'ground_truth.json', bytes: text(groundTruthJson(opts, frames)) });
  // The one raw .bin is KITTI's x y z intensity: said, so that no command warns about detecting it.
  files.push({ path: 'cuboid.json', bytes: text('{ "binLayout": "xyzi" }\n') });
  files.push({ path: 'README.md', bytes: text(sampleReadme(opts, frames, files)) });
  return { files, frames };
}
