/**
 * Whole-file PLY parsing (ascii, binary little- and big-endian) into a point cloud: the `vertex`
 * element's x y z as positions and its other properties as attributes.
 */
import type { AttributeArray } from '../types.ts';
import { PointFileError, pointFileBytes } from '../pointcloud/PointFileError.ts';
import type { PlyCloud } from './PlyCloud.ts';
import type { PlyHeader } from './PlyHeader.ts';
import { createPlyTarget } from './PlyTarget.ts';
import { decodePlyAscii } from './plyAsciiBody.ts';
import { decodePlyBinary, locatePlyVertices } from './plyBinaryBody.ts';
import { readPlyHeader } from './readPlyHeader.ts';

export type { PlyCloud } from './PlyCloud.ts';

export interface ParsePlyOptions {
  /** Shown in error messages. */
  fileName?: string;
}

/**
 * Parses a complete PLY file. Positions are the vertex x y z as float32 in the file's frame
 * (metres for LiDAR scans), in file order, NaN points kept in place; other scalar vertex
 * properties are attributes in their own types; `red`/`green`/`blue` are also packed into `rgb`.
 * Elements before `vertex` are skipped (list records walked), elements after it are not read.
 * @throws PointFileError (never another type) for a malformed header, an unknown property type,
 *   a truncated body or a token that is not a number, naming the file, line, field and byte offset
 */
export function parsePly(input: ArrayBuffer | Uint8Array, opts: ParsePlyOptions = {}): PlyCloud {
  const fn = 'parsePly';
  const { fileName } = opts;
  const bytes = pointFileBytes(input, fn, fileName);
  const header = readPlyHeader(bytes, fn, fileName) as PlyHeader;
  const vertexIndex = header.elements.findIndex((e) => e.name === 'vertex');
  if (vertexIndex < 0) {
    throw new PointFileError(fn, 'bad-header', `no "element vertex" in the header (elements: ${header.elements.map((e) => e.name).join(', ') || 'none'})`, {
      fileName,
      field: 'element vertex',
    });
  }
  const vertex = header.elements[vertexIndex];
  const warnings = [...header.warnings];
  const missing = ['x', 'y', 'z'].filter((a) => !vertex.properties.some((p) => p.name === a && p.countType === null));
  if (missing.length > 0) warnings.push(`vertex has no ${missing.join(', ')} property: ${missing.length === 1 ? 'that axis reads' : 'those axes read'} 0`);
  // A body that cannot hold the declared vertices is refused before anything is allocated.
  const binaryAt = header.format === 'ascii' ? -1 : locatePlyVertices(bytes, header, vertexIndex, fn, fileName);
  const minBytes = header.format === 'ascii' ? vertex.count * vertex.properties.length * 2 - 1 : vertex.count * vertex.properties.length;
  if (vertex.count > 0 && bytes.length - header.bodyOffset < minBytes) {
    throw new PointFileError(
      fn,
      'truncated',
      `truncated body: ${bytes.length - header.bodyOffset} bytes from byte offset ${header.bodyOffset} cannot hold ${vertex.count} vertices of ${vertex.recordBytes ?? vertex.properties.length} bytes`,
      { fileName, byteOffset: bytes.length, field: 'element vertex' },
    );
  }
  const target = createPlyTarget(vertex, fn, fileName);
  if (header.format === 'ascii') decodePlyAscii(bytes, header, headerLineCount(bytes, header.bodyOffset), vertexIndex, target, fn, fileName);
  else decodePlyBinary(bytes, header, vertexIndex, binaryAt, target, fn, fileName);
  const rgb = packRgb(target.attributes, target.count);
  if (rgb !== null && target.attributes.rgb === undefined) target.attributes.rgb = rgb;
  return { count: target.count, positions: target.positions, attributes: target.attributes, header, nanCount: countNanPoints(target.positions), warnings };
}

function headerLineCount(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) n++;
  return n;
}

/**
 * `red`, `green`, `blue` (or `r`, `g`, `b`; `diffuse_red` …) packed as 0xRRGGBB, or null.
 * uchar values are taken as they are, ushort ones as 16-bit (high byte), floats as 0..1.
 */
function packRgb(attributes: Record<string, AttributeArray>, count: number): Uint32Array | null {
  for (const [r, g, b] of [
    ['red', 'green', 'blue'],
    ['r', 'g', 'b'],
    ['diffuse_red', 'diffuse_green', 'diffuse_blue'],
  ]) {
    const cr = attributes[r];
    const cg = attributes[g];
    const cb = attributes[b];
    if (cr === undefined || cg === undefined || cb === undefined) continue;
    if (cr instanceof BigInt64Array || cr instanceof BigUint64Array) return null;
    const to8 = (a: AttributeArray): ((i: number) => number) => {
      if (a instanceof Float32Array || a instanceof Float64Array) return (i) => Math.max(0, Math.min(255, Math.round((a[i] as number) * 255)));
      if (a instanceof Uint16Array || a instanceof Int16Array) return (i) => ((a[i] as number) >>> 8) & 255;
      return (i) => (a[i] as number) & 255;
    };
    const fr = to8(cr);
    const fg = to8(cg);
    const fb = to8(cb);
    const out = new Uint32Array(count);
    for (let i = 0; i < count; i++) out[i] = ((fr(i) << 16) | (fg(i) << 8) | fb(i)) >>> 0;
    return out;
  }
  return null;
}

/** Points whose x, y or z is not finite. */
export function countNanPoints(positions: Float32Array): number {
  let n = 0;
  for (let i = 0; i < positions.length; i += 3) {
    const x = positions[i];
    const y = positions[i + 1];
    const z = positions[i + 2];
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) n++;
  }
  return n;
}
