/**
 * The simulated camera image against the ground truth: every pixel that shows an object lies in
 * that object's label_2 2D box, and for cars in plain view the pixels fill that box.
 */
import { describe, expect, it } from 'vitest';
import { formatKittiCalib } from '../../../../src/domain/kitti/formatKittiCalib.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { projectCuboid } from '../../../../src/domain/kitti/projectToImage.ts';
import { defaultSampleOptions, SAMPLE_IMAGE_SIZE } from '../../../../src/sim/buildSampleDataset.ts';
import { PIXEL_GROUND, PIXEL_SKY, renderCameraImage } from '../../../../src/sim/camera/renderCameraImage.ts';
import { labelFrame } from '../../../../src/sim/labelFrame.ts';
import { sampleCalib } from '../../../../src/sim/sampleCalib.ts';
import { buildScene } from '../../../../src/sim/scene.ts';
import { simulateFrame } from '../../../../src/sim/simulateFrame.ts';

const opts = defaultSampleOptions();
const scene = buildScene(opts.seed, { egoSpeed: opts.egoSpeed, mountHeight: opts.sensor.mountHeight });
const calib = parseKittiCalib(formatKittiCalib(sampleCalib()), { fileName: 'calib' });
const frame = simulateFrame(scene, opts.sensor, 0);
const objects = labelFrame(frame, calib, { imageSize: SAMPLE_IMAGE_SIZE });
const image = renderCameraImage(scene, frame.time, frame.lidarToWorld, calib, { imageSize: SAMPLE_IMAGE_SIZE });
const [W, H] = SAMPLE_IMAGE_SIZE;

/** Pixel extent [u0, v0, u1, v1] and pixel count of every actor in the image. */
function actorExtents(): Map<number, { rect: number[]; pixels: number }> {
  const out = new Map<number, { rect: number[]; pixels: number }>();
  for (let i = 0; i < image.owner.length; i++) {
    const o = image.owner[i];
    if (o < 0) continue;
    const u = i % W;
    const v = Math.floor(i / W);
    const e = out.get(o) ?? { rect: [Infinity, Infinity, -Infinity, -Infinity], pixels: 0 };
    e.rect = [Math.min(e.rect[0], u), Math.min(e.rect[1], v), Math.max(e.rect[2], u), Math.max(e.rect[3], v)];
    e.pixels++;
    out.set(o, e);
  }
  return out;
}

function iou(a: readonly number[], b: readonly number[]): number {
  const iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = iw * ih;
  return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
}

describe('renderCameraImage (frame 0 of the sample sequence)', () => {
  it('is a 1242×375 RGB image with sky at the top, road at the bottom, and no hole', () => {
    expect(image.width).toBe(1242);
    expect(image.height).toBe(375);
    expect(image.rgb.length).toBe(W * H * 3);
    expect(image.owner[620]).toBe(PIXEL_SKY);
    expect(image.owner[(H - 1) * W + 520]).toBe(PIXEL_GROUND);
    // Sky is blue-ish, asphalt grey.
    const px = (i: number): number[] => Array.from(image.rgb.subarray(i * 3, i * 3 + 3));
    const [sr, , sb] = px(620);
    expect(sb).toBeGreaterThan(sr + 30);
    const [ar, ag, ab] = px((H - 1) * W + 520);
    expect(Math.max(ar, ag, ab) - Math.min(ar, ag, ab)).toBeLessThan(10);
    // Rays more than 3 px below the principal point's row (≈ the horizon: the camera is level to a
    // fraction of a degree) all meet the ground within the 400 m reach, or something on it.
    let lowestSky = -1;
    for (let i = 0; i < W * H; i++) if (image.owner[i] === PIXEL_SKY) lowestSky = Math.floor(i / W);
    expect(lowestSky).toBeGreaterThan(calib.P2[6] - 15);
    expect(lowestSky).toBeLessThan(calib.P2[6] + 3);
  });

  it('shows each object only inside its label_2 2D box (±1 px)', () => {
    const extents = actorExtents();
    expect(extents.size).toBeGreaterThan(10);
    for (const [index, e] of extents) {
      const o = objects[index];
      expect(o.inCamera).toBe(true);
      const b = o.kitti.bbox;
      expect(e.rect[0]).toBeGreaterThanOrEqual(b[0] - 1);
      expect(e.rect[1]).toBeGreaterThanOrEqual(b[1] - 1);
      expect(e.rect[2]).toBeLessThanOrEqual(b[2] + 1);
      expect(e.rect[3]).toBeLessThanOrEqual(b[3] + 1);
    }
  });

  it('fills the label box of every car or van in plain view (pixel extent IoU ≥ 0.8)', () => {
    const extents = actorExtents();
    const plain = objects.filter((o) => o.labelled && o.inCamera && (o.sim.label === 'Car' || o.sim.label === 'Van') && o.sim.occlusion < 0.2);
    expect(plain.length).toBeGreaterThanOrEqual(5);
    for (const o of plain) {
      const e = extents.get(frame.objects.indexOf(o.sim));
      expect(e, o.sim.trackId).toBeDefined();
      expect(iou(e!.rect, o.kitti.bbox), o.sim.trackId).toBeGreaterThanOrEqual(0.8);
      // The centre of the projected 3D box's bottom face lies on or just below the car's pixels.
      const p = projectCuboid(o.cuboid, calib, SAMPLE_IMAGE_SIZE);
      const bottom = [0, 1, 2, 3].reduce((s, k) => [s[0] + p.corners[k][0] / 4, s[1] + p.corners[k][1] / 4], [0, 0]);
      expect(bottom[0]).toBeGreaterThan(e!.rect[0]);
      expect(bottom[0]).toBeLessThan(e!.rect[2]);
      expect(Math.abs(bottom[1] - e!.rect[3])).toBeLessThan(0.25 * (e!.rect[3] - e!.rect[1]));
    }
  });

  it('is deterministic', () => {
    const again = renderCameraImage(scene, frame.time, frame.lidarToWorld, calib);
    expect(Buffer.from(again.rgb).equals(Buffer.from(image.rgb))).toBe(true);
  });
});
