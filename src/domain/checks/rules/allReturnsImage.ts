import { buildRangeImage } from '../frame/RangeImage.ts';
import type { RangeImage } from '../frame/RangeImage.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';

const cache = new WeakMap<FrameAnalysis, RangeImage>();

/**
 * A range image of every return of the frame, ground included (the frame analysis's holds the
 * obstacle points only), from the sensor's origin: where a ray went on beyond an object, its
 * return from the ground behind shows it. Built once per frame analysis.
 */
export function allReturnsImage(analysis: FrameAnalysis, positions: Float32Array): RangeImage {
  let img = cache.get(analysis);
  if (img === undefined) {
    img = buildRangeImage(positions, new Int32Array(positions.length / 3), analysis.sensor.origin);
    cache.set(analysis, img);
  }
  return img;
}
