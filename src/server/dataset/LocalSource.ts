import fs from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { confineRead, isInside } from './confineRead.ts';
import { displayPath, fsErrorReason, readingDatasetFile, DatasetFileError } from './fileError.ts';
import type { DatasetSource, FolderList, ListOptions, ListedFile, OpenedFile, SourceSpec } from './DatasetSource.ts';
import { readPrefix } from './readPrefix.ts';

/**
 * A dataset in a local folder. Refs are absolute paths found by a listing, never built from a
 * request. Unless the server follows symlinks (`confinedTo` null), a file whose real path leaves
 * the folder is left out of every listing with a warning, and every read checks again at the
 * moment of reading (`confineRead`), so a file replaced by a link while serving is refused too.
 */
export class LocalSource implements DatasetSource {
  readonly spec: Extract<SourceSpec, { kind: 'local' }>;

  constructor(spec: Extract<SourceSpec, { kind: 'local' }>) {
    this.spec = spec;
  }

  get root(): string {
    return this.spec.root;
  }

  ref(relPath: string): string {
    return path.join(this.spec.root, ...relPath.split('/'));
  }

  display(ref: string): string {
    return displayPath(this.spec.root, ref);
  }

  async isFolder(relDir: string): Promise<boolean> {
    const st = await fs.stat(this.ref(relDir)).catch(() => null);
    return st !== null && st.isDirectory();
  }

  /** The folder's mtime, ctime and inode (`none` when absent): changes when an entry is added, removed or renamed. */
  async folderStamp(relDir: string): Promise<string> {
    const st = await fs.stat(this.ref(relDir)).catch(() => null);
    return st === null ? 'none' : `${st.ino}:${st.mtimeMs}:${st.ctimeMs}`;
  }

  /**
   * Regular files of `relDir` whose names `opts.accept`. Symbolic links are followed only within
   * the confinement. Without `needSize` a plain file is taken from its directory entry (`bytes`
   * -1), so re-listing a large `label_2/` after the server's own writes costs one `readdir`.
   */
  async listFolder(relDir: string, opts: ListOptions): Promise<FolderList> {
    const dir = this.ref(relDir);
    const stamp = await this.folderStamp(relDir);
    const files: ListedFile[] = [];
    const warnings: string[] = [];
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return { stamp, files, warnings };
    }
    const confinedTo = this.spec.confinedTo;
    const realDir = confinedTo === null ? null : await fs.realpath(dir).catch(() => dir);
    const dirInside = realDir === null || isInside(confinedTo as string, realDir);
    const shown = (p: string): string => this.display(p);
    for (const entry of entries) {
      if (!opts.accept(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const link = entry.isSymbolicLink();
      if (!opts.needSize && !link && entry.isFile() && dirInside) {
        // A plain file in a folder inside the dataset: the directory entry says enough (no stat per file).
        files.push({ name: entry.name, ref: full, bytes: -1 });
        continue;
      }
      const st = await fs.stat(full).catch((err: NodeJS.ErrnoException) => err);
      if (st instanceof Error) {
        warnings.push(`skipped ${shown(full)}: ${link && st.code === 'ENOENT' ? 'a symbolic link to nothing' : fsErrorReason(st.code)}`);
        continue;
      }
      if (!st.isFile()) {
        warnings.push(`skipped ${shown(full)}: ${kindOf(st)}, not a regular file`);
        continue;
      }
      if (confinedTo !== null && (link || !dirInside)) {
        const real = await fs.realpath(full).catch(() => null);
        if (real === null || !isInside(confinedTo, real)) {
          warnings.push(`skipped ${shown(full)}: a symbolic link leading outside the dataset folder (serve with --follow-symlinks to allow it)`);
          continue;
        }
      }
      files.push({ name: entry.name, ref: full, bytes: st.size });
    }
    return { stamp, files, warnings };
  }

  async read(ref: string): Promise<Buffer> {
    const real = await confineRead(this.spec, ref);
    return readingDatasetFile(this.spec.root, () => fs.readFile(real)).catch((err: unknown) => {
      // Name the dataset's path, not the link target.
      if (err instanceof DatasetFileError) throw new DatasetFileError(err.code, this.display(ref), err.reason);
      // A folder where a file was expected: Node's EISDIR names no path.
      if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new DatasetFileError('file_unreadable', this.display(ref), fsErrorReason('EISDIR'));
      throw err;
    });
  }

  async readPrefix(ref: string, length: number): Promise<Uint8Array> {
    const real = await confineRead(this.spec, ref);
    return readingDatasetFile(this.spec.root, () => readPrefix(real, length));
  }

  async signature(ref: string): Promise<string> {
    const st = await fs.stat(ref).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error) return `${ref}|error:${st.code ?? '?'}`;
    return `${ref}|${st.size}|${st.mtimeMs}|${st.ctimeMs}|${st.ino}`;
  }

  async size(ref: string): Promise<number> {
    const real = await confineRead(this.spec, ref);
    return (await readingDatasetFile(this.spec.root, () => fs.stat(real))).size;
  }

  /**
   * Opens the file first and takes its size from the open handle, so what is sent matches the
   * size announced even if the file is replaced meanwhile.
   */
  async open(ref: string): Promise<OpenedFile> {
    const real = await confineRead(this.spec, ref);
    const handle = await readingDatasetFile(this.spec.root, () => fs.open(real, 'r')).catch((err: unknown) => {
      if (err instanceof DatasetFileError) throw new DatasetFileError(err.code, this.display(ref), err.reason);
      throw err;
    });
    let st: Stats;
    try {
      st = await handle.stat();
    } catch (err) {
      await handle.close();
      throw err;
    }
    return {
      size: st.size,
      etag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`,
      lastModified: st.mtime,
      stream: (start, end) => (st.size === 0 ? closeThenEmpty(handle) : handle.createReadStream({ start, end, autoClose: true })),
      close: () => handle.close(),
    };
  }
}

function closeThenEmpty(handle: fs.FileHandle): Readable {
  void handle.close();
  return Readable.from([]);
}

/** What a directory entry is, in words, for a warning (`a folder`, `a FIFO`). */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
