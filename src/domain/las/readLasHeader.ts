import { PointFileError } from '../pointcloud/PointFileError.ts';
import { LAS_FORMAT_BYTES, type LasExtraField, type LasHeader, type LaszipInfo, type LasVlr } from './LasHeader.ts';

/** Bytes of the smallest public header block (LAS 1.0–1.2). */
export const LAS_MIN_HEADER_BYTES = 227;

function text(bytes: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = at; i < at + length && bytes[i] !== 0; i++) s += String.fromCharCode(bytes[i]);
  return s.trim();
}

/**
 * Reads the public header block and the VLRs of a LAS or LAZ file (ASPRS LAS 1.0–1.4). Byte
 * offsets of the fields are those of the specification (point data format at 104, record
 * length at 105, legacy count at 107, scales at 131, offsets at 155, 64-bit count at 247).
 * @throws PointFileError naming the field and its byte offset when the header is malformed or
 *   the file is shorter than the header says
 */
export function readLasHeader(bytes: Uint8Array, fn: string, fileName?: string): LasHeader {
  const fail = (code: 'bad-signature' | 'bad-header' | 'unknown-type' | 'truncated', field: string, byteOffset: number, what: string): never => {
    throw new PointFileError(fn, code, `${field} (byte offset ${byteOffset}): ${what}`, { fileName, byteOffset, field });
  };
  if (bytes.length < 4 || text(bytes, 0, 4) !== 'LASF') {
    throw new PointFileError(fn, 'bad-signature', 'not a LAS file: it does not start with "LASF"', { fileName, byteOffset: 0, field: 'file signature' });
  }
  if (bytes.length < LAS_MIN_HEADER_BYTES)
    fail('truncated', 'public header block', bytes.length, `the file has ${bytes.length} bytes, a LAS header needs at least ${LAS_MIN_HEADER_BYTES}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const warnings: string[] = [];
  const major = bytes[24];
  const minor = bytes[25];
  if (major !== 1 || minor > 4) fail('bad-header', 'version', 24, `LAS ${major}.${minor} is not LAS 1.0–1.4`);
  if (minor < 2) warnings.push(`LAS 1.${minor}: read as LAS 1.2`);
  const headerSize = dv.getUint16(94, true);
  const needHeader = minor >= 4 ? 375 : minor === 3 ? 235 : LAS_MIN_HEADER_BYTES;
  if (headerSize < needHeader) fail('bad-header', 'header size', 94, `${headerSize} bytes, LAS 1.${minor} needs at least ${needHeader}`);
  if (bytes.length < headerSize) fail('truncated', 'header size', 94, `the header is ${headerSize} bytes but the file has ${bytes.length}`);
  const pointDataOffset = dv.getUint32(96, true);
  if (pointDataOffset < headerSize) fail('bad-header', 'offset to point data', 96, `${pointDataOffset} is inside the ${headerSize}-byte header`);
  if (pointDataOffset > bytes.length) fail('truncated', 'offset to point data', 96, `${pointDataOffset} is past the end of the file (${bytes.length} bytes)`);
  const vlrCount = dv.getUint32(100, true);
  const formatByte = bytes[104];
  const pointFormat = formatByte & 0x3f;
  const compressed = (formatByte & 0xc0) !== 0;
  if (pointFormat > 10) fail('unknown-type', 'point data format', 104, `format ${pointFormat} is not one of LAS's 0–10`);
  const recordLength = dv.getUint16(105, true);
  if (recordLength < LAS_FORMAT_BYTES[pointFormat]) {
    fail('bad-header', 'point data record length', 105, `${recordLength} bytes, point format ${pointFormat} needs at least ${LAS_FORMAT_BYTES[pointFormat]}`);
  }
  const legacyCount = dv.getUint32(107, true);
  let pointCount = legacyCount;
  if (minor >= 4) {
    const big = dv.getBigUint64(247, true);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) fail('bad-header', 'number of point records', 247, `${big} points`);
    if (big > 0n) pointCount = Number(big);
    if (legacyCount !== 0 && big > 0n && Number(big) !== legacyCount)
      warnings.push(`the legacy point count ${legacyCount} (byte 107) disagrees with the 64-bit count ${big} (byte 247): the 64-bit count is used`);
  }
  const f64 = (at: number): number => dv.getFloat64(at, true);
  const scale: [number, number, number] = [f64(131), f64(139), f64(147)];
  const offset: [number, number, number] = [f64(155), f64(163), f64(171)];
  ['x', 'y', 'z'].forEach((axis, k) => {
    if (!Number.isFinite(scale[k]) || scale[k] === 0) fail('bad-header', `${axis} scale factor`, 131 + 8 * k, `${scale[k]} is not a finite non-zero number`);
    if (!Number.isFinite(offset[k])) fail('bad-header', `${axis} offset`, 155 + 8 * k, `${offset[k]} is not finite`);
  });
  const vlrs = readVlrs(bytes, dv, headerSize, vlrCount, pointDataOffset, fail, warnings);
  const laszip = readLaszip(bytes, dv, vlrs, compressed, fail);
  const extraFields = readExtraBytes(bytes, dv, vlrs, pointFormat, recordLength, warnings);
  return {
    version: `${major}.${minor}`,
    versionMinor: minor,
    systemId: text(bytes, 26, 32),
    software: text(bytes, 58, 32),
    headerSize,
    pointDataOffset,
    pointFormat,
    compressed,
    recordLength,
    pointCount,
    scale,
    offset,
    max: [f64(179), f64(195), f64(211)],
    min: [f64(187), f64(203), f64(219)],
    vlrs,
    laszip,
    extraFields,
    warnings,
  };
}

type Fail = (code: 'bad-header' | 'truncated' | 'unknown-type', field: string, byteOffset: number, what: string) => never;

function readVlrs(bytes: Uint8Array, dv: DataView, start: number, count: number, end: number, fail: Fail, warnings: string[]): LasVlr[] {
  const vlrs: LasVlr[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 54 > end) {
      // Some writers count VLRs they never wrote: keep what is there, say so.
      warnings.push(`the header declares ${count} VLRs but only ${i} fit before the point data (byte offset ${end})`);
      break;
    }
    const dataLength = dv.getUint16(at + 20, true);
    if (at + 54 + dataLength > end)
      fail('bad-header', `VLR ${i} record length`, at + 20, `${dataLength} bytes run past the start of the point data at byte offset ${end}`);
    vlrs.push({
      userId: text(bytes, at + 2, 16),
      recordId: dv.getUint16(at + 18, true),
      description: text(bytes, at + 22, 32),
      dataOffset: at + 54,
      dataLength,
      extended: false,
    });
    at += 54 + dataLength;
  }
  return vlrs;
}

function readLaszip(bytes: Uint8Array, dv: DataView, vlrs: LasVlr[], compressed: boolean, fail: Fail): LaszipInfo | null {
  const vlr = vlrs.find((v) => v.userId === 'laszip encoded' && v.recordId === 22204);
  if (!compressed) return null;
  if (vlr === undefined)
    fail('bad-header', 'point data format', 104, 'the compression bit is set (a LAZ file) but there is no laszip VLR (user "laszip encoded", record 22204)');
  const at = (vlr as LasVlr).dataOffset;
  if ((vlr as LasVlr).dataLength < 34) fail('bad-header', 'laszip VLR', at, `${(vlr as LasVlr).dataLength} bytes, it needs at least 34`);
  const itemCount = dv.getUint16(at + 32, true);
  if (34 + itemCount * 6 > (vlr as LasVlr).dataLength)
    fail('bad-header', 'laszip VLR item count', at + 32, `${itemCount} items do not fit in its ${(vlr as LasVlr).dataLength} bytes`);
  const items: LaszipInfo['items'] = [];
  for (let k = 0; k < itemCount; k++) {
    const p = at + 34 + k * 6;
    items.push({ type: dv.getUint16(p, true), size: dv.getUint16(p + 2, true), version: dv.getUint16(p + 4, true) });
  }
  return {
    compressor: dv.getUint16(at, true),
    version: `${bytes[at + 4]}.${bytes[at + 5]} r${dv.getUint16(at + 6, true)}`,
    chunkSize: dv.getUint32(at + 12, true),
    items,
  };
}

const EXTRA_TYPE_BYTES = [0, 1, 1, 2, 2, 4, 4, 8, 8, 4, 8];

/** The `extra bytes` fields (LASF_Spec record 4, 192 bytes each) that fit inside the record; other types are skipped with a warning. */
function readExtraBytes(bytes: Uint8Array, dv: DataView, vlrs: LasVlr[], format: number, recordLength: number, warnings: string[]): LasExtraField[] {
  const vlr = vlrs.find((v) => v.userId === 'LASF_Spec' && v.recordId === 4);
  if (vlr === undefined) return [];
  const fields: LasExtraField[] = [];
  let offset = LAS_FORMAT_BYTES[format];
  for (let k = 0; k + 1 <= Math.floor(vlr.dataLength / 192); k++) {
    const at = vlr.dataOffset + k * 192;
    const dataType = bytes[at + 2];
    const options = bytes[at + 3];
    const name = text(bytes, at + 4, 32) || `extra_${k}`;
    const size = dataType === 0 ? options : dataType <= 10 ? EXTRA_TYPE_BYTES[dataType] : 0;
    if (size === 0) {
      warnings.push(
        `extra bytes field "${name}": data type ${dataType} is not read (only single values of types 1–10); the rest of the extra bytes are skipped`,
      );
      break;
    }
    if (offset + size > recordLength) {
      warnings.push(`extra bytes field "${name}" does not fit in the ${recordLength}-byte record: skipped`);
      break;
    }
    if (dataType !== 0) {
      fields.push({
        name,
        dataType,
        offset,
        scale: (options & 8) !== 0 ? dv.getFloat64(at + 112, true) : null,
        offsetValue: (options & 16) !== 0 ? dv.getFloat64(at + 136, true) : null,
      });
    }
    offset += size;
  }
  return fields;
}
