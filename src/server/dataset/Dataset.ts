import fs from 'node:fs/promises';
import path from 'node:path';
import type { BinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import type { BinLayoutChoice } from '../../domain/pointcloud/BinLayoutChoice.ts';
import { chooseBinLayouts, type DeclaredLayout } from './chooseBinLayouts.ts';
import { readDatasetFile } from './datasetFile.ts';
import { isValidFrameId } from './frameId.ts';

export type PointsFormat = 'bin' | 'pcd';
export type DatasetLayout = 'kitti' | 'flat';

/** The files of one frame. Every path is absolute and was found by the scan, never built from input. */
export interface DatasetFrame {
  id: string;
  /** `binLayout`: how a raw `.bin` is read (and why); null for a `.pcd`. */
  points: { path: string; format: PointsFormat; bytes: number; binLayout: BinLayoutChoice | null };
  calibPath: string | null;
  image: { path: string; contentType: string } | null;
  /** The label file shipped with the dataset (`label_2/ID.txt`), imported on first open. */
  labelPath: string | null;
}

/** Options of `Dataset.scan`. */
export interface DatasetScanOptions {
  /** The layout of every `.bin` point file (`--bin-layout`); wins over the dataset file `cuboid.json`. */
  binLayout?: BinLayoutName;
}

/** A distinct `.bin` layout choice of a dataset and how many frames it applies to. */
export type DatasetBinLayout = BinLayoutChoice & { frames: number };

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** Thrown when a folder is not a dataset; the message says what was expected. */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/**
 * An index of a dataset folder: a KITTI layout (`velodyne/` with `.bin` or `.pcd`, optional
 * `calib/`, `image_2/`, `label_2/`) or a flat folder of `.pcd` (or `.bin`) files, with the same
 * optional sub-folders. Frame ids are file stems. The index is the only source of file paths the
 * server opens, so a request can reach only files the scan listed.
 */
export class Dataset {
  readonly root: string;
  readonly layout: DatasetLayout;
  /** Files the scan skipped, with the reason (bad names, duplicate stems). */
  readonly warnings: readonly string[];
  private readonly frames: ReadonlyMap<string, DatasetFrame>;
  private readonly sortedIds: readonly string[];

  private constructor(root: string, layout: DatasetLayout, frames: DatasetFrame[], warnings: string[]) {
    this.root = root;
    this.layout = layout;
    this.warnings = warnings;
    const sorted = [...frames].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.frames = new Map(sorted.map((f) => [f.id, f]));
    this.sortedIds = sorted.map((f) => f.id);
  }

  /**
   * Scans `root`. KITTI when `root/velodyne` is a folder, else flat. `.bin` files get a point
   * layout: `opts.binLayout`, else `binLayout` of `root/cuboid.json`, else `xyzir` for `*.pcd.bin`
   * (whose frame id drops the whole `.pcd.bin`), else one detected for the dataset
   * (`chooseBinLayouts`); a detection that had a choice to make adds a warning.
   * @throws DatasetError when `root` is missing or holds no point-cloud file; Error naming
   *   `cuboid.json` when that file is malformed.
   */
  static async scan(root: string, opts: DatasetScanOptions = {}): Promise<Dataset> {
    const abs = path.resolve(root);
    const st = await fs.stat(abs).catch(() => null);
    if (st === null || !st.isDirectory()) throw new DatasetError(`Dataset: ${abs} is not a folder`);
    const warnings: string[] = [];
    const datasetFile = await readDatasetFile(abs);
    if (datasetFile !== null) warnings.push(...datasetFile.warnings);
    const declared: DeclaredLayout | null =
      opts.binLayout !== undefined
        ? { name: opts.binLayout, source: 'flag', by: '--bin-layout' }
        : datasetFile?.settings.binLayout !== undefined
          ? { name: datasetFile.settings.binLayout, source: 'dataset-file', by: datasetFile.path }
          : null;
    const velodyne = path.join(abs, 'velodyne');
    const layout: DatasetLayout = (await isDirectory(velodyne)) ? 'kitti' : 'flat';
    const pointsDir = layout === 'kitti' ? velodyne : abs;
    const points = await listByStem(pointsDir, ['.bin', '.pcd.bin', '.pcd'], warnings);
    if (points.size === 0) {
      throw new DatasetError(
        layout === 'kitti'
          ? `Dataset: ${velodyne} holds no .bin or .pcd files`
          : `Dataset: ${abs} holds no .pcd files and no velodyne/ folder (expected a KITTI layout or a flat folder of .pcd files)`,
      );
    }
    const calibs = await listByStem(path.join(abs, 'calib'), ['.txt'], warnings);
    const images = await listByStem(path.join(abs, 'image_2'), Object.keys(IMAGE_TYPES), warnings);
    const labels = await listByStem(path.join(abs, 'label_2'), ['.txt'], warnings);
    const binFiles = [...points.values()].filter((f) => f.ext !== '.pcd').map((f) => ({ path: f.path, bytes: f.bytes }));
    const layouts = await chooseBinLayouts(binFiles, declared);
    for (const w of new Set([...layouts.values()].map((c) => c.warning))) if (w !== null) warnings.push(w);
    const frames: DatasetFrame[] = [];
    for (const [id, file] of points) {
      const format: PointsFormat = file.ext === '.pcd' ? 'pcd' : 'bin';
      const image = images.get(id);
      frames.push({
        id,
        points: { path: file.path, format, bytes: file.bytes, binLayout: format === 'bin' ? (layouts.get(file.path) ?? null) : null },
        calibPath: calibs.get(id)?.path ?? null,
        image: image === undefined ? null : { path: image.path, contentType: IMAGE_TYPES[image.ext] ?? 'application/octet-stream' },
        labelPath: labels.get(id)?.path ?? null,
      });
    }
    return new Dataset(abs, layout, frames, warnings);
  }

  /** The distinct `.bin` layouts of the frames (most frames first); empty without `.bin` files. */
  binLayouts(): DatasetBinLayout[] {
    const byKey = new Map<string, DatasetBinLayout>();
    for (const frame of this.frames.values()) {
      const c = frame.points.binLayout;
      if (c === null) continue;
      const key = `${c.name}|${c.source}|${c.detail}`;
      const entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, { ...c, frames: 1 });
      else entry.frames++;
    }
    return [...byKey.values()].sort((a, b) => b.frames - a.frames);
  }

  /** Frame ids in sorted (code point) order. */
  ids(): readonly string[] {
    return this.sortedIds;
  }

  get size(): number {
    return this.sortedIds.length;
  }

  /** The frame with this id, or undefined for an unknown or malformed id. */
  get(id: string): DatasetFrame | undefined {
    return isValidFrameId(id) ? this.frames.get(id) : undefined;
  }
}

interface FoundFile {
  path: string;
  ext: string;
  bytes: number;
}

async function isDirectory(p: string): Promise<boolean> {
  const st = await fs.stat(p).catch(() => null);
  return st !== null && st.isDirectory();
}

/** Regular files (symlinks followed) in `dir` with one of `exts`, keyed by stem; first extension wins. */
async function listByStem(dir: string, exts: string[], warnings: string[]): Promise<Map<string, FoundFile>> {
  const found = new Map<string, FoundFile>();
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  const candidates: { stem: string; ext: string; full: string }[] = [];
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const lower = entry.name.toLowerCase();
    const ext = exts.includes('.pcd.bin') && lower.endsWith('.pcd.bin') ? '.pcd.bin' : path.extname(lower);
    if (!exts.includes(ext)) continue;
    const stem = entry.name.slice(0, entry.name.length - ext.length);
    if (!isValidFrameId(stem)) {
      if (!entry.name.startsWith('.')) warnings.push(`skipped ${path.join(dir, entry.name)}: not a valid frame id`);
      continue;
    }
    candidates.push({ stem, ext, full: path.join(dir, entry.name) });
  }
  candidates.sort((a, b) => exts.indexOf(a.ext) - exts.indexOf(b.ext) || (a.full < b.full ? -1 : 1));
  for (const c of candidates) {
    const st = await fs.stat(c.full).catch(() => null);
    if (st === null || !st.isFile()) continue;
    const prior = found.get(c.stem);
    if (prior !== undefined) {
      warnings.push(`skipped ${c.full}: ${prior.path} has the same frame id`);
      continue;
    }
    found.set(c.stem, { path: c.full, ext: c.ext, bytes: st.size });
  }
  return found;
}
