import { isNanToken, parseAsciiNumber, tokenText } from '../pcd/parseAsciiNumber.ts';
import { PointFileError } from '../pointcloud/PointFileError.ts';
import type { PlyHeader } from './PlyHeader.ts';
import type { PlyTarget } from './PlyTarget.ts';

/**
 * Decodes an ascii PLY body: whitespace-separated numbers, read as one token stream (a record
 * usually fills one line, but line breaks are not required to match records, as in rply). The
 * elements before `vertex` are read and dropped; elements after it are not read.
 * @throws PointFileError `bad-ascii` naming the line, the element, the property and the token;
 *   `truncated` when the tokens end before the last vertex
 */
export function decodePlyAscii(
  bytes: Uint8Array,
  header: PlyHeader,
  headerLines: number,
  vertexIndex: number,
  target: PlyTarget,
  fn: string,
  fileName?: string,
): void {
  const end = bytes.length;
  let p = header.bodyOffset;
  let line = headerLines + 1;
  let start = 0;
  /** Moves to the next token: sets `start` and returns its end, or -1 at the end of the file. */
  const next = (): number => {
    while (p < end) {
      const c = bytes[p];
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
      p++;
    }
    if (p >= end) return -1;
    start = p;
    while (p < end) {
      const c = bytes[p];
      if (c === 32 || c === 10 || c === 9 || c === 13) break;
      p++;
    }
    return p;
  };
  const value = (element: string, record: number, property: string): number => {
    const stop = next();
    if (stop < 0) {
      throw new PointFileError(fn, 'truncated', `truncated ascii body: element ${element} ends at record ${record} (property ${property}), line ${line}`, {
        fileName,
        line,
        byteOffset: end,
        field: property,
      });
    }
    const v = parseAsciiNumber(bytes, start, stop);
    if (v !== v && !isNanToken(bytes, start, stop)) {
      throw new PointFileError(
        fn,
        'bad-ascii',
        `line ${line}: element ${element} record ${record}, property ${property}: "${tokenText(bytes, start, stop).slice(0, 40)}" is not a number`,
        {
          fileName,
          line,
          byteOffset: start,
          field: property,
        },
      );
    }
    return v;
  };
  for (let e = 0; e < vertexIndex; e++) {
    const el = header.elements[e];
    for (let r = 0; r < el.count; r++) {
      for (const prop of el.properties) {
        const n = value(el.name, r, prop.name);
        if (prop.countType === null) continue;
        for (let k = 0; k < n; k++) value(el.name, r, prop.name);
      }
    }
  }
  const count = target.count;
  const slots = target.slots;
  const pos = target.positions;
  for (let i = 0; i < count; i++) {
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s];
      const v = value('vertex', i, slot.property.name);
      if (slot.axis >= 0) pos[i * 3 + slot.axis] = v;
      else if (slot.array !== null) (slot.array as unknown as { [i: number]: number })[i] = v;
      else for (let k = 0; k < v; k++) value('vertex', i, slot.property.name);
    }
  }
}
