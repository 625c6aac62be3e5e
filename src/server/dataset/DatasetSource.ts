import type { Readable } from 'node:stream';

/**
 * Where a dataset's files live, as a plain object: it is copied into check worker threads with
 * each frame, and `sourceFor` there rebuilds the reader. `root` is how the dataset is named to the
 * user (an absolute folder, or `s3://BUCKET/PREFIX`).
 */
export type SourceSpec =
  | {
      kind: 'local';
      root: string;
      /** The real path every read must stay inside; null with `--follow-symlinks`. */
      confinedTo: string | null;
    }
  | { kind: 's3'; root: string; bucket: string; prefix: string };

/** A file a listing found. `ref` is opaque: only the source that listed it reads it. */
export interface ListedFile {
  /** The entry's name in its folder (`000001.bin`). */
  name: string;
  ref: string;
  /** Size in bytes; -1 when the listing did not need it (see `ListOptions.needSize`). */
  bytes: number;
}

/** One folder listing: the files accepted, the stamp it had, and what was left out and why. */
export interface FolderList {
  /** Changes when the folder's entries change (`folderStamp`). */
  stamp: string;
  files: ListedFile[];
  /** Files left out by the source (not a regular file, a link leading out), named relative to the dataset. */
  warnings: string[];
}

export interface ListOptions {
  /** Which entry names the caller wants (by extension and frame id); others are not looked at. */
  accept(name: string): boolean;
  /** Sizes are needed (points); without, a local plain file costs no stat. */
  needSize: boolean;
}

/** A file opened for sending: its size and version, and its bytes from `start` to `end` (inclusive). */
export interface OpenedFile {
  size: number;
  /** A strong validator for `ETag` and `If-Range` (quoted). */
  etag: string;
  lastModified: Date | null;
  /** The bytes `[start, end]`; call once. */
  stream(start: number, end: number): Readable;
  /** Releases the file when it is not streamed (HEAD, 416). */
  close(): Promise<void>;
}

/**
 * The files of a dataset, wherever they are: a local folder (`LocalSource`) or an S3-compatible
 * bucket (`S3Source`). The scan (`Dataset`) lists folders through it and hands out the refs it
 * returns; every reader (routes, checks, export) reads through `sourceFor(frame.source)`. Every
 * failure is a `DatasetFileError` naming the file relative to the dataset (missing, unreadable,
 * leading outside) or, for the store as a whole, a `DatasetUnavailableError` (answered 503).
 *
 * A new source implements this and gets a `SourceSpec` kind and a case in `sourceFor`.
 */
export interface DatasetSource {
  readonly spec: SourceSpec;
  /** The ref of a path relative to the dataset (`velodyne/000001.bin`, forward slashes). */
  ref(relPath: string): string;
  /** The path of a ref relative to the dataset, for messages (forward slashes; the base name when outside). */
  display(ref: string): string;
  /** True when `relDir` holds anything (a folder; for a bucket, any key under `relDir/`). */
  isFolder(relDir: string): Promise<boolean>;
  /** A cheap stamp that changes when `relDir`'s entries may have changed. */
  folderStamp(relDir: string): Promise<string>;
  /** Lists the files directly in `relDir` (none when it is absent). */
  listFolder(relDir: string, opts: ListOptions): Promise<FolderList>;
  /** The whole file. */
  read(ref: string): Promise<Buffer>;
  /** The first `length` bytes (fewer when the file is shorter). */
  readPrefix(ref: string, length: number): Promise<Uint8Array>;
  /**
   * A string that changes whenever the file's content may have (a local stat; a bucket object's
   * ETag as last listed, so a whole frame list costs no request per file).
   */
  signature(ref: string): Promise<string>;
  /** The file's size in bytes now. */
  size(ref: string): Promise<number>;
  /**
   * Opens the file for streaming (the size and version are fixed by the open). `ranged`: the
   * caller will likely stream a part (a `Range` request), so a bucket asks for the size first
   * instead of starting the whole object.
   */
  open(ref: string, opts?: { ranged?: boolean }): Promise<OpenedFile>;
}
