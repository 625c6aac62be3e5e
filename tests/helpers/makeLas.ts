/** Builds LAS files in memory for tests, from the ASPRS LAS 1.4 R15 field offsets (a writer independent of the reader). */

export interface LasTestPoint {
  /** Metres; stored as round((v - offset) / scale). */
  x: number;
  y: number;
  z: number;
  intensity?: number;
  returnNumber?: number;
  numberOfReturns?: number;
  classification?: number;
  scanAngle?: number;
  userData?: number;
  pointSourceId?: number;
  gpsTime?: number;
  rgb?: [number, number, number];
  nir?: number;
}

export interface LasTestOptions {
  version?: '1.2' | '1.3' | '1.4';
  format?: number;
  scale?: [number, number, number];
  offset?: [number, number, number];
  /** Extra bytes per record (zeros) beyond the format's fields. */
  extraBytes?: number;
}

const FORMAT_BYTES = [20, 28, 26, 34, 57, 63, 30, 36, 38, 59, 67];
const TIME_AT = [-1, 20, -1, 20, 20, 20, 22, 22, 22, 22, 22];
const RGB_AT = [-1, -1, 20, 28, -1, 28, -1, 30, 30, -1, 30];
const NIR_AT = [-1, -1, -1, -1, -1, -1, -1, -1, 36, -1, 36];

export function makeLas(points: LasTestPoint[], opts: LasTestOptions = {}): Uint8Array {
  const version = opts.version ?? '1.2';
  const minor = Number(version.slice(2));
  const format = opts.format ?? 0;
  const scale = opts.scale ?? [0.001, 0.001, 0.001];
  const offset = opts.offset ?? [0, 0, 0];
  const headerSize = minor >= 4 ? 375 : minor === 3 ? 235 : 227;
  const recordLength = FORMAT_BYTES[format] + (opts.extraBytes ?? 0);
  const out = new Uint8Array(headerSize + points.length * recordLength);
  const dv = new DataView(out.buffer);
  out.set([0x4c, 0x41, 0x53, 0x46], 0);
  out[24] = 1;
  out[25] = minor;
  new TextEncoder().encodeInto('cuboid test', out.subarray(58, 90));
  dv.setUint16(94, headerSize, true);
  dv.setUint32(96, headerSize, true);
  dv.setUint32(100, 0, true);
  out[104] = format;
  dv.setUint16(105, recordLength, true);
  dv.setUint32(107, format >= 6 ? 0 : points.length, true);
  for (let k = 0; k < 3; k++) {
    dv.setFloat64(131 + 8 * k, scale[k], true);
    dv.setFloat64(155 + 8 * k, offset[k], true);
  }
  const axis = (p: LasTestPoint, k: number) => [p.x, p.y, p.z][k];
  for (let k = 0; k < 3; k++) {
    const values = points.map((p) => axis(p, k));
    dv.setFloat64(179 + 16 * k, values.length ? values.reduce((m, v) => Math.max(m, v), -Infinity) : 0, true);
    dv.setFloat64(187 + 16 * k, values.length ? values.reduce((m, v) => Math.min(m, v), Infinity) : 0, true);
  }
  if (minor >= 4) dv.setBigUint64(247, BigInt(points.length), true);
  points.forEach((p, i) => {
    const at = headerSize + i * recordLength;
    for (let k = 0; k < 3; k++) dv.setInt32(at + 4 * k, Math.round((axis(p, k) - offset[k]) / scale[k]), true);
    dv.setUint16(at + 12, p.intensity ?? 0, true);
    const r = p.returnNumber ?? 1;
    const n = p.numberOfReturns ?? 1;
    if (format >= 6) {
      out[at + 14] = (r & 15) | ((n & 15) << 4);
      out[at + 16] = p.classification ?? 0;
      out[at + 17] = p.userData ?? 0;
      dv.setInt16(at + 18, Math.round((p.scanAngle ?? 0) / 0.006), true);
      dv.setUint16(at + 20, p.pointSourceId ?? 0, true);
    } else {
      out[at + 14] = (r & 7) | ((n & 7) << 3);
      out[at + 15] = (p.classification ?? 0) & 31;
      dv.setInt8(at + 16, Math.round(p.scanAngle ?? 0));
      out[at + 17] = p.userData ?? 0;
      dv.setUint16(at + 18, p.pointSourceId ?? 0, true);
    }
    if (TIME_AT[format] >= 0) dv.setFloat64(at + TIME_AT[format], p.gpsTime ?? 0, true);
    if (RGB_AT[format] >= 0) (p.rgb ?? [0, 0, 0]).forEach((c, k) => dv.setUint16(at + RGB_AT[format] + 2 * k, c, true));
    if (NIR_AT[format] >= 0) dv.setUint16(at + NIR_AT[format], p.nir ?? 0, true);
  });
  return out;
}
