import { nuscenesFrameId, LIDAR_TOP_DIR } from '../../../domain/nuscenes/nuscenesFrames.ts';
import { OPTIONAL_TABLES, REQUIRED_TABLES, type NuTableName } from '../../../domain/nuscenes/NuscenesTables.ts';
import type { DatasetSource } from '../DatasetSource.ts';
import { isValidFrameId } from '../frameId.ts';
import type { SequenceFrameFiles, SequenceScan, SequenceScanOptions } from './SequenceScan.ts';
import { indexNuscenesCameras } from './nuscenesCameraFiles.ts';
import { runNuscenesTableTask, unpackNuscenesFrames, type NuscenesTableAnswer, type NuscenesTableFrame, type NuscenesTableTask } from './nuscenesTableTask.ts';

/** Runs the table task somewhere (a worker thread of the server's pool) and answers what it answered. */
export type NuscenesTableRunner = (task: NuscenesTableTask) => Promise<NuscenesTableAnswer>;

/**
 * Where the v1.0 tables may be, relative to the dataset, in the order tried: the devkit's version
 * folders, Cuboid's own export's (`export --format nuscenes`: `v1.0-cuboid`), then the root ('').
 */
export const NUSCENES_TABLE_DIRS = ['v1.0-mini', 'v1.0-trainval', 'v1.0-test', 'v1.0-cuboid', ''] as const;

/** How many table problems are listed one by one before the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

/** True for a nuScenes-style layout: `samples/LIDAR_TOP/`. */
export function isNuscenesLayout(source: DatasetSource): Promise<boolean> {
  return source.isFolder(LIDAR_TOP_DIR.slice(0, -1));
}

/**
 * Scans a nuScenes-style layout: the LiDAR keyframes `samples/LIDAR_TOP/*.pcd.bin` (float32
 * x y z intensity ring) and the v1.0 JSON tables (`sample`, `sample_data`, `ego_pose`,
 * `calibrated_sensor`, `sample_annotation`, `instance`, `category`, and `scene` when present) in
 * the first of `v1.0-mini/`, `v1.0-trainval/`, `v1.0-test/` or the root that holds
 * `sample.json`. Each keyframe is a frame (id from its file name, `nuscenesFrameId`), in scene
 * then time order, with its pose (LiDAR → global) and its sample's boxes in its LiDAR frame
 * (track id = instance token, label = category name).
 *
 * Table rows that reference missing tokens are left out and named in `warnings`; tables that
 * cannot be read leave every file a frame without labels or poses (named in `warnings`); a
 * `.pcd.bin` no table lists is still a frame (no labels, no pose, its own sequence '').
 *
 * The tables are read here and parsed by `opts.runTask` (the server runs it on its check pool's
 * worker threads, so a big `sample_annotation.json` never holds up the event loop; without one,
 * in this thread: the CLI).
 */
export async function scanNuscenes(source: DatasetSource, opts: SequenceScanOptions = {}): Promise<SequenceScan> {
  const warnings: string[] = [];
  const listing = await source.listFolder(LIDAR_TOP_DIR.slice(0, -1), { accept: (n) => n.toLowerCase().endsWith('.pcd.bin'), needSize: true });
  warnings.push(...listing.warnings);
  const files = new Map(listing.files.map((f) => [`${LIDAR_TOP_DIR}${f.name}`, f]));
  const frames: SequenceFrameFiles[] = [];
  const taken = new Set<string>();
  const add = (frame: SequenceFrameFiles, shown: string): void => {
    if (!isValidFrameId(frame.id)) warnings.push(`skipped ${shown}: its name gives no valid frame id`);
    else if (taken.has(frame.id)) warnings.push(`skipped ${shown}: another file has the same frame id ${frame.id}`);
    else {
      taken.add(frame.id);
      frames.push(frame);
    }
  };
  const tables = await readTables(source, warnings, opts.runTask ?? (async (task) => runNuscenesTableTask(task)));
  if (tables !== null) {
    const dir = tables.dir === '' ? '' : `${tables.dir}/`;
    const cameraIndex = await indexNuscenesCameras(source, tables.cameraFiles, warnings);
    for (const f of tables.frames) {
      const file = files.get(f.filename);
      if (file === undefined) {
        warnings.push(`${dir}sample_data.json lists ${f.filename}, which is not in ${LIDAR_TOP_DIR} (frame left out)`);
        continue;
      }
      files.delete(f.filename);
      add(
        {
          id: f.id,
          points: { ref: file.ref, name: file.name, bytes: file.bytes },
          binLayout: 'xyzir',
          calibRef: null,
          image: null,
          sequence: f.sequence,
          pose: f.pose,
          shipped: { cuboids: f.cuboids, dontCare: [], file: `${dir}sample_annotation.json` },
          cameras: cameraIndex.cameras(f.cameras),
        },
        f.filename,
      );
    }
  }
  const unlisted = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (tables !== null && unlisted.length > 0)
    warnings.push(`${unlisted.length} file(s) in ${LIDAR_TOP_DIR} are in no sample_data row (opened without labels or pose), e.g. ${unlisted[0][0]}`);
  for (const [rel, file] of unlisted) {
    add(
      {
        id: nuscenesFrameId(rel),
        points: { ref: file.ref, name: file.name, bytes: file.bytes },
        binLayout: 'xyzir',
        calibRef: null,
        image: null,
        sequence: '',
        pose: null,
        shipped: null,
      },
      rel,
    );
  }
  return { frames, warnings };
}

/** The tables' folder and what the table task made of them, or null (with a warning) when there are none or they cannot be read. */
async function readTables(
  source: DatasetSource,
  warnings: string[],
  runTask: NuscenesTableRunner,
): Promise<{ dir: string; frames: NuscenesTableFrame[]; cameraFiles: string[] } | null> {
  let dir: string | null = null;
  for (const d of NUSCENES_TABLE_DIRS) {
    const probe = await source.listFolder(d, { accept: (n) => n === 'sample.json', needSize: false });
    if (probe.files.length > 0) {
      dir = d;
      break;
    }
  }
  if (dir === null) {
    warnings.push(
      `no nuScenes tables found (sample.json in ${NUSCENES_TABLE_DIRS.filter((d) => d !== '').join('/, ')}/ or the root): frames open without labels or poses`,
    );
    return null;
  }
  const prefix = dir === '' ? '' : `${dir}/`;
  const listed = await source.listFolder(dir, { accept: (n) => n.endsWith('.json'), needSize: false });
  const refs = new Map(listed.files.map((f) => [f.name, f.ref]));
  const files: Partial<Record<NuTableName, Uint8Array>> = {};
  for (const name of [...REQUIRED_TABLES, ...OPTIONAL_TABLES]) {
    const ref = refs.get(`${name}.json`);
    if (ref === undefined) continue;
    try {
      files[name] = await source.read(ref);
    } catch (err) {
      warnings.push(`${prefix}${name}.json: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  let answer: NuscenesTableAnswer;
  try {
    answer = await runTask({ kind: 'nuscenes-tables', files });
  } catch (err) {
    // The worker thread died (e.g. the tables outgrew its heap): the point files still open.
    warnings.push(`${prefix}: the tables could not be parsed (${err instanceof Error ? err.message : String(err)}): frames open without labels or poses`);
    return null;
  }
  if (!answer.ok) {
    warnings.push(`${prefix}${answer.message}: frames open without labels or poses`);
    return null;
  }
  for (const p of answer.problems.slice(0, MAX_LISTED_PROBLEMS)) warnings.push(`${prefix}${p}`);
  if (answer.problems.length > MAX_LISTED_PROBLEMS) warnings.push(`${prefix}: ${answer.problems.length - MAX_LISTED_PROBLEMS} more table rows left out`);
  return { dir, frames: await unpackNuscenesFrames(answer), cameraFiles: answer.cameraFiles };
}
