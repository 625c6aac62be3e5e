import { parseLas } from '../src/domain/las/parseLas.ts';
import { parsePly } from '../src/domain/ply/parsePly.ts';
import { PointFileError } from '../src/domain/pointcloud/PointFileError.ts';
import type { AttributeArray, PointCloud } from '../src/domain/types.ts';
import { loadLazBackend } from './lazBackend.ts';

/** The formats read whole in the worker (their bodies are not decoded while they stream in). */
export type WholeFileKind = 'ply' | 'las' | 'laz';

/**
 * Parses a complete PLY, LAS or LAZ file in the worker. A LAS header with a compression bit (any
 * `.laz`) is decoded with laz-perf's WASM build, loaded on first use.
 * @throws PointFileError naming the file and the field, line or byte offset
 */
export async function parseWholeFile(bytes: Uint8Array, kind: WholeFileKind, fileName: string): Promise<PointCloud & { warnings: string[] }> {
  if (kind === 'ply') return parsePly(bytes, { fileName });
  const compressed = bytes.length > 104 && (bytes[104] & 0xc0) !== 0;
  try {
    return parseLas(bytes, { fileName, laz: compressed ? await loadLazBackend() : undefined });
  } catch (e) {
    if (e instanceof PointFileError && e.code === 'bad-laz') void loadLazBackend(true).catch(() => undefined);
    throw e;
  }
}

/** A batch of a parsed cloud, as the streaming parsers return them. */
export interface CloudBatch {
  start: number;
  count: number;
  positions: Float32Array;
  attributes: Record<string, AttributeArray>;
}

/**
 * The streaming-parser shape over a whole-file reader: `push` collects the bytes (into one buffer
 * sized from Content-Length), `end` parses them, `pending` then hands out the points in batches
 * (copies, safe to transfer).
 */
export class WholeFileParser {
  private buffer: Uint8Array;
  private length = 0;
  private cloud: (PointCloud & { warnings: string[] }) | null = null;
  private emitted = 0;

  constructor(
    private readonly kind: WholeFileKind,
    private readonly fileName: string,
    expectedBytes: number,
    private readonly batchPoints = 65536,
  ) {
    this.buffer = new Uint8Array(Math.max(expectedBytes, 1024));
  }

  push(chunk: Uint8Array): CloudBatch[] {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.length + chunk.length, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
    return [];
  }

  async end(): Promise<PointCloud> {
    this.cloud ??= await parseWholeFile(this.buffer.subarray(0, this.length), this.kind, this.fileName);
    return this.cloud;
  }

  /** Notes the reader made about the file (8-bit colours, far coordinates, skipped lists), joined; null when none. */
  get notice(): string | null {
    return this.cloud !== null && this.cloud.warnings.length > 0 ? this.cloud.warnings.join('; ') : null;
  }

  pending(): CloudBatch[] {
    const cloud = this.cloud;
    const out: CloudBatch[] = [];
    if (cloud === null) return out;
    while (this.emitted < cloud.count) {
      const start = this.emitted;
      const count = Math.min(this.batchPoints, cloud.count - start);
      const attributes: Record<string, AttributeArray> = {};
      for (const [name, a] of Object.entries(cloud.attributes)) {
        const k = a.length / cloud.count;
        attributes[name] = a.slice(start * k, (start + count) * k);
      }
      out.push({ start, count, positions: cloud.positions.slice(start * 3, (start + count) * 3), attributes });
      this.emitted += count;
    }
    return out;
  }
}
