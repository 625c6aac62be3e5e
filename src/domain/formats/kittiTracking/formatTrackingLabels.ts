import { cuboidToKitti } from '../../kitti/cuboidToKitti.ts';
import { formatFixed } from '../../kitti/formatFixed.ts';
import type { KittiCalib } from '../../kitti/KittiCalib.ts';
import type { KittiObject } from '../../kitti/KittiObject.ts';
import { kittiToCuboid } from '../../kitti/kittiToCuboid.ts';
import { parseTrackingTrackId } from '../../kittiTracking/parseTrackingLabels.ts';
import type { Cuboid } from '../../types.ts';
import { roundTo } from '../common/roundTo.ts';
import { settle } from '../common/settle.ts';
import { TrackNumbers } from '../common/trackNumbers.ts';
import { trackingTruncation } from './trackingTruncation.ts';

/** Decimals of every float column, as the devkit's `writeLabels.m` (`%f`). */
export const TRACKING_DIGITS = 6;

/** One frame of a sequence: its frame number in the sequence, its boxes and DontCare regions. */
export interface TrackingFrameInput {
  frame: number;
  cuboids: readonly Cuboid[];
  dontCare: readonly KittiObject[];
}

/**
 * Track numbers for one sequence: a box read from an earlier tracking export or dataset keeps its
 * number (track id `t<N>-s<SEQ>` of the same sequence); the others get the smallest free number in
 * the order they first appear.
 */
export function sequenceTrackNumbers(sequence: string, frames: readonly TrackingFrameInput[]): TrackNumbers {
  const numbers = new TrackNumbers((id) => {
    const parsed = parseTrackingTrackId(id);
    return parsed !== null && parsed.sequence === sequence ? parsed.trackId : null;
  });
  numbers.reserve(frames.flatMap((f) => f.cuboids.map((c) => c.trackId)));
  return numbers;
}

/**
 * Writes a KITTI tracking `label_02/SEQ.txt` (the tracking devkit's readme): per box
 * `frame track_id type truncated occluded alpha left top right bottom h w l x y z rotation_y
 * [score]`, rectified camera 0 of `calib` (the sequence's calib, or the no-camera synthetic one),
 * bottom centre, `h w l`, floats `%.6f`, `truncated` and `occluded` as integers
 * (`trackingTruncation`), the score column only for boxes with a score. Lines go by frame, boxes
 * in the frame's order, then its DontCare regions (track id −1, `truncated` and `occluded` as
 * integers, the rest `%.6f`, as the devkit's own files: `0 -1 DontCare -1 -1 -10.000000 …`). The 3D values are settled (`settle`), so reading the file back and writing it
 * again gives the same text.
 */
export function formatTrackingLabels(
  frames: readonly TrackingFrameInput[],
  calib: KittiCalib | null,
  numbers: TrackNumbers,
  imageSize?: [number, number],
): string {
  let out = '';
  const f = (v: number): string => formatFixed(v, TRACKING_DIGITS);
  for (const frame of [...frames].sort((a, b) => a.frame - b.frame)) {
    for (const c of frame.cuboids) {
      const o = cuboidToKitti(c, calib, imageSize !== undefined ? { imageSize } : {});
      const encode = (b: KittiObject): number[] => [...b.dimensions, ...b.location, b.rotationY].map((v) => roundTo(v, TRACKING_DIGITS));
      const decode = (v: number[]): KittiObject => {
        const back = kittiToCuboid({ ...o, dimensions: [v[0], v[1], v[2]], location: [v[3], v[4], v[5]], rotationY: v[6] }, calib, { id: c.id });
        return cuboidToKitti({ ...back, kitti2d: { alpha: o.alpha, bbox: o.bbox } }, calib);
      };
      const v = settle(o, encode, decode).values;
      const cols = [
        String(frame.frame),
        String(numbers.numberOf(c.trackId)),
        c.label,
        String(trackingTruncation(o.truncated)),
        String(Math.round(o.occluded)),
        f(o.alpha),
        ...o.bbox.map(f),
        ...v.map(f),
      ];
      if (c.score !== undefined) cols.push(f(c.score));
      out += `${cols.join(' ')}\n`;
    }
    for (const d of frame.dontCare) {
      const cols = [
        String(frame.frame),
        '-1',
        'DontCare',
        String(Math.round(d.truncated)),
        String(Math.round(d.occluded)),
        f(d.alpha),
        ...d.bbox.map(f),
        ...d.dimensions.map(f),
        ...d.location.map(f),
        f(d.rotationY),
      ];
      out += `${cols.join(' ')}\n`;
    }
  }
  return out;
}

/**
 * The tracking calib file of a sequence in the tracking devkit's key names (`P0:`…`P3:`, then
 * `R_rect`, `Tr_velo_cam`, `Tr_imu_velo` without colons), from the object-format text of
 * `formatKittiCalib`.
 */
export function toTrackingCalibText(objectCalibText: string): string {
  return objectCalibText
    .replace(/^R0_rect:/m, 'R_rect')
    .replace(/^Tr_velo_to_cam:/m, 'Tr_velo_cam')
    .replace(/^Tr_imu_to_velo:/m, 'Tr_imu_velo');
}
