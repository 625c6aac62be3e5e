/** Where in a KITTI file an error was found. Every member is optional. */
export interface KittiErrorLocation {
  /** Name of the file being read, for messages only. */
  fileName?: string;
  /** 1-based line number in a text file. */
  line?: number;
  /** Name of the offending field (`"h"`, `"P2"`, ...). */
  field?: string;
  /** Byte offset in a binary file. */
  byteOffset?: number;
}

/**
 * The one error type thrown by `domain/kitti`. The message starts with the function name, then the
 * file name in parentheses when known, e.g.
 * `parseKittiLabel (000001.txt): line 3, field "h": "abc" is not a number`.
 */
export class KittiError extends Error {
  readonly fileName?: string;
  readonly line?: number;
  readonly field?: string;
  readonly byteOffset?: number;

  constructor(message: string, where: KittiErrorLocation = {}) {
    super(message);
    this.name = 'KittiError';
    if (where.fileName !== undefined) this.fileName = where.fileName;
    if (where.line !== undefined) this.line = where.line;
    if (where.field !== undefined) this.field = where.field;
    if (where.byteOffset !== undefined) this.byteOffset = where.byteOffset;
  }
}

/**
 * Builds a KittiError whose message is `fn (file): line N, field "f": detail`, leaving out the parts
 * that `where` does not give.
 */
export function kittiError(fn: string, where: KittiErrorLocation, detail: string): KittiError {
  let prefix = fn;
  if (where.fileName !== undefined) prefix += ` (${where.fileName})`;
  const parts: string[] = [];
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.field !== undefined) parts.push(`field "${where.field}"`);
  const location = parts.length > 0 ? `${parts.join(', ')}: ` : '';
  return new KittiError(`${prefix}: ${location}${detail}`, where);
}
