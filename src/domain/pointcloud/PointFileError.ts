/**
 * The error thrown by the PLY and LAS/LAZ readers. Like `PcdError`, every failure has a `code`
 * and the message starts with the reporting function and the file (`parsePly (a.ply): ...`),
 * then says what is wrong and where: the header line, the field, the byte offset.
 */

export type PointFileErrorCode =
  /** Not the format at all (no `ply` magic, no `LASF` signature, empty input). */
  | 'bad-signature'
  /** A header line or field that does not parse or contradicts the format. */
  | 'bad-header'
  /** A property or point type the format does not define (or this reader does not read). */
  | 'unknown-type'
  /** The body ends before every declared point (or record) was read. */
  | 'truncated'
  /** An ascii token is not a number, or a line has too few tokens. */
  | 'bad-ascii'
  /** A LAZ file whose laszip description, chunk table or chunk data is inconsistent. */
  | 'bad-laz'
  /** The header asks for more points than can be allocated. */
  | 'too-large'
  /** A caller passed something that is not bytes, or a LAZ file without a decoder. */
  | 'bad-input';

/** Where an error happened; every member is optional. */
export interface PointFileErrorDetails {
  fileName?: string;
  /** 1-based line of the header (or of an ascii body). */
  line?: number;
  /** Byte offset in the file. */
  byteOffset?: number;
  /** The header field, property or point attribute concerned. */
  field?: string;
}

export class PointFileError extends Error {
  override readonly name = 'PointFileError';
  readonly code: PointFileErrorCode;
  readonly fileName?: string;
  readonly line?: number;
  readonly byteOffset?: number;
  readonly field?: string;

  /**
   * @param fn the public function reporting it (`parsePly`, `parseLas`, ...)
   * @param text what went wrong and where, without the prefix
   */
  constructor(fn: string, code: PointFileErrorCode, text: string, details: PointFileErrorDetails = {}) {
    super(`${fn}${details.fileName !== undefined ? ` (${details.fileName})` : ''}: ${text}`);
    this.code = code;
    this.fileName = details.fileName;
    this.line = details.line;
    this.byteOffset = details.byteOffset;
    this.field = details.field;
  }
}

/** Accepts an ArrayBuffer or any view; anything else is a `bad-input` PointFileError. */
export function pointFileBytes(input: unknown, fn: string, fileName?: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new PointFileError(fn, 'bad-input', `expected an ArrayBuffer or Uint8Array, got ${input === null ? 'null' : typeof input}`, { fileName });
}
