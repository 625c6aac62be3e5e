/**
 * The public header block of a LAS file (ASPRS LAS 1.0–1.4, R15 of 2019) and its variable-length
 * records. Plain data. Coordinates in the file are integers; x = X × scale + offset (metres in
 * the file's coordinate system, which for a LiDAR scan is usually the sensor or vehicle frame).
 */

export interface LasVlr {
  userId: string;
  recordId: number;
  description: string;
  /** Byte offset of the record's data (after its 54-byte header; 60 for an extended VLR). */
  dataOffset: number;
  dataLength: number;
  extended: boolean;
}

/** The LASzip description (VLR `laszip encoded` / 22204) of a compressed (LAZ) file. */
export interface LaszipInfo {
  /** 0 none, 1 pointwise, 2 pointwise and chunked, 3 layered and chunked (point formats 6–10). */
  compressor: number;
  /** `major.minor r revision` of the LASzip that wrote it. */
  version: string;
  /** Points per chunk; 0xFFFFFFFF means variable chunks (their counts are in the chunk table). */
  chunkSize: number;
  items: { type: number; size: number; version: number }[];
}

/** An `extra bytes` field (LAS 1.4 VLR LASF_Spec / 4) kept as a point attribute. */
export interface LasExtraField {
  name: string;
  /** Data type code 1–10 (uchar, char, ushort, short, ulong, long, ulonglong, longlong, float, double). */
  dataType: number;
  /** Byte offset inside the point record. */
  offset: number;
  scale: number | null;
  offsetValue: number | null;
}

export interface LasHeader {
  /** `1.2`, `1.4`, ... */
  version: string;
  versionMinor: number;
  systemId: string;
  software: string;
  headerSize: number;
  pointDataOffset: number;
  /** 0–10 (the compression bits masked off). */
  pointFormat: number;
  /** True when the format byte has a compression bit set (LAZ). */
  compressed: boolean;
  recordLength: number;
  /** Points in the file (the 64-bit count of LAS 1.4 when set, else the legacy 32-bit one). */
  pointCount: number;
  scale: [number, number, number];
  offset: [number, number, number];
  /** Bounds as the header states them (not checked against the points). */
  min: [number, number, number];
  max: [number, number, number];
  vlrs: LasVlr[];
  /** Present for a LAZ file. */
  laszip: LaszipInfo | null;
  extraFields: LasExtraField[];
  warnings: string[];
}

/** Bytes of the fields each point format defines (a record may be longer: extra bytes). */
export const LAS_FORMAT_BYTES: readonly number[] = [20, 28, 26, 34, 57, 63, 30, 36, 38, 59, 67];

/** GPS time offset in the record, or -1 for formats without it. */
export const LAS_GPS_TIME_AT: readonly number[] = [-1, 20, -1, 20, 20, 20, 22, 22, 22, 22, 22];

/** Offset of red, green, blue (uint16 each) in the record, or -1. */
export const LAS_RGB_AT: readonly number[] = [-1, -1, 20, 28, -1, 28, -1, 30, 30, -1, 30];

/** Offset of the near-infrared channel (uint16), or -1. */
export const LAS_NIR_AT: readonly number[] = [-1, -1, -1, -1, -1, -1, -1, -1, 36, -1, 36];
