import type { Cuboid } from '../../types.ts';
import type { LabelFrame } from '../common/LabelFrame.ts';
import { roundTo } from '../common/roundTo.ts';
import { TrackNumbers } from '../common/trackNumbers.ts';
import { OPENLABEL_DIGITS, cuboidVal } from './openLabelBox.ts';

/** Name of the LiDAR's stream and coordinate system. */
export const LIDAR_STREAM = 'LIDAR_TOP';
/** Name of the scene (world) coordinate system, declared when the frames have ego poses. */
export const WORLD_CS = 'odom';
/** Name of every cuboid in object data (the OpenLABEL examples' `shape3D`). */
export const CUBOID_NAME = 'shape3D';

export interface OpenLabelFrameInput extends LabelFrame {
  /** The frame's point file, relative to the dataset folder (the LiDAR stream's `uri`). */
  uri: string;
}

interface Interval {
  frame_start: number;
  frame_end: number;
}

/**
 * Writes an ASAM OpenLABEL 1.0.0 document (`openlabel_json_schema-v1.0.0.json`):
 * - `metadata.schema_version` `1.0.0` (no dataset name: the same labels give the same bytes whatever the folder is called);
 * - `streams.LIDAR_TOP` (`type` lidar) and `coordinate_systems`: `LIDAR_TOP` (`sensor_cs`), and
 *   `odom` (`scene_cs`, its parent) when any frame has an ego pose;
 * - `frames` keyed by frame number (the frames' order), each with `frame_properties`: the stream's
 *   `uri` (the point file), `timestamp` (seconds) when known, the `LIDAR_TOP` → `odom` transform
 *   (`matrix4x4`, row-major) when the frame has a pose, and `name`: the frame id;
 * - `objects` keyed by uid `0, 1, …` (one per track, in the order tracks first appear; a box
 *   without a track is an object of its own): `name` the track id (the box id for a box without a
 *   track: `FRAME/BOX`), `type` the class of its first box, `frame_intervals`, and `object_data_pointers` for
 *   its cuboid;
 * - per frame and object one cuboid `shape3D` in `LIDAR_TOP`, `val` = x, y, z, qx, qy, qz, qw,
 *   sx, sy, sz (`cuboidVal`), with `attributes`: the box attributes (`num`, `text`, `boolean`),
 *   `score` when the box has one, and `class` (text) when the box's class differs from its object's.
 * Numbers are rounded to 9 decimals; the text is compact JSON with a final newline.
 */
export function formatOpenLabel(frames: readonly OpenLabelFrameInput[]): string {
  const uids = new TrackNumbers();
  const objects: Record<string, { name: string; type: string; frame_intervals: Interval[]; object_data_pointers: Record<string, unknown> }> = {};
  const pointerAttrs = new Map<string, Record<string, string>>();
  const hasPose = frames.some((f) => f.pose !== null);
  const outFrames: Record<string, unknown> = {};
  frames.forEach((frame, n) => {
    const frameObjects: Record<string, unknown> = {};
    for (const c of frame.cuboids) {
      const trackName = c.trackId ?? `${frame.frameId}/${c.id}`;
      const uid = String(uids.numberOf(trackName));
      let object = objects[uid];
      if (object === undefined) {
        object = { name: trackName, type: c.label, frame_intervals: [], object_data_pointers: {} };
        objects[uid] = object;
        pointerAttrs.set(uid, {});
      }
      addToIntervals(object.frame_intervals, n);
      const attributes = cuboidAttributes(c, object.type);
      const pointer = pointerAttrs.get(uid) as Record<string, string>;
      for (const [kind, list] of Object.entries(attributes)) for (const a of list as { name: string }[]) pointer[a.name] = kind;
      const cuboid: Record<string, unknown> = { name: CUBOID_NAME, val: cuboidVal(c), coordinate_system: LIDAR_STREAM };
      if (Object.keys(attributes).length > 0) cuboid.attributes = attributes;
      if (frameObjects[uid] !== undefined) throw new Error(`formatOpenLabel: frame ${frame.frameId} holds track ${trackName} twice`);
      frameObjects[uid] = { object_data: { cuboid: [cuboid] } };
    }
    const props: Record<string, unknown> = { name: frame.frameId, streams: { [LIDAR_STREAM]: { uri: frame.uri } } };
    if (frame.timestamp !== null) props.timestamp = frame.timestamp;
    if (frame.pose !== null) {
      props.transforms = {
        [`${LIDAR_STREAM}_to_${WORLD_CS}`]: {
          src: LIDAR_STREAM,
          dst: WORLD_CS,
          transform_src_to_dst: { matrix4x4: frame.pose.map((v) => roundTo(v, OPENLABEL_DIGITS)) },
        },
      };
    }
    const out: Record<string, unknown> = { frame_properties: props };
    if (Object.keys(frameObjects).length > 0) out.objects = frameObjects;
    outFrames[String(n)] = out;
  });
  for (const [uid, object] of Object.entries(objects)) {
    const attribute_pointers = pointerAttrs.get(uid) as Record<string, string>;
    object.object_data_pointers = {
      [CUBOID_NAME]: { type: 'cuboid', frame_intervals: object.frame_intervals, ...(Object.keys(attribute_pointers).length > 0 ? { attribute_pointers } : {}) },
    };
  }
  const coordinate_systems: Record<string, unknown> = hasPose
    ? {
        [WORLD_CS]: { type: 'scene_cs', parent: '', children: [LIDAR_STREAM] },
        [LIDAR_STREAM]: { type: 'sensor_cs', parent: WORLD_CS, children: [] },
      }
    : { [LIDAR_STREAM]: { type: 'sensor_cs', parent: '', children: [] } };
  const doc = {
    openlabel: {
      metadata: {
        schema_version: '1.0.0',
        annotator: 'cuboid',
        comment: 'Boxes in the LiDAR frame (x forward, y left, z up; metres); cuboid val = x, y, z, qx, qy, qz, qw, sx (length), sy (width), sz (height).',
      },
      coordinate_systems,
      streams: { [LIDAR_STREAM]: { type: 'lidar', uri: '' } },
      objects,
      frames: outFrames,
      ...(frames.length > 0 ? { frame_intervals: [{ frame_start: 0, frame_end: frames.length - 1 }] } : {}),
    },
  };
  return `${JSON.stringify(doc)}\n`;
}

/** Adds frame `n` to sorted, non-overlapping intervals (frames arrive in increasing order). */
function addToIntervals(intervals: Interval[], n: number): void {
  const last = intervals[intervals.length - 1];
  if (last !== undefined && last.frame_end === n - 1) last.frame_end = n;
  else if (last === undefined || last.frame_end < n) intervals.push({ frame_start: n, frame_end: n });
}

/** A box's attributes as OpenLABEL attribute lists (empty lists left out). */
function cuboidAttributes(c: Cuboid, objectType: string): Record<string, unknown[]> {
  const num: { name: string; val: number }[] = [];
  const text: { name: string; val: string }[] = [];
  const boolean: { name: string; val: boolean }[] = [];
  for (const [name, val] of Object.entries(c.attributes)) {
    if (typeof val === 'number') {
      if (Number.isFinite(val)) num.push({ name, val });
    } else if (typeof val === 'string') text.push({ name, val });
    else if (typeof val === 'boolean') boolean.push({ name, val });
  }
  if (c.score !== undefined) num.push({ name: 'score', val: c.score });
  if (c.label !== objectType) text.push({ name: 'class', val: c.label });
  const out: Record<string, unknown[]> = {};
  if (num.length > 0) out.num = num;
  if (text.length > 0) out.text = text;
  if (boolean.length > 0) out.boolean = boolean;
  return out;
}
