import { invertRigid } from '../../poses/rigid.ts';
import { jsonSyntaxError } from '../jsonSyntaxError.ts';
import type { Cuboid, CuboidAttributes } from '../../types.ts';
import { formatError } from '../common/FormatError.ts';
import { valToShape } from './openLabelBox.ts';

/** One frame of an OpenLABEL file as read: where its points are and its boxes (LiDAR frame). */
export interface OpenLabelFrame {
  /** The frame key (frame number). */
  frame: number;
  /** `frame_properties.name`, when given. */
  name: string | null;
  /** The LiDAR stream's `uri` in `frame_properties.streams`, when given. */
  uri: string | null;
  /** Boxes: track id = the object's `name` (its uid when unnamed), class = its `type` (or a `class` attribute), score from a `score` attribute. */
  cuboids: Omit<Cuboid, 'id'>[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the cuboids of an ASAM OpenLABEL 1.0 document. Cuboids are taken in the coordinate system
 * they name when it is a declared `sensor_cs` (or when they name none); a cuboid in another
 * declared system is brought into the LiDAR's through the frame's transform from the LiDAR
 * stream's system to it (inverted). Other object data (bbox, poly2d, …) are ignored.
 *
 * @throws FormatError naming the file and the JSON path for: text that is not JSON, no
 *   `openlabel` root, a `schema_version` other than 1.x, a frame key that is not a number, a frame
 *   object whose uid is not in `openlabel.objects`, a cuboid `val` that is not 9 or 10 finite
 *   numbers or has a size not above 0, or a coordinate system that is not declared or cannot be
 *   reached from the LiDAR's. With `problems`, an undeclared object or a bad cuboid is listed
 *   there instead (its message) and left out, and the rest is read.
 */
export function parseOpenLabel(text: string, fileName: string, problems?: string[]): OpenLabelFrame[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw formatError(fileName, '', `not valid JSON: ${jsonSyntaxError(text, err)}`);
  }
  if (!isObject(doc) || !isObject(doc.openlabel)) throw formatError(fileName, 'openlabel', 'the root object "openlabel" is missing', 'openlabel');
  const ol = doc.openlabel;
  const version = isObject(ol.metadata) ? ol.metadata.schema_version : undefined;
  if (typeof version !== 'string' || !/^1\./.test(version)) {
    throw formatError(fileName, 'openlabel.metadata.schema_version', `${JSON.stringify(version)} is not an OpenLABEL 1.x version`, 'schema_version');
  }
  const objects = isObject(ol.objects) ? ol.objects : {};
  const systems = isObject(ol.coordinate_systems) ? ol.coordinate_systems : {};
  const streams = isObject(ol.streams) ? ol.streams : {};
  const lidarStream = Object.keys(streams).find((k) => isObject(streams[k]) && streams[k].type === 'lidar') ?? null;
  const frames = isObject(ol.frames) ? ol.frames : {};
  const out: OpenLabelFrame[] = [];
  for (const key of Object.keys(frames).sort((a, b) => Number(a) - Number(b))) {
    const at = `openlabel.frames["${key}"]`;
    if (!/^\d+$/.test(key)) throw formatError(fileName, at, 'a frame key must be a frame number', 'frames');
    const frame = frames[key];
    if (!isObject(frame)) throw formatError(fileName, at, 'a frame must be an object', 'frames');
    const props = isObject(frame.frame_properties) ? frame.frame_properties : {};
    const frameStreams = isObject(props.streams) ? props.streams : {};
    const streamEntry = lidarStream !== null ? frameStreams[lidarStream] : Object.values(frameStreams)[0];
    const uri = isObject(streamEntry) && typeof streamEntry.uri === 'string' && streamEntry.uri !== '' ? streamEntry.uri : null;
    const transforms = isObject(props.transforms) ? props.transforms : {};
    const cuboids: Omit<Cuboid, 'id'>[] = [];
    const frameObjects = isObject(frame.objects) ? frame.objects : {};
    for (const uid of Object.keys(frameObjects)) {
      const oAt = `${at}.objects["${uid}"]`;
      const object = objects[uid];
      if (!isObject(object)) {
        guard(problems, () => {
          throw formatError(fileName, oAt, `object "${uid}" is not declared in openlabel.objects`, 'objects');
        });
        continue;
      }
      const entry = frameObjects[uid];
      const data = isObject(entry) && isObject(entry.object_data) ? entry.object_data : {};
      const list = Array.isArray(data.cuboid) ? data.cuboid : [];
      list.forEach((cub: unknown, k: number) =>
        guard(problems, () => {
          const cAt = `${oAt}.object_data.cuboid[${k}]`;
          if (!isObject(cub)) throw formatError(fileName, cAt, 'a cuboid must be an object', 'cuboid');
          const val = cub.val;
          if (val === null) return;
          if (!Array.isArray(val) || (val.length !== 9 && val.length !== 10) || !val.every((v) => typeof v === 'number' && Number.isFinite(v))) {
            throw formatError(fileName, `${cAt}.val`, 'expected 9 or 10 finite numbers (x, y, z, rotation, sx, sy, sz)', 'val');
          }
          let shape;
          try {
            shape = valToShape(val as number[]);
          } catch (err) {
            throw formatError(fileName, `${cAt}.val`, err instanceof Error ? err.message : String(err), 'val');
          }
          if (!shape.size.every((s) => s > 0)) throw formatError(fileName, `${cAt}.val`, `the size ${shape.size.join(', ')} is not above 0`, 'val');
          const cs = typeof cub.coordinate_system === 'string' ? cub.coordinate_system : null;
          if (cs !== null) {
            const system = systems[cs];
            if (!isObject(system))
              throw formatError(fileName, `${cAt}.coordinate_system`, `"${cs}" is not declared in openlabel.coordinate_systems`, 'coordinate_system');
            if (system.type !== 'sensor_cs') shape = toLidar(shape, cs, transforms, lidarStream, fileName, `${cAt}.coordinate_system`);
          }
          const attrs = readAttributes(cub.attributes);
          const label = typeof attrs.text.class === 'string' ? attrs.text.class : String(object.type ?? '');
          if (label === '') throw formatError(fileName, `openlabel.objects["${uid}"].type`, 'the object has no type (class)', 'type');
          const attributes: CuboidAttributes = { truncated: 0, occluded: 0 };
          for (const [name, v] of Object.entries(attrs.num)) if (name !== 'score') attributes[name] = v;
          for (const [name, v] of Object.entries(attrs.text)) if (name !== 'class') attributes[name] = v;
          for (const [name, v] of Object.entries(attrs.boolean)) attributes[name] = v;
          const box: Omit<Cuboid, 'id'> = {
            trackId: typeof object.name === 'string' && object.name !== '' ? object.name : uid,
            label,
            center: shape.center,
            size: shape.size,
            yaw: shape.yaw,
            attributes,
            source: 'import',
          };
          if (attrs.num.score !== undefined) box.score = attrs.num.score;
          cuboids.push(box);
        }),
      );
    }
    out.push({ frame: Number(key), name: typeof props.name === 'string' ? props.name : null, uri, cuboids });
  }
  return out;
}

/** A box given in a scene coordinate system `cs`, brought into the LiDAR's by the frame's LiDAR → `cs` transform. */
function toLidar(
  shape: ReturnType<typeof valToShape>,
  cs: string,
  transforms: Json,
  lidar: string | null,
  fileName: string,
  at: string,
): ReturnType<typeof valToShape> {
  const t = Object.values(transforms).find((v) => isObject(v) && v.dst === cs && (lidar === null || v.src === lidar));
  const m = isObject(t) && isObject(t.transform_src_to_dst) ? t.transform_src_to_dst.matrix4x4 : undefined;
  if (!Array.isArray(m) || m.length !== 16 || !m.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw formatError(
      fileName,
      at,
      `"${cs}" is not the LiDAR's coordinate system and the frame has no matrix4x4 transform from the LiDAR to it`,
      'coordinate_system',
    );
  }
  const inv = invertRigid(m as number[]);
  const [x, y, z] = shape.center;
  const c = Math.cos(shape.yaw);
  const s = Math.sin(shape.yaw);
  return {
    center: [inv[0] * x + inv[1] * y + inv[2] * z + inv[3], inv[4] * x + inv[5] * y + inv[6] * z + inv[7], inv[8] * x + inv[9] * y + inv[10] * z + inv[11]],
    size: shape.size,
    yaw: Math.atan2(inv[4] * c + inv[5] * s, inv[0] * c + inv[1] * s),
  };
}

/** The `num`, `text` and `boolean` attributes of a cuboid by name (later ones win). */
function readAttributes(a: unknown): { num: Record<string, number>; text: Record<string, string>; boolean: Record<string, boolean> } {
  const out = { num: {} as Record<string, number>, text: {} as Record<string, string>, boolean: {} as Record<string, boolean> };
  if (!isObject(a)) return out;
  for (const kind of ['num', 'text', 'boolean'] as const) {
    const list = a[kind];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isObject(item) || typeof item.name !== 'string') continue;
      if (kind === 'num' && typeof item.val === 'number') out.num[item.name] = item.val;
      if (kind === 'text' && typeof item.val === 'string') out.text[item.name] = item.val;
      if (kind === 'boolean' && typeof item.val === 'boolean') out.boolean[item.name] = item.val;
    }
  }
  return out;
}

/** Runs `read`; a problem it throws is thrown on, or, with a `problems` list, added to it. */
function guard(problems: string[] | undefined, read: () => void): void {
  try {
    read();
  } catch (err) {
    if (problems === undefined) throw err;
    problems.push(err instanceof Error ? err.message : String(err));
  }
}
