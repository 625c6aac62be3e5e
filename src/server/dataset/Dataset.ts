import fs from 'node:fs/promises';
import path from 'node:path';
import type { BinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import type { BinLayoutChoice } from '../../domain/pointcloud/BinLayoutChoice.ts';
import { chooseBinLayouts, type DeclaredLayout } from './chooseBinLayouts.ts';
import { DATASET_FILE, readDatasetFile } from './datasetFile.ts';
import { displayPath, fsErrorReason } from './fileError.ts';
import { isInside } from './confineRead.ts';
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
  /** The dataset folder (absolute, as given): errors name files relative to it. */
  root: string;
  /**
   * The real path (symlinks resolved) every read must stay inside, or null when the server was
   * started with `--follow-symlinks` (see `confineRead`).
   */
  confinedTo: string | null;
}

/** Options of `Dataset.scan`. */
export interface DatasetScanOptions {
  /** The layout of every `.bin` point file (`--bin-layout`); wins over the dataset file `cuboid.json`. */
  binLayout?: BinLayoutName;
  /**
   * Follow symbolic links wherever they lead (`--follow-symlinks`). Default false: a file whose
   * real path is outside the dataset folder is skipped with a warning, and every read checks again.
   */
  followSymlinks?: boolean;
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

/** The sub-folders a scan lists, besides the points folder. */
type Listing = 'points' | 'calib' | 'image' | 'label';

/** One listed folder: what it held and the stamp (mtime) it had when listed. */
interface FolderListing {
  dir: string;
  stamp: string;
  files: Map<string, FoundFile>;
  warnings: string[];
}

const EXTENSIONS: Record<Listing, string[]> = {
  points: ['.bin', '.pcd.bin', '.pcd'],
  calib: ['.txt'],
  image: Object.keys(IMAGE_TYPES),
  label: ['.txt'],
};

/**
 * An index of a dataset folder: a KITTI layout (`velodyne/` with `.bin` or `.pcd`, optional
 * `calib/`, `image_2/`, `label_2/`) or a flat folder of `.pcd` (or `.bin`) files, with the same
 * optional sub-folders. Frame ids are file stems. The index is the only source of file paths the
 * server opens, so a request can reach only files the scan listed; a file whose real path leads
 * outside the folder is left out unless `followSymlinks`. `refresh()` re-lists the folders whose
 * modification time changed (frames and files added while serving; a file removed stays listed
 * and reads of it answer "missing").
 */
export class Dataset {
  readonly root: string;
  readonly layout: DatasetLayout;
  /** The real path reads must stay inside; null with `followSymlinks`. */
  readonly confinedTo: string | null;
  private readonly declared: DeclaredLayout | null;
  private readonly fileWarnings: readonly string[];
  private readonly listings: Record<Listing, FolderListing>;
  private layouts: Map<string, BinLayoutChoice>;
  private frames: ReadonlyMap<string, DatasetFrame> = new Map();
  private sortedIds: readonly string[] = [];
  private refreshing: Promise<boolean> | null = null;

  private constructor(
    root: string,
    layout: DatasetLayout,
    confinedTo: string | null,
    declared: DeclaredLayout | null,
    fileWarnings: string[],
    listings: Record<Listing, FolderListing>,
    layouts: Map<string, BinLayoutChoice>,
  ) {
    this.root = root;
    this.layout = layout;
    this.confinedTo = confinedTo;
    this.declared = declared;
    this.fileWarnings = fileWarnings;
    this.listings = listings;
    this.layouts = layouts;
    this.build();
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
    const confinedTo = opts.followSymlinks === true ? null : await fs.realpath(abs);
    const fileWarnings: string[] = [];
    const datasetFile = await readDatasetFile(abs);
    if (datasetFile !== null) fileWarnings.push(...datasetFile.warnings);
    const declared: DeclaredLayout | null =
      opts.binLayout !== undefined
        ? { name: opts.binLayout, source: 'flag', by: '--bin-layout' }
        : datasetFile?.settings.binLayout !== undefined
          ? { name: datasetFile.settings.binLayout, source: 'dataset-file', by: DATASET_FILE }
          : null;
    const velodyne = path.join(abs, 'velodyne');
    const layout: DatasetLayout = (await isDirectory(velodyne)) ? 'kitti' : 'flat';
    const dirs: Record<Listing, string> = {
      points: layout === 'kitti' ? velodyne : abs,
      calib: path.join(abs, 'calib'),
      image: path.join(abs, 'image_2'),
      label: path.join(abs, 'label_2'),
    };
    const listings = {} as Record<Listing, FolderListing>;
    for (const kind of Object.keys(dirs) as Listing[]) listings[kind] = await listFolder(dirs[kind], EXTENSIONS[kind], abs, confinedTo, kind === 'points');
    if (listings.points.files.size === 0) {
      throw new DatasetError(
        layout === 'kitti'
          ? `Dataset: ${velodyne} holds no .bin or .pcd files`
          : `Dataset: ${abs} holds no .pcd files and no velodyne/ folder (expected a KITTI layout or a flat folder of .pcd files)`,
      );
    }
    const layouts = await chooseBinLayouts(binFilesOf(listings.points), declared);
    return new Dataset(abs, layout, confinedTo, declared, fileWarnings, listings, layouts);
  }

  /**
   * Re-lists every folder whose modification time changed since it was listed (a frame or file
   * added; the server's own label writes touch only `label_2`, a cheap listing; a file that went
   * away keeps its entry, so its readers say it is missing instead of the frame silently changing) and
   * rebuilds the index; `.bin` layouts are detected again only when the set of `.bin` files
   * changed. Concurrent calls share one pass. Returns true when anything was re-listed.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<boolean> {
    let changed = false;
    for (const kind of Object.keys(this.listings) as Listing[]) {
      const old = this.listings[kind];
      if ((await folderStamp(old.dir)) === old.stamp) continue;
      const next = await listFolder(old.dir, EXTENSIONS[kind], this.root, this.confinedTo, kind === 'points');
      // A file that went away stays listed: reading it then answers "missing" naming it, rather than
      // the frame silently losing its calib or label (a restart drops it for good).
      for (const [stem, file] of old.files) if (!next.files.has(stem)) next.files.set(stem, file);
      if (kind === 'points') {
        const key = (l: FolderListing) => binFilesOf(l).map((f) => `${f.path}:${f.bytes}`).sort().join('|');
        if (key(next) !== key(old)) this.layouts = await chooseBinLayouts(binFilesOf(next), this.declared);
      }
      this.listings[kind] = next;
      changed = true;
    }
    if (changed) this.build();
    return changed;
  }

  private build(): void {
    const { points, calib, image, label } = this.listings;
    const frames: DatasetFrame[] = [];
    for (const [id, file] of points.files) {
      const format: PointsFormat = file.ext === '.pcd' ? 'pcd' : 'bin';
      const img = image.files.get(id);
      frames.push({
        id,
        points: { path: file.path, format, bytes: file.bytes, binLayout: format === 'bin' ? (this.layouts.get(file.path) ?? null) : null },
        calibPath: calib.files.get(id)?.path ?? null,
        image: img === undefined ? null : { path: img.path, contentType: IMAGE_TYPES[img.ext] ?? 'application/octet-stream' },
        labelPath: label.files.get(id)?.path ?? null,
        root: this.root,
        confinedTo: this.confinedTo,
      });
    }
    const sorted = frames.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.frames = new Map(sorted.map((f) => [f.id, f]));
    this.sortedIds = sorted.map((f) => f.id);
  }

  /** Files the scan skipped, with the reason (bad names, duplicate stems, not regular files, links leading out), paths relative to the dataset. */
  get warnings(): readonly string[] {
    const layoutWarnings = new Set([...this.layouts.values()].map((c) => c.warning).filter((w): w is string => w !== null));
    return [...this.fileWarnings, ...(Object.values(this.listings) as FolderListing[]).flatMap((l) => l.warnings), ...layoutWarnings];
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

function binFilesOf(listing: FolderListing): { path: string; bytes: number }[] {
  return [...listing.files.values()].filter((f) => f.ext !== '.pcd').map((f) => ({ path: f.path, bytes: f.bytes }));
}

async function isDirectory(p: string): Promise<boolean> {
  const st = await fs.stat(p).catch(() => null);
  return st !== null && st.isDirectory();
}

/** A folder's modification stamp (mtime and inode; `none` when absent): changes when an entry is added, removed or renamed. */
async function folderStamp(dir: string): Promise<string> {
  const st = await fs.stat(dir).catch(() => null);
  return st === null ? 'none' : `${st.ino}:${st.mtimeMs}:${st.ctimeMs}`;
}

/** What a directory entry is, in words, for a warning (`a folder`, `a FIFO`). */
function kindOf(st: import('node:fs').Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Regular files in `dir` with one of `exts`, keyed by stem; first extension wins. Symbolic links
 * are followed only within `confinedTo` (any link when it is null). Every entry with a wanted
 * extension that is left out gets a warning naming it relative to `root` and why. Without
 * `needSize` a plain file is taken from its directory entry (its `bytes` is -1), so re-listing a
 * large `label_2/` after the server's own writes costs one `readdir`.
 */
async function listFolder(dir: string, exts: string[], root: string, confinedTo: string | null, needSize: boolean): Promise<FolderListing> {
  const stamp = await folderStamp(dir);
  const found = new Map<string, FoundFile>();
  const warnings: string[] = [];
  const shown = (p: string) => displayPath(root, p);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return { dir, stamp, files: found, warnings };
  }
  const candidates: { stem: string; ext: string; full: string; link: boolean; regular: boolean }[] = [];
  for (const entry of entries) {
    const lower = entry.name.toLowerCase();
    const ext = exts.includes('.pcd.bin') && lower.endsWith('.pcd.bin') ? '.pcd.bin' : path.extname(lower);
    if (!exts.includes(ext)) continue;
    const stem = entry.name.slice(0, entry.name.length - ext.length);
    if (!isValidFrameId(stem)) {
      if (!entry.name.startsWith('.')) warnings.push(`skipped ${shown(path.join(dir, entry.name))}: not a valid frame id`);
      continue;
    }
    candidates.push({ stem, ext, full: path.join(dir, entry.name), link: entry.isSymbolicLink(), regular: entry.isFile() });
  }
  candidates.sort((a, b) => exts.indexOf(a.ext) - exts.indexOf(b.ext) || (a.full < b.full ? -1 : 1));
  const realDir = confinedTo === null ? null : await fs.realpath(dir).catch(() => dir);
  const dirInside = realDir === null || isInside(confinedTo as string, realDir);
  for (const c of candidates) {
    if (!needSize && !c.link && c.regular && dirInside) {
      // A plain file in a folder inside the dataset: the directory entry says enough (no stat per file).
      const prior = found.get(c.stem);
      if (prior !== undefined) warnings.push(`skipped ${shown(c.full)}: ${shown(prior.path)} has the same frame id`);
      else found.set(c.stem, { path: c.full, ext: c.ext, bytes: -1 });
      continue;
    }
    const st = await fs.stat(c.full).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error) {
      warnings.push(`skipped ${shown(c.full)}: ${c.link && st.code === 'ENOENT' ? 'a symbolic link to nothing' : fsErrorReason(st.code)}`);
      continue;
    }
    if (!st.isFile()) {
      warnings.push(`skipped ${shown(c.full)}: ${kindOf(st)}, not a regular file`);
      continue;
    }
    if (confinedTo !== null && (c.link || !dirInside)) {
      const real = await fs.realpath(c.full).catch(() => null);
      if (real === null || !isInside(confinedTo, real)) {
        warnings.push(`skipped ${shown(c.full)}: a symbolic link leading outside the dataset folder (serve with --follow-symlinks to allow it)`);
        continue;
      }
    }
    const prior = found.get(c.stem);
    if (prior !== undefined) {
      warnings.push(`skipped ${shown(c.full)}: ${shown(prior.path)} has the same frame id`);
      continue;
    }
    found.set(c.stem, { path: c.full, ext: c.ext, bytes: st.size });
  }
  return { dir, stamp, files: found, warnings };
}
