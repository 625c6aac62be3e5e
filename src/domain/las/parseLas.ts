/**
 * Whole-file LAS 1.0–1.4 parsing (point formats 0–10), and LAZ through a LASzip decoder passed in.
 */
import { PointFileError, pointFileBytes } from '../pointcloud/PointFileError.ts';
import type { LasCloud } from './LasCloud.ts';
import type { LasHeader } from './LasHeader.ts';
import type { LazBackend } from './LazBackend.ts';
import { createLasColumns, decodeLasRecords, packLasColour } from './decodeLasRecords.ts';
import { decodeLazPoints } from './decodeLazPoints.ts';
import { readLasHeader } from './readLasHeader.ts';
import { readLazChunkTable } from './readLazChunkTable.ts';

export type { LasCloud } from './LasCloud.ts';

export interface ParseLasOptions {
  /** Shown in error messages. */
  fileName?: string;
  /** The laz-perf module, needed for a compressed (LAZ) file. */
  laz?: LazBackend;
}

/** Coordinates beyond this (metres) keep less than ~1.6 cm in float32 positions. */
const FLOAT32_CM_LIMIT = 131072;

/**
 * Parses a complete LAS or LAZ file. Positions are X × scale + offset (float64 arithmetic,
 * stored float32) in the file's frame, in file order; see `LasCloud` for the attributes.
 * @throws PointFileError (never another type): a malformed header names the field and byte
 *   offset; a body shorter than the declared points names the first incomplete point; a LAZ
 *   file whose chunk table lies names the table field; a LAZ file without `opts.laz` is `bad-input`
 */
export function parseLas(input: ArrayBuffer | Uint8Array, opts: ParseLasOptions = {}): LasCloud {
  const fn = 'parseLas';
  const { fileName } = opts;
  const bytes = pointFileBytes(input, fn, fileName);
  const header = readLasHeader(bytes, fn, fileName);
  const n = header.pointCount;
  const warnings = [...header.warnings];
  if (header.compressed) {
    if (opts.laz === undefined) throw new PointFileError(fn, 'bad-input', 'a compressed (LAZ) file needs the laz-perf decoder, none was given', { fileName });
    const { chunks, warnings: tableWarnings } = readLazChunkTable(bytes, header, fn, fileName);
    warnings.push(...tableWarnings);
    // A compressed point takes at least a few bits: refuse absurd counts before allocating.
    const columns = createLasColumns(header, n, fn, fileName);
    decodeLazPoints(bytes, header, chunks, opts.laz, (records, first, points) => decodeLasRecords(records, 0, points, header, columns, first), fn, fileName);
    return finish(header, columns, n, warnings);
  }
  const need = n * header.recordLength;
  const available = bytes.length - header.pointDataOffset;
  if (available < need) {
    const whole = Math.floor(available / header.recordLength);
    const at = header.pointDataOffset + whole * header.recordLength;
    throw new PointFileError(
      fn,
      'truncated',
      `truncated point data: ${n} points of ${header.recordLength} bytes need ${need} bytes from byte offset ${header.pointDataOffset}, the file has ${available}; point ${whole} is incomplete at byte offset ${at}`,
      { fileName, byteOffset: at, field: 'point data' },
    );
  }
  const columns = createLasColumns(header, n, fn, fileName);
  decodeLasRecords(bytes, header.pointDataOffset, n, header, columns, 0);
  return finish(header, columns, n, warnings);
}

function finish(header: LasHeader, columns: ReturnType<typeof createLasColumns>, n: number, warnings: string[]): LasCloud {
  const attributes = columns.attributes;
  if (columns.colour !== null) {
    const { rgb, note } = packLasColour(columns.colour, n);
    attributes.rgb = rgb;
    if (note !== null) warnings.push(note);
  }
  const far = Math.max(...header.min.map(Math.abs), ...header.max.map(Math.abs));
  if (far > FLOAT32_CM_LIMIT) {
    warnings.push(
      `coordinates reach ${Math.round(far)} m from the origin: float32 positions keep steps of ${((far / 2 ** 23) * 100).toFixed(1)} cm there (the file's offset is not subtracted)`,
    );
  }
  return { count: n, positions: columns.positions, attributes, header, warnings };
}
