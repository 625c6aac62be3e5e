/**
 * The parsed header of a PCD v0.5–0.7 file (see FORMATS.md §1.2). Plain data.
 */

/** Element type letter: `I` signed int, `U` unsigned int, `F` float, `B` bool (1 byte). */
export type PcdFieldType = 'I' | 'U' | 'F' | 'B';

/** Body encoding named by the `DATA` line (matched case-insensitively when read). */
export type PcdEncoding = 'ascii' | 'binary' | 'binary_compressed';

/** One column of the file. `_` fields are padding: they occupy bytes/tokens but carry no data. */
export interface PcdField {
  /** Field name as in FIELDS; a repeated name is made unique (`name_2`, with a header warning). */
  name: string;
  /** Bytes per element: 1, 2, 4 or 8. */
  size: number;
  type: PcdFieldType;
  /** Elements per point (≥ 1). */
  count: number;
  /** Byte offset of the field inside one `DATA binary` record (includes preceding `_` fields). */
  offset: number;
}

export interface PcdHeader {
  /** The VERSION value as written (`0.7`, `.7`, ...); `0.7` when absent. */
  version: string;
  /** Fields in file order, including `_` padding fields. */
  fields: PcdField[];
  /** Columns of an organized cloud, or the point count of an unorganized one. */
  width: number;
  /** Rows of an organized cloud; 1 when unorganized. */
  height: number;
  /** Sensor pose `tx ty tz qw qx qy qz`; points are NOT transformed by it. */
  viewpoint: number[];
  /** Number of points (= width × height). */
  points: number;
  data: PcdEncoding;
  /** Byte offset of the first body byte (just after the LF that ends the DATA line). */
  bodyOffset: number;
  /** Bytes per `DATA binary` record, including `_` padding. */
  pointStep: number;
  /** Non-fatal oddities met while reading (defaults applied, unknown keywords, ...). */
  warnings: string[];
}
