import { PointFileError } from '../pointcloud/PointFileError.ts';
import type { LasHeader, LaszipInfo } from './LasHeader.ts';
import { ArithmeticDecoder, IntegerDecompressor, LazStreamEnd } from './lazArithmetic.ts';

/** One compressed chunk: its bytes `[start, end)` in the file and the points it holds. */
export interface LazChunk {
  start: number;
  end: number;
  points: number;
}

const VARIABLE = 0xffffffff;

/**
 * The chunks of a LAZ file's point data. Chunked LASzip (compressor 2 and 3) writes, at the
 * start of the point data, the 64-bit offset of a chunk table (or -1, and the offset in the
 * file's last 8 bytes); the table is `version` (0), `number of chunks`, then each chunk's point
 * count (variable chunks only) and byte size, arithmetic-coded. Pointwise LAZ (compressor 1) is
 * one chunk of every point.
 * Everything the table says is checked against the file: the table inside it, the number of
 * chunks against the points and the chunk size, the chunk bytes adding up to where the table starts.
 * @throws PointFileError `bad-laz` naming the field and the byte offset of the first lie
 */
export function readLazChunkTable(bytes: Uint8Array, header: LasHeader, fn: string, fileName?: string): { chunks: LazChunk[]; warnings: string[] } {
  const laz = header.laszip as LaszipInfo;
  const n = header.pointCount;
  const dataStart = header.pointDataOffset;
  const fail = (field: string, byteOffset: number, what: string): never => {
    throw new PointFileError(fn, 'bad-laz', `${field} (byte offset ${byteOffset}): ${what}`, { fileName, byteOffset, field });
  };
  if (laz.compressor === 1) return { chunks: n === 0 ? [] : [{ start: dataStart, end: bytes.length, points: n }], warnings: [] };
  if (laz.compressor !== 2 && laz.compressor !== 3)
    fail(
      'laszip compressor',
      header.vlrs.find((v) => v.recordId === 22204)?.dataOffset ?? 0,
      `compressor ${laz.compressor} is not pointwise (1), chunked (2) or layered (3)`,
    );
  if (n === 0) return { chunks: [], warnings: [] };
  if (laz.chunkSize === 0) fail('laszip chunk size', 0, 'chunk size 0');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dataStart + 8 > bytes.length) fail('chunk table offset', dataStart, 'the file ends before the 8-byte chunk table offset');
  let tableAt = Number(dv.getBigInt64(dataStart, true));
  let tableField = dataStart;
  if (tableAt === -1) {
    // The writer could not seek back: the offset is in the last 8 bytes.
    tableField = bytes.length - 8;
    tableAt = Number(dv.getBigInt64(tableField, true));
  }
  if (!(tableAt >= dataStart + 8 && tableAt + 8 <= bytes.length)) {
    fail('chunk table offset', tableField, `${tableAt} is outside the point data (bytes ${dataStart + 8} to ${bytes.length - 8}); the file may be truncated`);
  }
  const version = dv.getUint32(tableAt, true);
  if (version !== 0) fail('chunk table version', tableAt, `${version}, expected 0`);
  const count = dv.getUint32(tableAt + 4, true);
  const variable = laz.chunkSize === VARIABLE;
  const expected = variable ? null : Math.ceil(n / laz.chunkSize);
  if (expected !== null && count !== expected) {
    fail('chunk table number of chunks', tableAt + 4, `${count} chunks, but ${n} points in chunks of ${laz.chunkSize} make ${expected}`);
  }
  if (variable && (count === 0 || count > n)) fail('chunk table number of chunks', tableAt + 4, `${count} variable chunks for ${n} points`);
  const sizes = new Array<number>(count);
  const counts = new Array<number>(count);
  try {
    const dec = new ArithmeticDecoder(bytes, tableAt + 8, bytes.length);
    const ic = new IntegerDecompressor(dec, 2);
    for (let i = 0; i < count; i++) {
      if (variable) counts[i] = ic.decompress(i > 0 ? counts[i - 1] : 0, 0);
      sizes[i] = ic.decompress(i > 0 ? sizes[i - 1] : 0, 1);
    }
  } catch (e) {
    if (e instanceof LazStreamEnd) fail('chunk table', tableAt + 8, `the coded chunk sizes run past the end of the file (${e.message})`);
    throw e;
  }
  const chunks: LazChunk[] = [];
  let start = dataStart + 8;
  let left = n;
  for (let i = 0; i < count; i++) {
    const points = variable ? counts[i] : Math.min(laz.chunkSize, left);
    if (points <= 0 || points > left) fail('chunk table', tableAt + 8, `chunk ${i} holds ${points} points, ${left} of ${n} are left`);
    if (sizes[i] <= 0) fail('chunk table', tableAt + 8, `chunk ${i} (from byte offset ${start}) has size ${sizes[i]} bytes`);
    const end = start + sizes[i];
    if (end > tableAt) fail('chunk table', tableAt + 8, `chunk ${i} of ${count} would end at byte offset ${end}, past the chunk table at ${tableAt}`);
    chunks.push({ start, end, points });
    start = end;
    left -= points;
  }
  if (left !== 0) fail('chunk table', tableAt + 8, `the chunks hold ${n - left} points, the header says ${n}`);
  const warnings = start < tableAt ? [`${tableAt - start} bytes between the last chunk (ends at byte offset ${start}) and the chunk table at ${tableAt}`] : [];
  return { chunks, warnings };
}
