import fs from 'node:fs/promises';
import path from 'node:path';
import { AnnotationService } from './AnnotationService.ts';
import { Dataset, type DatasetScanOptions } from './dataset/Dataset.ts';
import type { BinLayoutName } from '../domain/pointcloud/binLayouts.ts';
import { removeStaleTempLabels } from './labels/writeLabelAtomic.ts';
import { BucketLabelStore, FolderLabelStore } from './labels/LabelStore.ts';
import { startLabelSyncTimer } from './labels/labelSyncTimer.ts';
import { S3Source } from './dataset/S3Source.ts';
import { defaultStateDir } from './dataset/bucketUrl.ts';
import type { Storage } from './storage/Storage.ts';
import { SqliteStorage } from './storage/SqliteStorage.ts';
import { PostgresStorage } from './storage/PostgresStorage.ts';

export interface WorkspaceOptions {
  /** The dataset folder (a KITTI object or tracking layout, a nuScenes layout, or a flat folder of point files). */
  dataDir: string;
  /**
   * Where the database and label files go. Default: `DATA/.cuboid` for the database and
   * `DATA/label_2` for labels. With a state dir: `STATE/cuboid.db` and `STATE/label_2`.
   */
  stateDir?: string;
  /** The layout of the dataset's raw `.bin` files (`--bin-layout`); default: `cuboid.json`, the file name, or detection. */
  binLayout?: BinLayoutName;
  /**
   * Follow symbolic links out of the dataset folder (`--follow-symlinks`). Default false: every
   * read stays inside the folder's real path, and links leading out are skipped with a warning.
   */
  followSymlinks?: boolean;
  /**
   * A PostgreSQL database (`postgres://USER@HOST:PORT/DB`, `--db`) instead of `STATE/cuboid.db`:
   * what replicas of one team share. Label files still go to the labels folder.
   */
  db?: string;
  /** A storage to use instead of opening `cuboid.db` (tests). */
  storage?: Storage;
  /**
   * When a save's label file is written: `in-request` (default: the answer says whether it was)
   * or `after-ack` (`cuboid serve --db`: the save answers at its commit, the label follows; see
   * `AnnotationService.labelWrites`).
   */
  labelWrites?: 'in-request' | 'after-ack';
  /** Where the dataset scan runs its heavy parsing (nuScenes tables): the server's check pool; default this thread. */
  runTask?: DatasetScanOptions['runTask'];
}

/** A served dataset: its index, its storage and the annotation service over both. */
export interface Workspace {
  dataset: Dataset;
  storage: Storage;
  service: AnnotationService;
  stateDir: string;
  labelsDir: string;
  /** Path of the SQLite file, or null for PostgreSQL or an injected storage. */
  dbPath: string | null;
  /** The PostgreSQL URL (without password) with `db`, else null. */
  dbUrl: string | null;
  close(): Promise<void>;
}

/** Thrown when the workspace cannot be opened; the message tells the user what to do. */
export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

/**
 * Scans the dataset, checks that the state and label folders are writable (a read-only dataset
 * needs `--state DIR`), opens the database, removes temporary label files a crash left behind and
 * rewrites any label file left stale by a failed write.
 */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Workspace> {
  const dataset = await Dataset.scan(opts.dataDir, {
    ...(opts.binLayout !== undefined ? { binLayout: opts.binLayout } : {}),
    followSymlinks: opts.followSymlinks === true,
    ...(opts.runTask !== undefined ? { runTask: opts.runTask } : {}),
  });
  const stateDir = path.resolve(opts.stateDir ?? defaultStateDir(dataset.root));
  // A dataset in a bucket gets its label objects in the bucket (PREFIX/label_2); its database stays local (or --db).
  const bucket = dataset.source instanceof S3Source ? dataset.source : null;
  const labels =
    bucket !== null
      ? new BucketLabelStore(bucket)
      : new FolderLabelStore(opts.stateDir !== undefined ? path.join(stateDir, 'label_2') : path.join(dataset.root, 'label_2'));
  const labelsDir = labels.where;
  const explicit = opts.stateDir !== undefined;
  const localDirs = bucket !== null ? [stateDir] : [stateDir, labelsDir];
  // Check both before creating either, so a refusal leaves nothing behind.
  for (const dir of localDirs) await assertNotReadOnly(dir, dataset.root, explicit);
  for (const dir of localDirs) await ensureWritable(dir, dataset.root, explicit);
  if (bucket === null) await removeStaleTempLabels(labelsDir);
  const dbPath = opts.storage === undefined && opts.db === undefined ? path.join(stateDir, 'cuboid.db') : null;
  const storage = opts.storage ?? (opts.db !== undefined ? await PostgresStorage.open(opts.db) : SqliteStorage.open(dbPath as string));
  const service = new AnnotationService({ dataset, storage, labelsDir, labels, ...(opts.labelWrites !== undefined ? { labelWrites: opts.labelWrites } : {}) });
  try {
    await service.syncDirtyLabels();
  } catch (err) {
    await storage.close();
    throw err;
  }
  // A bucket may come back, and a broken calib may be fixed (label_2 is in camera coordinates, so a
  // frame's label waits for its calib): label files a failed write left stale are retried on a timer.
  const stopLabelRetry = startLabelSyncTimer(() => service.syncDirtyLabels());
  return {
    dataset,
    storage,
    service,
    stateDir,
    labelsDir,
    dbPath,
    dbUrl: storage instanceof PostgresStorage ? storage.url : null,
    close: async () => {
      stopLabelRetry();
      // Label writes that follow acknowledged saves finish first (a frame left dirty is repaired on start anyway).
      await service.drainLabelWrites();
      return storage.close();
    },
  };
}

function readOnlyHint(dataRoot: string, explicitState: boolean): string {
  return explicitState
    ? 'choose a writable --state folder'
    : `the dataset folder ${dataRoot} looks read-only; pass --state DIR to keep the database and labels in a writable folder`;
}

/**
 * Refuses a folder whose nearest existing ancestor has no write permission bit at all. The
 * permission bits are checked, not just access(): root may write anywhere, and a folder marked
 * read-only must stay untouched even then.
 */
async function assertNotReadOnly(dir: string, dataRoot: string, explicitState: boolean): Promise<void> {
  for (let p = dir; ; p = path.dirname(p)) {
    const st = await fs.stat(p).catch(() => null);
    if (st !== null) {
      if ((st.mode & 0o222) === 0) {
        throw new WorkspaceError(`cannot write to ${dir} (${p} is read-only): ${readOnlyHint(dataRoot, explicitState)}`);
      }
      return;
    }
    if (path.dirname(p) === p) return;
  }
}

async function ensureWritable(dir: string, dataRoot: string, explicitState: boolean): Promise<void> {
  const probe = path.join(dir, `.cuboid-write-test-${process.pid}`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new WorkspaceError(`cannot write to ${dir} (${code}): ${readOnlyHint(dataRoot, explicitState)}`);
  }
}
