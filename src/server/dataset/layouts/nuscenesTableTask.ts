import { nuscenesCameraRows, nuscenesSampleCameras, type NuscenesSampleCamera } from '../../../domain/camera/nuscenesCameras.ts';
import { NuscenesError } from '../../../domain/nuscenes/NuscenesError.ts';
import { NUSCENES_ATTRIBUTE_KEY, type NuTableName } from '../../../domain/nuscenes/NuscenesTables.ts';
import type { Cuboid } from '../../../domain/types.ts';
import { nuscenesFrames, type NuscenesFrame } from '../../../domain/nuscenes/nuscenesFrames.ts';
import { parseNuscenesTables } from '../../../domain/nuscenes/parseNuscenesTables.ts';

/**
 * The heavy part of opening a nuScenes dataset, as one task for a worker thread (the server's
 * check pool runs it, see `CheckPool.runDatasetTask`): decode and parse the v1.0 JSON tables, check
 * their references, and turn them into LiDAR keyframes with boxes in each LiDAR frame and the
 * projections of each sample's cameras. Structured-cloneable both ways; the table bytes are
 * transferred, not copied, and the boxes come back packed (`PackedNuscenesBoxes`).
 */
export interface NuscenesTableTask {
  kind: 'nuscenes-tables';
  /** The bytes of each `NAME.json` read (UTF-8). */
  files: Partial<Record<NuTableName, Uint8Array>>;
}

/** A keyframe of the tables with its sample's cameras (file and projection; not yet matched to a listing). */
export interface NuscenesTableFrame extends NuscenesFrame {
  cameras: NuscenesSampleCamera[];
}

/**
 * The keyframes (scene then time order) and the rows left out (one message each, naming the
 * file, row and field), or `ok: false` with the message of a table that could not be read at all
 * (missing, not JSON, not an array).
 */
export type NuscenesTableAnswer =
  { ok: true; frames: PackedNuscenesFrame[]; packed: PackedNuscenesBoxes; problems: string[]; cameraFiles: string[] } | { ok: false; message: string };

/** A keyframe as the answer carries it: its pose and boxes are in the answer's packed arrays. */
export type PackedNuscenesFrame = Omit<NuscenesTableFrame, 'pose' | 'cuboids'> & { boxes: number };

/**
 * The boxes and poses of every keyframe, packed so that the thread receiving them copies a few
 * typed arrays and one string instead of deserialising an object per box: per frame 16 pose
 * values; per box (frames in order) 8 numbers `cx cy cz length width height yaw occluded` and 4
 * strings `id`, `trackId`, `label`, `nuscenes_attribute` ('' for none), NUL-separated (a NUL in a
 * token or name is dropped).
 */
export interface PackedNuscenesBoxes {
  poses: Float64Array;
  numbers: Float64Array;
  text: string;
}

/** Fields per box in `PackedNuscenesBoxes.numbers` and `.text`. */
const NUMBERS = 8;
const TEXTS = 4;

/** Runs a `NuscenesTableTask` (in a worker thread, or in this thread when there is no pool). */
export function runNuscenesTableTask(task: NuscenesTableTask): NuscenesTableAnswer {
  const decoder = new TextDecoder('utf-8');
  const texts: Partial<Record<NuTableName, string>> = {};
  for (const [name, bytes] of Object.entries(task.files) as [NuTableName, Uint8Array][]) texts[name] = decoder.decode(bytes);
  let parsed;
  try {
    parsed = parseNuscenesTables(texts);
  } catch (err) {
    if (err instanceof NuscenesError) return { ok: false, message: err.message };
    throw err;
  }
  const rows = nuscenesCameraRows(parsed.tables);
  const cameraFiles: string[] = [];
  for (const list of rows.values()) for (const sd of list) cameraFiles.push(sd.filename);
  const full = nuscenesFrames(parsed.tables);
  const boxCount = full.reduce((n, f) => n + f.cuboids.length, 0);
  const poses = new Float64Array(16 * full.length);
  const numbers = new Float64Array(NUMBERS * boxCount);
  const text: string[] = [];
  const clean = (s: string | null | undefined | number | boolean): string => String(s ?? '').replaceAll('\0', '');
  let b = 0;
  const frames = full.map((f, i): PackedNuscenesFrame => {
    poses.set(f.pose, 16 * i);
    for (const c of f.cuboids) {
      numbers.set([...c.center, ...c.size, c.yaw, c.attributes.occluded], NUMBERS * b++);
      text.push(clean(c.id), clean(c.trackId), clean(c.label), clean(c.attributes[NUSCENES_ATTRIBUTE_KEY]));
    }
    const { pose: _pose, cuboids, ...rest } = f;
    return { ...rest, boxes: cuboids.length, cameras: nuscenesSampleCameras(parsed.tables, rows.get(f.sampleToken) ?? [], f.pose) };
  });
  return { ok: true, frames, packed: { poses, numbers, text: text.join('\0') }, problems: parsed.problems.map((p) => p.message), cameraFiles };
}

/**
 * The keyframes of an answer with their poses and boxes unpacked (LiDAR-frame boxes, `source`
 * 'import', `truncated` 0), `yieldEvery` (100) frames at a time with a turn of the event loop between,
 * so that unpacking a big dataset does not hold up other work either.
 */
export async function unpackNuscenesFrames(answer: Extract<NuscenesTableAnswer, { ok: true }>, yieldEvery = 100): Promise<NuscenesTableFrame[]> {
  const { poses, numbers } = answer.packed;
  const text = answer.packed.text === '' ? [] : answer.packed.text.split('\0');
  const out: NuscenesTableFrame[] = [];
  let b = 0;
  for (const [i, f] of answer.frames.entries()) {
    if (i > 0 && i % yieldEvery === 0) await new Promise((r) => setImmediate(r));
    const cuboids: Cuboid[] = [];
    for (let k = 0; k < f.boxes; k++, b++) {
      const n = NUMBERS * b;
      const s = TEXTS * b;
      const attr = text[s + 3];
      cuboids.push({
        id: text[s],
        trackId: text[s + 1],
        label: text[s + 2],
        center: [numbers[n], numbers[n + 1], numbers[n + 2]],
        size: [numbers[n + 3], numbers[n + 4], numbers[n + 5]],
        yaw: numbers[n + 6],
        attributes: { truncated: 0, occluded: numbers[n + 7], ...(attr !== '' ? { [NUSCENES_ATTRIBUTE_KEY]: attr } : {}) },
        source: 'import',
      });
    }
    const { boxes: _boxes, ...rest } = f;
    out.push({ ...rest, pose: [...poses.subarray(16 * i, 16 * i + 16)], cuboids });
  }
  return out;
}
