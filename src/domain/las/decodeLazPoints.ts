import { PointFileError } from '../pointcloud/PointFileError.ts';
import type { LazBackend } from './LazBackend.ts';
import type { LasHeader } from './LasHeader.ts';
import type { LazChunk } from './readLazChunkTable.ts';

/** Zero bytes after a chunk in the WASM heap, so a decoder reading ahead never reads foreign memory. */
const PAD = 64;

/**
 * Decompresses the chunks of a LAZ file with laz-perf's `ChunkDecoder` into raw LAS point
 * records (`header.recordLength` bytes each, file order), one chunk in WASM memory at a time.
 * `onChunk` receives each decoded chunk (records and the index of its first point).
 * @throws PointFileError `bad-laz` naming the chunk, its points and bytes when the decoder fails
 */
export function decodeLazPoints(
  bytes: Uint8Array,
  header: LasHeader,
  chunks: LazChunk[],
  backend: LazBackend,
  onChunk: (records: Uint8Array, firstPoint: number, points: number) => void,
  fn: string,
  fileName?: string,
): void {
  const rl = header.recordLength;
  let first = 0;
  let most = 0;
  for (const c of chunks) most = Math.max(most, c.end - c.start);
  const inPtr = backend._malloc(most + PAD);
  const outPtr = backend._malloc(rl);
  try {
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k];
      const length = c.end - c.start;
      let heap = backend.HEAPU8;
      heap.set(bytes.subarray(c.start, c.end), inPtr);
      heap.fill(0, inPtr + length, inPtr + length + PAD);
      const records = new Uint8Array(c.points * rl);
      const decoder = new backend.ChunkDecoder();
      try {
        decoder.open(header.pointFormat, rl, inPtr);
        for (let i = 0; i < c.points; i++) {
          decoder.getPoint(outPtr);
          heap = backend.HEAPU8;
          records.set(heap.subarray(outPtr, outPtr + rl), i * rl);
        }
      } catch (e) {
        throw new PointFileError(
          fn,
          'bad-laz',
          `chunk ${k} of ${chunks.length} (points ${first}–${first + c.points - 1}, bytes ${c.start}–${c.end}) could not be decompressed: ${e instanceof Error ? e.message : String(e)}`,
          { fileName, byteOffset: c.start, field: `chunk ${k}` },
        );
      } finally {
        decoder.delete();
      }
      onChunk(records, first, c.points);
      first += c.points;
    }
  } finally {
    backend._free(inPtr);
    backend._free(outPtr);
  }
}
