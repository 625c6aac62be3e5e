import fs from 'node:fs/promises';
import path from 'node:path';
import { nuscenesFrames } from '../../../domain/nuscenes/nuscenesFrames.ts';
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
 */
export async function readNuscenesLabels(dataset: Dataset, labelsPath: string): Promise<ReadLabels> {
  const out: ReadLabels = { frames: [], unknownFrames: [], errors: [] };
  let dir = labelsPath;
  if (!(await fs.stat(path.join(dir, 'sample.json')).then(() => true, () => false))) {
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
