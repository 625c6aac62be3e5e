import { kittiError } from './KittiError.ts';
import type { KittiObject } from './KittiObject.ts';
import { parseNumberToken } from './parseNumberToken.ts';

export interface ParseKittiLabelOptions {
  /** Name of the file, for error messages only. */
  fileName?: string;
}

/** Column names after `type`, in file order (§2.2). */
const NUMERIC_FIELDS = [
  'truncated',
  'occluded',
  'alpha',
  'left',
  'top',
  'right',
  'bottom',
  'h',
  'w',
  'l',
  'x',
  'y',
  'z',
  'rotation_y',
  'score',
] as const;

/**
 * Parses a KITTI `label_2` file into objects in file order, DontCare lines included (callers that
 * build LiDAR boxes keep them aside; see `kittiToCuboid`).
 *
 * Lines may end in LF or CRLF; blank lines are skipped; values are split on any run of whitespace.
 * Each line has 15 values (ground truth) or 16 (with a score). `occluded` is read as
 * `Math.round(parseFloat(...))`, so `0`, `0.00` and `-1` all work. Units as in the file: pixels,
 * metres, radians, rectified camera 0 frame.
 *
 * @throws KittiError naming the line (1-based) and field for a wrong value count or a value that is
 *   not a finite number.
 */
export function parseKittiLabel(text: string, opts: ParseKittiLabelOptions = {}): KittiObject[] {
  const fileName = opts.fileName;
  if (typeof text !== 'string') {
    throw kittiError('parseKittiLabel', { fileName }, `expected text, got ${typeof text}`);
  }
  const objects: KittiObject[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (trimmed === '') continue;
    const line = i + 1;
    const tokens = trimmed.split(/\s+/);
    if (tokens.length !== 15 && tokens.length !== 16) {
      throw kittiError(
        'parseKittiLabel',
        { fileName, line },
        `expected 15 or 16 values (16 with a score), found ${tokens.length}`,
      );
    }
    const values: number[] = [];
    for (let k = 1; k < tokens.length; k++) {
      const value = parseNumberToken(tokens[k]);
      if (value === null) {
        const field = NUMERIC_FIELDS[k - 1];
        throw kittiError('parseKittiLabel', { fileName, line, field }, `"${tokens[k]}" is not a number`);
      }
      values.push(value);
    }
    const object: KittiObject = {
      type: tokens[0],
      truncated: values[0],
      occluded: Math.round(values[1]),
      alpha: values[2],
      bbox: [values[3], values[4], values[5], values[6]],
      dimensions: [values[7], values[8], values[9]],
      location: [values[10], values[11], values[12]],
      rotationY: values[13],
    };
    if (values.length === 15) object.score = values[14];
    objects.push(object);
  }
  return objects;
}
