import fs from 'node:fs/promises';
import path from 'node:path';
import type { DatasetFrame } from './Dataset.ts';
import { DatasetFileError, displayPath, readingDatasetFile } from './fileError.ts';

/** True when `p` is `root` or inside it (both absolute, already resolved). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The reason given for a file whose real path leaves the dataset folder. */
export const OUTSIDE_REASON = 'a symbolic link leading outside the dataset folder (serve with --follow-symlinks to allow it)';

/**
 * The path to open for one of a frame's files, checked at the moment of reading: its real path
 * (symlinks resolved) must lie inside the dataset folder unless the server follows symlinks
 * (`frame.confinedTo` null). The scan already left such files out; this catches a file replaced
 * by a link while serving.
 * @throws DatasetFileError naming the file (relative to the dataset) when it is missing,
 *   unreadable or leads outside
 */
export async function confineRead(frame: Pick<DatasetFrame, 'root' | 'confinedTo'>, file: string): Promise<string> {
  if (frame.confinedTo === null) return file;
  const real = await readingDatasetFile(frame.root, () => fs.realpath(file));
  if (!isInside(frame.confinedTo, real)) throw new DatasetFileError('file_outside_dataset', displayPath(frame.root, file), OUTSIDE_REASON);
  return real;
}
