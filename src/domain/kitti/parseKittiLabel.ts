import { kittiError } from './KittiError.ts';
import type { KittiObject } from './KittiObject.ts';
import { parseNumberToken } from './parseNumberToken.ts';

export interface ParseKittiLabelOptions {
  /** Name of the file, for error messages only. */
  fileName?: string;
}

/** Column names after `type`, in file order (§2.2). */
const NUMERIC_FIELDS = ['truncated', 'occluded', 'alpha', 'left', 'top', 'right', 'bottom', 'h', 'w', 'l', 'x', 'y', 'z', 'rotation_y', 'score'] as const;

/**
 * The range each column may take, `[min, max]` inclusive, in file units (pixels, metres, radians):
 * wide enough for every KITTI-style file (DontCare's -1, -10 and -1000 placeholders included) and
 * the same bounds a saved document must meet (`validateAnnotation`), so a file that imports can be saved.
 */
const FIELD_RANGES: Record<(typeof NUMERIC_FIELDS)[number], readonly [number, number]> = {
  truncated: [-1, 2],
  occluded: [-1, 3],
  alpha: [-10, 10],
  left: [-1e5, 1e5],
  top: [-1e5, 1e5],
  right: [-1e5, 1e5],
  bottom: [-1e5, 1e5],
  h: [-1000, 1e4],
  w: [-1000, 1e4],
  l: [-1000, 1e4],
  x: [-1e6, 1e6],
  y: [-1e6, 1e6],
  z: [-1e6, 1e6],
  rotation_y: [-10, 10],
  score: [-1e6, 1e6],
};

/**
 * Parses a KITTI `label_2` file into objects in file order, DontCare lines included (callers that
 * build LiDAR boxes keep them aside; see `kittiToCuboid`).
 *
 * Lines may end in LF or CRLF; blank lines are skipped; values are split on any run of whitespace.
 * Each line has 15 values (ground truth) or 16 (with a score). `occluded` is a whole number
 * however written, so `0`, `0.00` and `-1` all work (2.5 is refused). Units as in the file: pixels,
 * metres, radians, rectified camera 0 frame.
 *
 * @throws KittiError naming the line (1-based) and field for a wrong value count, a value that is
 *   not a finite number or one outside its range (`FIELD_RANGES`; `occluded` 0-3 or -1, sizes of a
 *   box other than DontCare above 0).
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
      throw kittiError('parseKittiLabel', { fileName, line }, `expected 15 or 16 values (16 with a score), found ${tokens.length}`);
    }
    const values: number[] = [];
    for (let k = 1; k < tokens.length; k++) {
      const value = parseNumberToken(tokens[k]);
      if (value === null) {
        const field = NUMERIC_FIELDS[k - 1];
        throw kittiError('parseKittiLabel', { fileName, line, field }, `"${tokens[k]}" is not a number`);
      }
      const field = NUMERIC_FIELDS[k - 1];
      const [min, max] = FIELD_RANGES[field];
      // A level, not a share: 0.00 and 2 are levels, 2.5 is none (it had been rounded to 3 in silence).
      if (field === 'occluded' && !Number.isInteger(value)) {
        throw kittiError('parseKittiLabel', { fileName, line, field }, `${tokens[k]} is not an occlusion level (0, 1, 2, 3, or -1 for DontCare)`);
      }
      if (!(value >= min && value <= max)) {
        throw kittiError('parseKittiLabel', { fileName, line, field }, `${tokens[k]} is outside ${min}..${max}`);
      }
      if ((field === 'h' || field === 'w' || field === 'l') && value <= 0 && tokens[0] !== 'DontCare') {
        throw kittiError('parseKittiLabel', { fileName, line, field }, `${tokens[k]}: a ${tokens[0]} box needs a size above 0 (only DontCare lines use -1)`);
      }
      values.push(value);
    }
    const object: KittiObject = {
      type: tokens[0],
      truncated: values[0],
      occluded: values[1],
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
