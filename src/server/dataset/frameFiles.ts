import type { Readable } from 'node:stream';
import type { DatasetFrame } from './Dataset.ts';
import { sourceFor } from './sources.ts';

/** What the readers below need of a frame: its source. */
export type FrameOf = Pick<DatasetFrame, 'source'>;

/**
 * Reads one of a frame's files whole through its source (a local folder: confined as
 * `confineRead`; a bucket: one GET). @throws DatasetFileError naming the file relative to the
 * dataset; DatasetUnavailableError when the bucket cannot be read
 */
export function readFrameFile(frame: FrameOf, ref: string): Promise<Buffer> {
  return sourceFor(frame.source).read(ref);
}

/** The first `length` bytes of one of a frame's files (fewer when it is shorter). */
export function readFramePrefix(frame: FrameOf, ref: string, length: number): Promise<Uint8Array> {
  return sourceFor(frame.source).readPrefix(ref, length);
}

/** A string that changes when the file may have changed (for caches keyed by version). */
export function frameFileSignature(frame: FrameOf, ref: string): Promise<string> {
  return sourceFor(frame.source).signature(ref);
}

/** The file's size in bytes now. */
export function frameFileSize(frame: FrameOf, ref: string): Promise<number> {
  return sourceFor(frame.source).size(ref);
}

/** The file's name relative to the dataset, for messages. */
export function frameFileName(frame: FrameOf, ref: string): string {
  return sourceFor(frame.source).display(ref);
}

/**
 * The whole file as a stream, opened (and, in a local folder, confined) now.
 * @throws DatasetFileError / DatasetUnavailableError as `readFrameFile`
 */
export async function openFrameStream(frame: FrameOf, ref: string): Promise<Readable> {
  const opened = await sourceFor(frame.source).open(ref);
  return opened.stream(0, Math.max(0, opened.size - 1));
}
