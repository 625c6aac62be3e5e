import { kittiError } from './KittiError.ts';
import type { KittiObject } from './KittiObject.ts';
import { formatFixed } from './formatFixed.ts';

export interface FormatKittiLabelOptions {
  /**
   * Append a 16th column with the score (`%.4f`, as OpenPCDet/mmdet3d result files). Objects without
   * a score then get `1.0000` (a manual box is certain), so every line has 16 values. Default false.
   */
  withScore?: boolean;
}

/** KITTI's "invalid" placeholders, written as integers in DontCare lines like the official files. */
const INVALID_PLACEHOLDERS = new Set([-1, -10, -1000]);

/**
 * Writes objects as a KITTI `label_2` file in the ground-truth style of the official files:
 * `%.2f` for every float, `occluded` as an integer, one space between values, LF after every line,
 * DontCare lines last (stable order otherwise). In DontCare lines, values that are exactly -1, -10
 * or -1000 are written as integers (`DontCare -1 -1 -10 503.89 ... -1000 -1000 -1000 -10`).
 * A value that rounds to zero is written `0.00`, never `-0.00`. An empty list gives `''`.
 *
 * Units and frames are the file's (pixels, metres, radians, rectified camera 0).
 *
 * @throws KittiError when a value is not finite or a type is empty or contains whitespace (the
 *   line could not be read back); names the object index (1-based, input order) and field.
 */
export function formatKittiLabel(objects: KittiObject[], opts: FormatKittiLabelOptions = {}): string {
  const withScore = opts.withScore === true;
  let cares = '';
  let dontCares = '';
  objects.forEach((object, i) => {
    const line = formatLine(object, i + 1, withScore) + '\n';
    if (object.type === 'DontCare') dontCares += line;
    else cares += line;
  });
  return cares + dontCares;
}

function formatLine(object: KittiObject, index: number, withScore: boolean): string {
  const dontCare = object.type === 'DontCare';
  if (object.type === '' || /\s/.test(object.type)) {
    throw kittiError('formatKittiLabel', { field: 'type' }, `object ${index}: type "${object.type}" is empty or has whitespace`);
  }
  const check = (field: string, value: number): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw kittiError('formatKittiLabel', { field }, `object ${index} (${object.type}): ${String(value)} is not a finite number`);
    }
    return value;
  };
  const float = (field: string, value: number): string => {
    const v = check(field, value);
    return dontCare && INVALID_PLACEHOLDERS.has(v) ? String(v) : formatFixed(v, 2);
  };
  const occluded = Math.round(check('occluded', object.occluded));
  const tokens = [
    object.type,
    float('truncated', object.truncated),
    String(occluded === 0 ? 0 : occluded),
    float('alpha', object.alpha),
    float('left', object.bbox[0]),
    float('top', object.bbox[1]),
    float('right', object.bbox[2]),
    float('bottom', object.bbox[3]),
    float('h', object.dimensions[0]),
    float('w', object.dimensions[1]),
    float('l', object.dimensions[2]),
    float('x', object.location[0]),
    float('y', object.location[1]),
    float('z', object.location[2]),
    float('rotation_y', object.rotationY),
  ];
  if (withScore) tokens.push(formatFixed(check('score', object.score ?? 1), 4));
  return tokens.join(' ');
}
