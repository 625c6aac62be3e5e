import { parseLas, type LasCloud } from '../../domain/las/parseLas.ts';
import { parsePly, type PlyCloud } from '../../domain/ply/parsePly.ts';
import { PointFileError } from '../../domain/pointcloud/PointFileError.ts';
import { loadLazBackend } from './loadLazBackend.ts';

/**
 * Parses a PLY, LAS or LAZ point file (on the thread that calls it: the server's check workers,
 * the export, the CLI). A LAS whose header has a compression bit (any `.laz`) is decoded with
 * laz-perf; after a LAZ decode failure the WASM module is loaded afresh for the next file.
 * @throws PointFileError naming the file and the field, line or byte offset
 */
export async function parseOtherPointFile(bytes: Uint8Array, format: 'ply' | 'las' | 'laz', fileName: string): Promise<PlyCloud | LasCloud> {
  if (format === 'ply') return parsePly(bytes, { fileName });
  const compressed = bytes.length > 104 && (bytes[104] & 0xc0) !== 0;
  const laz = compressed ? await loadLazBackend() : undefined;
  try {
    return parseLas(bytes, { fileName, laz });
  } catch (e) {
    if (e instanceof PointFileError && e.code === 'bad-laz') void loadLazBackend(true);
    throw e;
  }
}
