/**
 * What the LAZ reader needs of a LASzip decoder: the shape of the `laz-perf` WASM module (its
 * heap, allocator and `ChunkDecoder`). The domain never loads it; the server, the CLI and the
 * point-cloud worker each load the build for their platform and pass it in.
 */
export interface LazChunkDecoder {
  open(pointFormat: number, recordLength: number, pointer: number): void;
  getPoint(pointer: number): void;
  delete(): void;
}

export interface LazBackend {
  /** The WASM memory; re-read after every allocation (it is replaced when memory grows). */
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  ChunkDecoder: new () => LazChunkDecoder;
}
