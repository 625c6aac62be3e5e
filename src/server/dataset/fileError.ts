import path from 'node:path';

/** The error names a dataset file that cannot be read is reported with. */
export type DatasetFileErrorCode = 'file_missing' | 'file_unreadable' | 'file_outside_dataset';

/**
 * A dataset file the server listed but cannot read now: deleted, unreadable, a folder, a
 * symlink leading out of the dataset. Answered 422 `{error, detail, file, reason}` with `file`
 * relative to the dataset folder (never a server path outside it).
 */
export class DatasetFileError extends Error {
  readonly code: DatasetFileErrorCode;
  /** The file, relative to the dataset folder (forward slashes), or its base name when outside. */
  readonly file: string;
  /** What is wrong, in words: `missing`, `not readable (permission denied)`, ... */
  readonly reason: string;

  constructor(code: DatasetFileErrorCode, file: string, reason: string, detail?: string) {
    super(detail ?? `${file}: ${reason}`);
    this.name = 'DatasetFileError';
    this.code = code;
    this.file = file;
    this.reason = reason;
  }
}

/** The words for an errno code of a failed read (`ENOENT` → `missing`). */
export function fsErrorReason(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'missing (deleted or moved since the dataset was scanned)';
    case 'ENOTDIR':
      return 'missing (a folder on its path is not a folder)';
    case 'EACCES':
    case 'EPERM':
      return 'not readable (permission denied)';
    case 'EISDIR':
      return 'a folder, not a file';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EIO':
      return 'not readable (input/output error: a failing disk or network share)';
    case 'EMFILE':
    case 'ENFILE':
      return 'not readable now (the server has too many files open; try again)';
    default:
      return `not readable (${code ?? 'unknown error'})`;
  }
}

/** How `file` is shown to clients: relative to `root` with forward slashes, or only its name when outside. */
export function displayPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return path.basename(file);
  return rel.split(path.sep).join('/');
}

/** Node's errno message shape, `ENOENT: no such file or directory, open '/x/y'` (kept when an error crosses a worker). */
const ERRNO_MESSAGE = /^(E[A-Z]+): [^,]*, \w+ '(.*)'/;

/**
 * The `DatasetFileError` of a failed file system call (an errno error with a path, or its message
 * after crossing a thread), naming the file relative to `root`. Null for anything else.
 */
export function toDatasetFileError(err: unknown, root: string): DatasetFileError | null {
  if (err instanceof DatasetFileError) return err;
  if (!(err instanceof Error)) return null;
  const e = err as NodeJS.ErrnoException;
  let code = e.code;
  let file = e.path;
  if (code === undefined || file === undefined) {
    const m = ERRNO_MESSAGE.exec(e.message);
    if (m === null) return null;
    code = m[1];
    file = m[2];
  }
  const shown = displayPath(root, file);
  const missing = code === 'ENOENT' || code === 'ENOTDIR';
  return new DatasetFileError(missing ? 'file_missing' : 'file_unreadable', shown, fsErrorReason(code));
}

/** Runs a read of a dataset file, turning a file system failure into a `DatasetFileError` naming it. */
export async function readingDatasetFile<T>(root: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw toDatasetFileError(err, root) ?? err;
  }
}
