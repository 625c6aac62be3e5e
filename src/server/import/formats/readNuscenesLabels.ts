import fs from 'node:fs/promises';
import { jsonSyntaxError } from '../../../domain/formats/jsonSyntaxError.ts';
import path from 'node:path';
import { LIDAR_TOP_DIR, nuscenesFrameId, nuscenesFrames } from '../../../domain/nuscenes/nuscenesFrames.ts';
import { nuLidarPose, nuscenesBoxToLidar } from '../../../domain/nuscenes/nuscenesBoxToLidar.ts';
import type { NuscenesTables } from '../../../domain/nuscenes/NuscenesTables.ts';
import type { Cuboid } from '../../../domain/types.ts';
import { formatError } from '../../../domain/formats/common/FormatError.ts';
import { OPTIONAL_TABLES, REQUIRED_TABLES, type NuTableName } from '../../../domain/nuscenes/NuscenesTables.ts';
import { parseNuscenesTables } from '../../../domain/nuscenes/parseNuscenesTables.ts';
import type { Dataset } from '../../dataset/Dataset.ts';
import { isDir, message, type ReadLabels } from './readLabelFormat.ts';

/**
 * nuScenes tables: `labelsPath` is the folder of the JSON tables, or a folder holding one
 * `v1.0-*` folder of them. Boxes come back in each frame's LiDAR frame (`ego_pose ·
 * calibrated_sensor` inverted), track id = instance token, class = category name, and the score
 * from a `detection_score` field of the annotation when there is one. A frame is matched by its
 * LiDAR file name (`samples/LIDAR_TOP/ID.pcd.bin` → `ID`). Rows that break the schema or refer to
 * a token no table holds are left out and each is reported (file, row, field); the rest is read.
 *
 * `labelsPath` may also be a nuScenes detection (or tracking) results file (`{"meta", "results":
 * {sample_token: [{translation, size, rotation, detection_name, detection_score, tracking_id?}]}}`,
 * the devkit's submission format, global frame): its boxes come back with their scores (and track
 * ids for tracking results), placed with the tables found beside it.
 */
export async function readNuscenesLabels(dataset: Dataset, labelsPath: string): Promise<ReadLabels> {
  const out: ReadLabels = { frames: [], unknownFrames: [], errors: [] };
  const resultsFile = (await isDir(labelsPath)) ? null : labelsPath;
  let dir = resultsFile === null ? labelsPath : path.dirname(labelsPath);
  if (
    !(await fs.stat(path.join(dir, 'sample.json')).then(
      () => true,
      () => false,
    ))
  ) {
    const versions = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith('v1.0-')).sort();
    for (const v of versions) {
      if (await isDir(path.join(dir, v))) {
        dir = path.join(dir, v);
        break;
      }
    }
  }
  const texts: Partial<Record<NuTableName, string>> = {};
  for (const name of [...REQUIRED_TABLES, ...OPTIONAL_TABLES]) {
    const text = await fs.readFile(path.join(dir, `${name}.json`), 'utf8').catch(() => undefined);
    if (text !== undefined) texts[name] = text;
  }
  let parsed;
  try {
    parsed = parseNuscenesTables(texts);
  } catch (err) {
    out.errors.push({ file: path.basename(dir), error: message(err) });
    return out;
  }
  for (const p of parsed.problems) out.errors.push({ file: p.file, error: p.message });
  if (resultsFile !== null) {
    try {
      readResults(dataset, parsed.tables, await fs.readFile(resultsFile, 'utf8'), path.basename(resultsFile), out);
    } catch (err) {
      out.errors.push({ file: path.basename(resultsFile), error: message(err) });
    }
    return out;
  }
  const scores = new Map<string, number>();
  try {
    const rows = JSON.parse(texts.sample_annotation ?? '[]') as { token?: unknown; detection_score?: unknown }[];
    for (const r of rows) if (typeof r.token === 'string' && typeof r.detection_score === 'number') scores.set(r.token, r.detection_score);
  } catch {
    // Already reported by the table parser.
  }
  for (const f of nuscenesFrames(parsed.tables)) {
    if (dataset.get(f.id) === undefined) {
      out.unknownFrames.push(f.filename);
      continue;
    }
    out.frames.push({
      frameId: f.id,
      cuboids: f.cuboids.map((c, k) => {
        const score = scores.get(c.id);
        return { ...c, id: `${f.id}#${k + 1}`, ...(score !== undefined ? { score } : {}) };
      }),
      dontCare: [],
    });
  }
  return out;
}

/** The boxes of a nuScenes results file, by LiDAR keyframe of the sample each names (see `readNuscenesLabels`). */
function readResults(dataset: Dataset, t: NuscenesTables, text: string, file: string, out: ReadLabels): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw formatError(file, '', `not valid JSON: ${jsonSyntaxError(text, err)}`);
  }
  const results = typeof doc === 'object' && doc !== null ? (doc as { results?: unknown }).results : undefined;
  if (typeof results !== 'object' || results === null || Array.isArray(results))
    throw formatError(file, 'results', 'a results file needs an object "results" keyed by sample token', 'results');
  const lidarOf = new Map<string, { id: string; pose: number[] }>();
  for (const sd of t.sample_data.values()) {
    if (!sd.filename.startsWith(LIDAR_TOP_DIR)) continue;
    const ego = t.ego_pose.get(sd.ego_pose_token);
    const cs = t.calibrated_sensor.get(sd.calibrated_sensor_token);
    if (ego !== undefined && cs !== undefined) lidarOf.set(sd.sample_token, { id: nuscenesFrameId(sd.filename), pose: nuLidarPose(ego, cs) });
  }
  const num = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  for (const [sampleToken, boxes] of Object.entries(results as Record<string, unknown>)) {
    const lidar = lidarOf.get(sampleToken);
    if (lidar === undefined || dataset.get(lidar.id) === undefined) {
      out.unknownFrames.push(`sample ${sampleToken}`);
      continue;
    }
    if (!Array.isArray(boxes)) throw formatError(file, `results["${sampleToken}"]`, 'expected a list of boxes', 'results');
    const cuboids: Cuboid[] = boxes.map((b: Record<string, unknown>, k): Cuboid => {
      const at = `results["${sampleToken}"][${k}]`;
      if (!num(b.translation, 3)) throw formatError(file, `${at}.translation`, 'expected 3 finite numbers', 'translation');
      if (!num(b.size, 3) || !b.size.every((v) => v > 0)) throw formatError(file, `${at}.size`, 'expected 3 numbers above 0 (w, l, h)', 'size');
      if (!num(b.rotation, 4) || b.rotation.every((v) => v === 0)) throw formatError(file, `${at}.rotation`, 'expected a quaternion [w, x, y, z]', 'rotation');
      const name = typeof b.detection_name === 'string' ? b.detection_name : typeof b.tracking_name === 'string' ? b.tracking_name : null;
      if (name === null || name === '') throw formatError(file, `${at}.detection_name`, 'the class is missing', 'detection_name');
      const score = typeof b.detection_score === 'number' ? b.detection_score : typeof b.tracking_score === 'number' ? b.tracking_score : undefined;
      const shape = nuscenesBoxToLidar(
        {
          translation: b.translation as [number, number, number],
          size: b.size as [number, number, number],
          rotation: b.rotation as [number, number, number, number],
        },
        lidar.pose,
      );
      return {
        id: `${lidar.id}#${k + 1}`,
        trackId: typeof b.tracking_id === 'string' && b.tracking_id !== '' ? b.tracking_id : null,
        label: name,
        center: shape.center,
        size: shape.size,
        yaw: shape.yaw,
        attributes: { truncated: 0, occluded: 3 },
        source: 'import',
        ...(score !== undefined ? { score } : {}),
      };
    });
    out.frames.push({ frameId: lidar.id, cuboids, dontCare: [] });
  }
}
