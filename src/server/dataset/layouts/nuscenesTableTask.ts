import { nuscenesCameraRows, nuscenesSampleCameras, type NuscenesSampleCamera } from '../../../domain/camera/nuscenesCameras.ts';
import { NuscenesError } from '../../../domain/nuscenes/NuscenesError.ts';
import type { NuTableName } from '../../../domain/nuscenes/NuscenesTables.ts';
import { nuscenesFrames, type NuscenesFrame } from '../../../domain/nuscenes/nuscenesFrames.ts';
import { parseNuscenesTables } from '../../../domain/nuscenes/parseNuscenesTables.ts';

/**
 * The heavy part of opening a nuScenes dataset, as one task for a worker thread (the server's
 * check pool runs it, see `CheckPool.runDatasetTask`): decode and parse the v1.0 JSON tables, check
 * their references, and turn them into LiDAR keyframes with boxes in each LiDAR frame and the
 * projections of each sample's cameras. Structured-cloneable both ways; the table bytes are
 * transferred, not copied.
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
export type NuscenesTableAnswer = { ok: true; frames: NuscenesTableFrame[]; problems: string[]; cameraFiles: string[] } | { ok: false; message: string };

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
  const frames = nuscenesFrames(parsed.tables).map((f) => ({ ...f, cameras: nuscenesSampleCameras(parsed.tables, rows.get(f.sampleToken) ?? [], f.pose) }));
  return { ok: true, frames, problems: parsed.problems.map((p) => p.message), cameraFiles };
}
