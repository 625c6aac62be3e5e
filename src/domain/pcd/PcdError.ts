/**
 * The one error type thrown by the PCD reader, writer and LZF codec.
 * Every distinct failure has its own `code`, so callers (UI, CLI, checks) can react without
 * parsing the message; the message itself names the function, the file and where it went wrong.
 */

export type PcdErrorCode =
  /** No `DATA` line was found in the header (or the input is empty / not a PCD file). */
  | 'missing-data-line'
  /** No `FIELDS` (or `COLUMNS`) line, or it lists no field. */
  | 'missing-fields'
  /** Neither `POINTS` nor `WIDTH` is given, so the point count is unknown. */
  | 'missing-points'
  /** A header value is malformed: not an integer, negative, NaN, wrong VIEWPOINT length, ... */
  | 'bad-header-value'
  /** SIZE / TYPE / COUNT does not list one value per field. */
  | 'list-length-mismatch'
  /** A (TYPE, SIZE) pair that the format does not define, for example `F` with SIZE 2. */
  | 'unknown-type'
  /** The `DATA` value is not ascii, binary or binary_compressed. */
  | 'unknown-data-format'
  /** POINTS disagrees with WIDTH × HEIGHT. */
  | 'points-mismatch'
  /** The header asks for more points than can be allocated. */
  | 'too-large'
  /** The body ends before POINTS points were read. */
  | 'truncated'
  /** The LZF stream is malformed (the error names the input byte offset). */
  | 'bad-lzf'
  /** The LZF stream decodes to a different length than declared. */
  | 'lzf-size-mismatch'
  /** The uncompressed size stored in a binary_compressed body does not fit the header. */
  | 'compressed-size-mismatch'
  /** An ascii token is not a number. */
  | 'bad-ascii-token'
  /** An ascii line has the wrong number of tokens. */
  | 'ascii-token-count'
  /** A caller passed an invalid argument (writer input, decompressor length, stream misuse). */
  | 'bad-input'
  /** The JS engine is big-endian; PCD data is little-endian and this reader copies raw words. */
  | 'unsupported-platform';

/** Where an error happened; every member is optional. */
export interface PcdErrorDetails {
  /** 1-based line number in the file (header or ascii body). */
  line?: number;
  /** Byte offset in the file (or in the LZF input for `decompressLzf`). */
  byteOffset?: number;
  /** Field (or header keyword) name. */
  field?: string;
  expected?: number | string;
  actual?: number | string;
  fileName?: string;
}

/** An error from the PCD module. `message` starts with the function name, e.g. `parsePcd (a.pcd): ...`. */
export class PcdError extends Error {
  override readonly name = 'PcdError';
  readonly code: PcdErrorCode;
  readonly line?: number;
  readonly byteOffset?: number;
  readonly field?: string;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly fileName?: string;

  /**
   * @param fn the public function reporting the error (`parsePcd`, `readPcdHeader`, ...)
   * @param code machine-readable failure kind
   * @param text what went wrong and where, without the prefix
   * @param details structured location; `fileName` is also shown in the prefix
   */
  constructor(fn: string, code: PcdErrorCode, text: string, details: PcdErrorDetails = {}) {
    super(`${fn}${details.fileName !== undefined ? ` (${details.fileName})` : ''}: ${text}`);
    this.code = code;
    this.line = details.line;
    this.byteOffset = details.byteOffset;
    this.field = details.field;
    this.expected = details.expected;
    this.actual = details.actual;
    this.fileName = details.fileName;
  }
}

/** Formats a non-negative integer with thousands separators (`1440000` → `1,440,000`), locale-free. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(Math.trunc(Math.abs(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}
