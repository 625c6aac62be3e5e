import { kittiError } from '../kitti/KittiError.ts';
import type { KittiObject } from '../kitti/KittiObject.ts';
import { parseKittiLabel } from '../kitti/parseKittiLabel.ts';

/** One line of a KITTI tracking `label_02/SEQ.txt`. */
export interface TrackingLabel {
  /** Frame index within the sequence (the `NNNNNN` of `velodyne/SEQ/NNNNNN.bin`). */
  frame: number;
  /** Track id, unique within the sequence; -1 for DontCare regions. */
  trackId: number;
  /** The rest of the line: the label_2 columns (rectified camera 0, bottom centre, h w l). */
  object: KittiObject;
  /** 1-based line in the file. */
  line: number;
}

/** Largest frame index accepted (KITTI tracking sequences run to ~1,100 frames). */
const MAX_FRAME = 999_999;

/**
 * Parses a KITTI tracking label file (the tracking devkit's `readme.txt`): per line
 * `frame track_id type truncated occluded alpha left top right bottom h w l x y z rotation_y
 * [score]`, 17 values (18 with a score). `truncated` is an integer level there (0 not, 1 partly,
 * 2 largely truncated), read as the label_2 share 0, 0.25 or 0.75 (a fraction written instead
 * is kept as it is); `DontCare` lines have track id -1.
 * Units and frames as in label_2: pixels, metres, radians, rectified camera 0.
 * Blank lines are skipped; lines may come in any frame order.
 *
 * @throws KittiError naming the file, line and field (`frame`, `track_id`, or a label_2 column)
 *   for a wrong value count, a value that is not a number or out of range, a track id below -1, a
 *   box other than DontCare with track id -1, or one track id twice in a frame.
 */
export function parseTrackingLabels(text: string, opts: { fileName?: string } = {}): TrackingLabel[] {
  const fileName = opts.fileName;
  const lines = text.split(/\r\n|\n|\r/);
  const rest: string[] = [];
  const heads: { frame: number; trackId: number; line: number; level: number | null }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    const line = i + 1;
    if (trimmed === '') {
      rest.push('');
      continue;
    }
    const tokens = trimmed.split(/\s+/);
    if (tokens.length !== 17 && tokens.length !== 18) {
      throw kittiError(
        'parseTrackingLabels',
        { fileName, line },
        `expected 17 or 18 values (frame, track id, then the 15 or 16 label_2 columns), found ${tokens.length}`,
      );
    }
    const frame = integer(tokens[0], 'frame', fileName, line);
    const trackId = integer(tokens[1], 'track_id', fileName, line);
    if (frame < 0 || frame > MAX_FRAME) throw kittiError('parseTrackingLabels', { fileName, line, field: 'frame' }, `${tokens[0]} is outside 0..${MAX_FRAME}`);
    if (trackId < -1) throw kittiError('parseTrackingLabels', { fileName, line, field: 'track_id' }, `${tokens[1]} is below -1`);
    if (trackId === -1 && tokens[2] !== 'DontCare') {
      throw kittiError(
        'parseTrackingLabels',
        { fileName, line, field: 'track_id' },
        `a ${tokens[2]} box needs a track id of 0 or more (-1 is for DontCare regions)`,
      );
    }
    if (trackId >= 0) {
      const key = `${frame}:${trackId}`;
      if (seen.has(key)) throw kittiError('parseTrackingLabels', { fileName, line, field: 'track_id' }, `track ${trackId} appears twice in frame ${frame}`);
      seen.add(key);
    }
    heads.push({ frame, trackId, line, level: /^[012]$/.test(tokens[3]) ? Number(tokens[3]) : null });
    rest.push(tokens.slice(2).join(' '));
  }
  // The label_2 columns, at their own line numbers, so its errors name the right line.
  const objects = parseKittiLabel(rest.join('\n'), { fileName });
  return heads.map((h, k) => ({
    frame: h.frame,
    trackId: h.trackId,
    object: h.level === null ? objects[k] : { ...objects[k], truncated: TRUNCATION_SHARE[h.level] },
    line: h.line,
  }));
}

/**
 * A tracking `truncated` level (0 not, 1 partly, 2 largely) as the share label_2 and the
 * checks use: the middle of the shares the kitti-tracking export writes as that level (below
 * 0.5 → 1, from 0.5 → 2), so a round trip keeps the level.
 */
const TRUNCATION_SHARE = [0, 0.25, 0.75] as const;

function integer(token: string, field: string, fileName: string | undefined, line: number): number {
  if (!/^-?\d+$/.test(token)) throw kittiError('parseTrackingLabels', { fileName, line, field }, `"${token}" is not an integer`);
  return Number(token);
}

/** The label file of a sequence grouped by frame index, in file order within a frame. */
export function groupByFrame(labels: readonly TrackingLabel[]): Map<number, TrackingLabel[]> {
  const out = new Map<number, TrackingLabel[]>();
  for (const l of labels) {
    const list = out.get(l.frame);
    if (list === undefined) out.set(l.frame, [l]);
    else list.push(l);
  }
  return out;
}

/**
 * The app's track id of a KITTI tracking track: `t<id>-s<SEQ>` (shown as "Track <id>"; the
 * sequence keeps ids of different sequences apart, since KITTI numbers tracks per sequence).
 */
export function trackingTrackId(sequence: string, trackId: number): string {
  return `t${trackId}-s${sequence}`;
}

/** The KITTI track id and sequence of an app track id made by `trackingTrackId`, or null. */
export function parseTrackingTrackId(id: string): { sequence: string; trackId: number } | null {
  const m = /^t(\d+)-s(.+)$/.exec(id);
  return m ? { trackId: Number(m[1]), sequence: m[2] } : null;
}
