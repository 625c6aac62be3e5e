import { PointFileError } from '../pointcloud/PointFileError.ts';
import { PLY_TYPE_BYTES, type PlyElement, type PlyHeader } from './PlyHeader.ts';
import type { PlyTarget } from './PlyTarget.ts';
import { readPlyColumn, readPlyScalar } from './plyColumns.ts';

/**
 * Decodes the vertex records of a binary (little- or big-endian) PLY body, the first at `at`
 * (see `locatePlyVertices`), column by column into `target`. Elements after `vertex` are not read.
 * @throws PointFileError `truncated` for variable-size vertex records that run past the end
 */
export function decodePlyBinary(bytes: Uint8Array, header: PlyHeader, vertexIndex: number, at: number, target: PlyTarget, fn: string, fileName?: string): void {
  const le = header.format === 'binary_little_endian';
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vertex = header.elements[vertexIndex];
  const stride = vertex.recordBytes;
  if (stride === null) {
    decodeVariableVertices(dv, at, vertex, target, le, fn, fileName);
    return;
  }
  let offset = 0;
  for (const slot of target.slots) {
    const p = slot.property;
    if (slot.axis >= 0) readPlyColumn(dv, at + offset, stride, vertex.count, p.type, le, target.positions, slot.axis, 3);
    else if (slot.array !== null) readPlyColumn(dv, at + offset, stride, vertex.count, p.type, le, slot.array as unknown as { [i: number]: number }, 0, 1);
    offset += PLY_TYPE_BYTES[p.type];
  }
}

/**
 * The byte offset of the first vertex record: walks the elements before `vertex`, then checks
 * that fixed-size vertex records all fit in the file (before anything is allocated).
 * @throws PointFileError `truncated` naming the element, the record and the byte offset where the data ends
 */
export function locatePlyVertices(bytes: Uint8Array, header: PlyHeader, vertexIndex: number, fn: string, fileName?: string): number {
  const le = header.format === 'binary_little_endian';
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = header.bodyOffset;
  for (let e = 0; e < vertexIndex; e++) at = skipElement(dv, at, header.elements[e], le, fn, fileName);
  const vertex = header.elements[vertexIndex];
  const stride = vertex.recordBytes;
  if (stride === null) return at;
  const need = vertex.count * stride;
  if (bytes.length - at < need) {
    const whole = Math.floor((bytes.length - at) / stride);
    throw new PointFileError(
      fn,
      'truncated',
      `truncated body: element vertex needs ${need} bytes (${vertex.count} × ${stride}) from byte offset ${at}, the file has ${bytes.length - at}; vertex ${whole} is incomplete at byte offset ${at + whole * stride}`,
      { fileName, byteOffset: at + whole * stride, field: 'element vertex' },
    );
  }
  return at;
}

/** Returns the byte offset just after the element's records. */
function skipElement(dv: DataView, at: number, el: PlyElement, le: boolean, fn: string, fileName?: string): number {
  const end = dv.byteLength;
  if (el.recordBytes !== null) {
    const next = at + el.count * el.recordBytes;
    if (next > end) truncated(fn, fileName, el, Math.floor((end - at) / Math.max(el.recordBytes, 1)), end);
    return next;
  }
  for (let r = 0; r < el.count; r++) {
    for (const p of el.properties) {
      if (p.countType === null) {
        at += PLY_TYPE_BYTES[p.type];
        continue;
      }
      const cb = PLY_TYPE_BYTES[p.countType];
      if (at + cb > end) truncated(fn, fileName, el, r, end);
      const n = readPlyScalar(dv, at, p.countType, le);
      if (n < 0) {
        throw new PointFileError(fn, 'bad-header', `element ${el.name} record ${r}: list ${p.name} has a negative length ${n} at byte offset ${at}`, {
          fileName,
          byteOffset: at,
          field: p.name,
        });
      }
      at += cb + n * PLY_TYPE_BYTES[p.type];
    }
    if (at > end) truncated(fn, fileName, el, r, end);
  }
  return at;
}

function truncated(fn: string, fileName: string | undefined, el: PlyElement, record: number, end: number): never {
  throw new PointFileError(
    fn,
    'truncated',
    `truncated body: element ${el.name} (${el.count} records) ends at record ${record}, byte offset ${end} (the end of the file)`,
    {
      fileName,
      byteOffset: end,
      field: `element ${el.name}`,
    },
  );
}

/** Vertices whose records hold a list: read one by one (lists skipped). */
function decodeVariableVertices(dv: DataView, at: number, vertex: PlyElement, target: PlyTarget, le: boolean, fn: string, fileName?: string): void {
  const end = dv.byteLength;
  for (let i = 0; i < vertex.count; i++) {
    for (const slot of target.slots) {
      const p = slot.property;
      if (p.countType !== null) {
        const cb = PLY_TYPE_BYTES[p.countType];
        if (at + cb > end) truncated(fn, fileName, vertex, i, end);
        const n = readPlyScalar(dv, at, p.countType, le);
        at += cb + Math.max(n, 0) * PLY_TYPE_BYTES[p.type];
        continue;
      }
      const size = PLY_TYPE_BYTES[p.type];
      if (at + size > end) truncated(fn, fileName, vertex, i, end);
      const v = readPlyScalar(dv, at, p.type, le);
      if (slot.axis >= 0) target.positions[i * 3 + slot.axis] = v;
      else if (slot.array !== null) (slot.array as unknown as { [i: number]: number })[i] = v;
      at += size;
    }
  }
}
