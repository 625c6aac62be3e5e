import path from 'node:path';
import type { BinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import { declaredChoice, type BinLayoutChoice } from '../../domain/pointcloud/BinLayoutChoice.ts';
import { chooseBinLayouts, type DeclaredLayout } from './chooseBinLayouts.ts';
import { DATASET_FILE, readDatasetFileFrom } from './datasetFile.ts';
import type { DatasetSource, SourceSpec } from './DatasetSource.ts';
import { isValidFrameId } from './frameId.ts';
import { DATASET_LAYOUTS, type DatasetLayoutSpec, type FileKind } from './datasetLayouts.ts';
import { EXTENSIONS, IMAGE_TYPES, binFilesOf, listFolder, type FolderListing } from './folderListing.ts';
import { openSource, SourceOpenError } from './sources.ts';
import { isDatasetUnavailable } from './sourceErrors.ts';
import type { SequenceScan, SequenceScanOptions, ShippedLabels } from './layouts/SequenceScan.ts';
import type { Pose } from '../../domain/poses/Pose.ts';
import type { DatasetCamera } from './DatasetCamera.ts';

export type PointsFormat = 'bin' | 'pcd' | 'ply' | 'las' | 'laz';
export type { DatasetLayout } from './datasetLayouts.ts';
import type { DatasetLayout } from './datasetLayouts.ts';

/**
 * The files of one frame. Each file is an opaque ref (a local absolute path, or an `s3://` URL)
 * that a listing of the frame's source found, never built from input: read it only through
 * `sourceFor(frame.source)` (see `frameFiles.ts`), never with `fs` directly. The frame is a plain
 * object, copied as it is into check worker threads.
 */
export interface DatasetFrame {
  id: string;
  /** `binLayout`: how a raw `.bin` is read (and why); null for a `.pcd`. */
  points: { path: string; format: PointsFormat; bytes: number; binLayout: BinLayoutChoice | null };
  calibPath: string | null;
  image: { path: string; contentType: string } | null;
  /** The label file shipped with the dataset (`label_2/ID.txt`), imported on first open. */
  labelPath: string | null;
  /** The dataset folder (absolute, as given) or bucket URL: errors name files relative to it. */
  root: string;
  /** Where the files are; `sourceFor(source)` reads them. */
  source: SourceSpec;
  /**
   * The real path (symlinks resolved) every read must stay inside, or null when the server was
   * started with `--follow-symlinks` (see `confineRead`).
   */
  confinedTo: string | null;
  /**
   * Sequence layouts (KITTI tracking, nuScenes; see `layouts/SequenceScan.ts`): the frame's
   * sequence, its ego pose (LiDAR → world, null when the dataset has none) and the labels the
   * dataset ships for it (imported on first open instead of a `label_2` file).
   */
  sequence?: string;
  pose?: Pose | null;
  shipped?: ShippedLabels | null;
  /** A nuScenes frame's camera images (its sample's `CAM_*` keyframes); other layouts list theirs on request (`frameCameras`). */
  cameras?: DatasetCamera[];
  /**
   * Why the frame's `label_2` boxes cannot be placed: its calib file is missing while other frames
   * of the dataset have one (the label's camera coordinates would otherwise be read with the
   * no-camera convention, 0.6 m or more off). Opening, checking and exporting the frame say it.
   */
  calibMissing?: string;
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
  /** Where a sequence layout runs its heavy parsing (the server: its check pool's worker threads); default this thread. */
  runTask?: SequenceScanOptions['runTask'];
}

/** A distinct `.bin` layout choice of a dataset and how many frames it applies to. */
export type DatasetBinLayout = BinLayoutChoice & { frames: number };

/** The kinds of file a dataset's folders are listed for. */
type Listing = FileKind;

/** Thrown when a folder is not a dataset; the message says what was expected. */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/**
 * An index of a dataset in a folder or a bucket (`DatasetSource`): a KITTI layout (`velodyne/`
 * with `.bin` or `.pcd`, optional `calib/`, `image_2/`, `label_2/`) or a flat folder of `.pcd`
 * (or `.bin`) files, with the same optional sub-folders (the layouts are `DATASET_LAYOUTS`). Frame
 * ids are file stems. The index is the only source of file refs the server reads, so a request
 * can reach only files a listing found; in a local folder a file whose real path leads outside is
 * left out unless `followSymlinks`. `refresh()` re-lists the folders whose stamp changed (frames
 * and files added while serving; a file removed stays listed and reads of it answer "missing").
 */
export class Dataset {
  readonly root: string;
  readonly layout: DatasetLayout;
  /** The real path reads must stay inside; null with `followSymlinks` and for a bucket. */
  readonly confinedTo: string | null;
  /** Where the files are: every read goes through it. */
  readonly source: DatasetSource;
  private readonly declared: DeclaredLayout | null;
  private readonly fileWarnings: readonly string[];
  private readonly listings: Record<Listing, FolderListing>;
  private layouts: Map<string, BinLayoutChoice>;
  private frames: ReadonlyMap<string, DatasetFrame> = new Map();
  private sortedIds: readonly string[] = [];
  private refreshing: Promise<boolean> | null = null;
  /** The scan of a sequence layout (KITTI tracking, nuScenes); null for a layout of per-kind folders. */
  private readonly sequenceScan: SequenceScan | null;

  private constructor(
    source: DatasetSource,
    layout: DatasetLayout,
    declared: DeclaredLayout | null,
    fileWarnings: string[],
    listings: Record<Listing, FolderListing>,
    layouts: Map<string, BinLayoutChoice>,
    sequence: SequenceScan | null = null,
  ) {
    this.sequenceScan = sequence;
    this.source = source;
    this.root = source.spec.root;
    this.layout = layout;
    this.confinedTo = source.spec.kind === 'local' ? source.spec.confinedTo : null;
    this.declared = declared;
    this.fileWarnings = fileWarnings;
    this.listings = listings;
    this.layouts = layouts;
    this.build();
  }

  /**
   * Scans `root`: a folder, or `s3://BUCKET/PREFIX` (see `openSource`). The first of
   * `DATASET_LAYOUTS` that matches decides the folders. `.bin` files get a point layout:
   * `opts.binLayout`, else `binLayout` of `root/cuboid.json`, else `xyzir` for `*.pcd.bin` (whose
   * frame id drops the whole `.pcd.bin`), else one detected for the dataset (`chooseBinLayouts`);
   * a detection that had a choice to make adds a warning.
   * @throws DatasetError when `root` is missing or holds no point-cloud file;
   *   DatasetUnavailableError for a bucket that cannot be listed; Error naming `cuboid.json` when
   *   that file is malformed.
   */
  static async scan(root: string, opts: DatasetScanOptions = {}): Promise<Dataset> {
    let source: DatasetSource;
    try {
      source = await openSource(root, { followSymlinks: opts.followSymlinks === true });
    } catch (err) {
      if (err instanceof SourceOpenError) throw new DatasetError(err.message);
      throw err;
    }
    return Dataset.scanSource(source, opts);
  }

  /** `scan` of an opened source. */
  static async scanSource(source: DatasetSource, opts: DatasetScanOptions = {}): Promise<Dataset> {
    const fileWarnings: string[] = [];
    const datasetFile = await readDatasetFileFrom(source);
    if (datasetFile !== null) fileWarnings.push(...datasetFile.warnings);
    const declared: DeclaredLayout | null =
      opts.binLayout !== undefined
        ? { name: opts.binLayout, source: 'flag', by: '--bin-layout' }
        : datasetFile?.settings.binLayout !== undefined
          ? { name: datasetFile.settings.binLayout, source: 'dataset-file', by: DATASET_FILE }
          : null;
    let spec: DatasetLayoutSpec | undefined;
    for (const candidate of DATASET_LAYOUTS) {
      if (await candidate.matches(source)) {
        spec = candidate;
        break;
      }
    }
    if (spec === undefined) throw new DatasetError(`Dataset: ${source.spec.root} matches no known layout`);
    if (spec.scanSequence !== undefined) {
      const scan = await spec.scanSequence(source, opts.runTask !== undefined ? { runTask: opts.runTask } : {});
      if (scan.frames.length === 0)
        throw new DatasetError(`${spec.emptyMessage(source)}${scan.warnings.length > 0 ? ` (${scan.warnings.slice(0, 3).join('; ')})` : ''}`);
      // The layout's format fixes the .bin records (KITTI x y z reflectance; nuScenes x y z intensity ring) unless declared.
      const files = scan.frames.map((f) => ({ path: f.points.ref, bytes: f.points.bytes }));
      const layouts =
        declared !== null
          ? await chooseBinLayouts(files, declared, (ref, n) => source.readPrefix(ref, n))
          : new Map(scan.frames.map((f) => [f.points.ref, declaredChoice(f.binLayout, 'file-name', `the ${spec.name} layout's point files`)]));
      const none = (dir: string): FolderListing => ({ dir, stamp: '', files: new Map(), warnings: [] });
      const listings = { points: none(spec.folders.points), calib: none('calib'), image: none('image_2'), label: none('label_2') };
      return new Dataset(source, spec.name, declared, fileWarnings, listings, layouts, scan);
    }
    const listings = {} as Record<Listing, FolderListing>;
    for (const kind of Object.keys(spec.folders) as Listing[])
      listings[kind] = await listFolder(source, spec.folders[kind], EXTENSIONS[kind], kind === 'points');
    if (listings.points.files.size === 0) throw new DatasetError(spec.emptyMessage(source));
    const layouts = await chooseBinLayouts(binFilesOf(listings.points), declared, (ref, n) => source.readPrefix(ref, n));
    return new Dataset(source, spec.name, declared, fileWarnings, listings, layouts);
  }

  /**
   * Re-lists every folder whose stamp changed since it was listed (a local folder's mtime; a
   * bucket's listing period): a frame or file added; the server's own label writes touch only
   * `label_2`, a cheap listing; a file that went away keeps its entry, so its readers say it is
   * missing instead of the frame silently changing. `.bin` layouts are detected again only when
   * the set of `.bin` files changed. Concurrent calls share one pass. Returns true when anything
   * was re-listed.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<boolean> {
    // A sequence layout is indexed once, at the scan (its frames come from tables and per-sequence files).
    if (this.sequenceScan !== null) return false;
    let changed = false;
    // The folders are stamped and listed at once (a bucket: one LIST round trip of waiting, not four).
    const kinds = Object.keys(this.listings) as Listing[];
    const fresh = await Promise.all(
      kinds.map(async (kind): Promise<{ stamp: string; next: FolderListing | null; error?: unknown } | null> => {
        const old = this.listings[kind];
        const stamp = await this.source.folderStamp(old.dir);
        if (stamp === old.stamp) return null;
        try {
          return { stamp, next: await listFolder(this.source, old.dir, EXTENSIONS[kind], kind === 'points') };
        } catch (error) {
          return { stamp, next: null, error };
        }
      }),
    );
    for (const [i, kind] of kinds.entries()) {
      const old = this.listings[kind];
      const got = fresh[i];
      if (got === null) continue;
      const { stamp } = got;
      if (got.next === null) {
        // A bucket that cannot be listed now: keep serving the last listing (saves go on; reads of
        // its files answer 503 themselves) and try again in the next period, not on every request.
        if (!isDatasetUnavailable(got.error)) throw got.error;
        this.listings[kind] = { ...old, stamp };
        continue;
      }
      const next = got.next;
      // A file that went away stays listed: reading it then answers "missing" naming it, rather than
      // the frame silently losing its calib or label (a restart drops it for good).
      for (const [stem, file] of old.files) if (!next.files.has(stem)) next.files.set(stem, file);
      if (kind === 'points') {
        const key = (l: FolderListing) =>
          binFilesOf(l)
            .map((f) => `${f.path}:${f.bytes}`)
            .sort()
            .join('|');
        if (key(next) !== key(old)) this.layouts = await chooseBinLayouts(binFilesOf(next), this.declared, (ref, n) => this.source.readPrefix(ref, n));
      }
      this.listings[kind] = next;
      changed = true;
    }
    if (changed) this.build();
    return changed;
  }

  private build(): void {
    if (this.sequenceScan !== null) return this.buildSequence(this.sequenceScan);
    const { points, calib, image, label } = this.listings;
    const frames: DatasetFrame[] = [];
    const spec = this.source.spec;
    for (const [id, file] of points.files) {
      const format: PointsFormat = file.ext === '.pcd.bin' ? 'bin' : (file.ext.slice(1) as PointsFormat);
      const img = image.files.get(id);
      frames.push({
        id,
        points: { path: file.path, format, bytes: file.bytes, binLayout: format === 'bin' ? (this.layouts.get(file.path) ?? null) : null },
        calibPath: calib.files.get(id)?.path ?? null,
        image: img === undefined ? null : { path: img.path, contentType: IMAGE_TYPES[img.ext] ?? 'application/octet-stream' },
        labelPath: label.files.get(id)?.path ?? null,
        root: this.root,
        source: spec,
        confinedTo: this.confinedTo,
      });
    }
    if (calib.files.size > 0) {
      for (const f of frames) {
        if (f.labelPath === null || f.calibPath !== null) continue;
        f.calibMissing = `calib/${f.id}.txt is missing, while other frames have a calib: the boxes of ${this.source.display(f.labelPath)} are in camera coordinates and cannot be placed without it`;
      }
    }
    const sorted = frames.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.frames = new Map(sorted.map((f) => [f.id, f]));
    this.sortedIds = sorted.map((f) => f.id);
  }

  /** The frames of a sequence layout, in its order (sequence by sequence, then time). */
  private buildSequence(scan: SequenceScan): void {
    const spec = this.source.spec;
    const frames: DatasetFrame[] = scan.frames.map((f) => {
      const ext = path.extname(f.image?.name ?? '').toLowerCase();
      return {
        id: f.id,
        points: { path: f.points.ref, format: 'bin', bytes: f.points.bytes, binLayout: this.layouts.get(f.points.ref) ?? null },
        calibPath: f.calibRef,
        image: f.image === null ? null : { path: f.image.ref, contentType: IMAGE_TYPES[ext] ?? 'application/octet-stream' },
        labelPath: null,
        root: this.root,
        source: spec,
        confinedTo: this.confinedTo,
        sequence: f.sequence,
        pose: f.pose,
        shipped: f.shipped,
        ...(f.cameras === undefined ? {} : { cameras: f.cameras }),
      };
    });
    this.frames = new Map(frames.map((f) => [f.id, f]));
    this.sortedIds = frames.map((f) => f.id);
  }

  /** Files the scan skipped, with the reason (bad names, duplicate stems, not regular files, links leading out), paths relative to the dataset. */
  get warnings(): readonly string[] {
    const layoutWarnings = new Set([...this.layouts.values()].map((c) => c.warning).filter((w): w is string => w !== null));
    const noCalib = [...this.frames.values()].filter((f) => f.calibMissing !== undefined).map((f) => f.id);
    return [
      ...this.fileWarnings,
      ...(this.sequenceScan?.warnings ?? []),
      ...(Object.values(this.listings) as FolderListing[]).flatMap((l) => l.warnings),
      ...layoutWarnings,
      ...(noCalib.length > 0
        ? [
            `${noCalib.length} frame${noCalib.length === 1 ? ' has' : 's have'} a label_2 file but no calib, while other frames have one (${noCalib.slice(0, 5).join(', ')}${noCalib.length > 5 ? ', …' : ''}): their boxes are not placed until the calib is there`,
          ]
        : []),
    ];
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

  /** Frame ids in dataset order: sorted (code point), or a sequence layout's own order (sequence by sequence, then time). */
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
