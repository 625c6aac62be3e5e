/**
 * The parsed header of a PLY file (Greg Turk's polygon file format, 1994; the format as read by
 * rply, Open3D, CloudCompare and PDAL). Plain data.
 */

/** Scalar types by their canonical name (`char` … `double`; `int8` … `float64` are read as these). */
export type PlyScalarType = 'char' | 'uchar' | 'short' | 'ushort' | 'int' | 'uint' | 'float' | 'double';

export type PlyFormat = 'ascii' | 'binary_little_endian' | 'binary_big_endian';

export interface PlyProperty {
  name: string;
  /** The value type; for a list, the type of its items. */
  type: PlyScalarType;
  /** For `property list COUNT ITEM name`: the type of the item count; null for a scalar. */
  countType: PlyScalarType | null;
  /** 1-based header line that declared it. */
  line: number;
}

export interface PlyElement {
  name: string;
  count: number;
  properties: PlyProperty[];
  /** Bytes per record in a binary body, or null when a list property makes records variable. */
  recordBytes: number | null;
}

export interface PlyHeader {
  format: PlyFormat;
  /** The version after the format (`1.0`). */
  version: string;
  elements: PlyElement[];
  comments: string[];
  /** Byte offset of the first body byte (after the line break that ends `end_header`). */
  bodyOffset: number;
  /** Non-fatal oddities (unknown keywords, list properties of the vertex element, ...). */
  warnings: string[];
}

/** Bytes of each scalar type. */
export const PLY_TYPE_BYTES: Record<PlyScalarType, number> = { char: 1, uchar: 1, short: 2, ushort: 2, int: 4, uint: 4, float: 4, double: 8 };

/** Type names of the 1994 spec and their sized aliases (rply, VTK, Open3D write either). */
export const PLY_TYPE_NAMES: Record<string, PlyScalarType> = {
  char: 'char',
  int8: 'char',
  uchar: 'uchar',
  uint8: 'uchar',
  short: 'short',
  int16: 'short',
  ushort: 'ushort',
  uint16: 'ushort',
  int: 'int',
  int32: 'int',
  uint: 'uint',
  uint32: 'uint',
  float: 'float',
  float32: 'float',
  double: 'double',
  float64: 'double',
};
