import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImportedFrame } from '../../../domain/formats/common/LabelFrame.ts';
import type { ImportFormat } from '../../../domain/formats/LabelFormats.ts';
import { parseBoxLines } from '../../../domain/formats/openpcdet/boxLines.ts';
import { parseOpenLabel } from '../../../domain/formats/openlabel/parseOpenLabel.ts';
import type { Cuboid } from '../../../domain/types.ts';
import type { Dataset } from '../../dataset/Dataset.ts';
import { readKittiTrackingLabels } from './readKittiTrackingLabels.ts';
import { readNuscenesLabels } from './readNuscenesLabels.ts';

/** What a label source gave: frames matched to the dataset, names that matched no frame, and per-file errors. */
export interface ReadLabels {
  frames: ImportedFrame[];
  unknownFrames: string[];
  errors: { file: string; error: string }[];
}

/** A box read from a file, with a fresh id (`FRAME#k`, stable across reads of the same file). */
export function withId(frameId: string, k: number, box: Omit<Cuboid, 'id'>): Cuboid {
  return { id: `${frameId}#${k + 1}`, ...box };
}

/**
 * Reads labels of `format` from `labelsPath` (a folder or a file, see each reader) and matches
 * them to the dataset's frames. A file that cannot be read is reported in `errors` (file and
 * reason, which names the field) and the others are still read.
 */
export async function readLabelFormat(dataset: Dataset, labelsPath: string, format: Exclude<ImportFormat, 'kitti'>): Promise<ReadLabels> {
  switch (format) {
    case 'openpcdet':
    case 'mmdet3d':
      return readBoxLineLabels(dataset, labelsPath);
    case 'openlabel':
      return readOpenLabel(dataset, labelsPath);
    case 'kitti-tracking':
      return readKittiTrackingLabels(dataset, labelsPath);
    case 'nuscenes':
      return readNuscenesLabels(dataset, labelsPath);
  }
}

/** `labels/ID.txt` of OpenPCDet or mmdet3d (`labelsPath` is the `labels` folder or the export root holding it). */
async function readBoxLineLabels(dataset: Dataset, labelsPath: string): Promise<ReadLabels> {
  const dir = (await isDir(path.join(labelsPath, 'labels'))) ? path.join(labelsPath, 'labels') : labelsPath;
  const out: ReadLabels = { frames: [], unknownFrames: [], errors: [] };
  const names = (await fs.readdir(dir)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
  for (const name of names) {
    const id = name.slice(0, -4);
    if (dataset.get(id) === undefined) {
      out.unknownFrames.push(name);
      continue;
    }
    try {
      const boxes = parseBoxLines(await fs.readFile(path.join(dir, name), 'utf8'), name);
      out.frames.push({
        frameId: id,
        cuboids: boxes.map((b, k) =>
          withId(id, k, {
            trackId: null,
            label: b.label,
            center: b.center,
            size: b.size,
            yaw: b.yaw,
            attributes: { truncated: 0, occluded: 0 },
            source: 'import',
            ...(b.score !== undefined ? { score: b.score } : {}),
          }),
        ),
        dontCare: [],
      });
    } catch (err) {
      out.errors.push({ file: name, error: message(err) });
    }
  }
  return out;
}

/** An OpenLABEL file (`labelsPath` is the `.json` or a folder holding `openlabel.json`). */
async function readOpenLabel(dataset: Dataset, labelsPath: string): Promise<ReadLabels> {
  const file = (await isDir(labelsPath)) ? path.join(labelsPath, 'openlabel.json') : labelsPath;
  const name = path.basename(file);
  const out: ReadLabels = { frames: [], unknownFrames: [], errors: [] };
  let frames;
  const problems: string[] = [];
  try {
    frames = parseOpenLabel(await fs.readFile(file, 'utf8'), name, problems);
  } catch (err) {
    out.errors.push({ file: name, error: message(err) });
    return out;
  }
  // A bad cuboid or an undeclared object is named (file and JSON path) and left out; the rest comes in.
  for (const p of problems) out.errors.push({ file: name, error: p });
  // A frame is named by `frame_properties.name` (a frame id), else by its LiDAR stream's uri (the point file).
  const byUri = new Map<string, string>();
  for (const id of dataset.ids()) {
    const f = dataset.get(id);
    if (f === undefined) continue;
    const rel = path.relative(dataset.root, f.points.path).split(path.sep).join('/');
    byUri.set(rel, id);
    byUri.set(path.basename(f.points.path), id);
  }
  for (const f of frames) {
    const id =
      f.name !== null && dataset.get(f.name) !== undefined ? f.name : f.uri !== null ? (byUri.get(f.uri) ?? byUri.get(path.basename(f.uri))) : undefined;
    if (id === undefined) {
      out.unknownFrames.push(`frame ${f.frame}${f.name !== null ? ` (${f.name})` : ''}${f.uri !== null ? ` (${f.uri})` : ''}`);
      continue;
    }
    out.frames.push({ frameId: id, cuboids: f.cuboids.map((c, k) => withId(id, k, c)), dontCare: [] });
  }
  return out;
}

export async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
