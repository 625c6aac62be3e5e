import { AsciiBodyDecoder } from './AsciiBodyDecoder.ts';
import { BinaryBodyDecoder } from './BinaryBodyDecoder.ts';
import { CompressedBodyDecoder } from './CompressedBodyDecoder.ts';
import type { PcdTarget } from './PcdTarget.ts';

/** What parsePcd and PcdStreamParser need from a body decoder, whatever the encoding. */
export interface PcdBodyDecoder {
  /** Points completely decoded so far (they are already in the target). */
  readonly pointsDone: number;
  /** Consumes `bytes[start, bytes.length)`, the next bytes of the body. */
  feed(bytes: Uint8Array, start: number): void;
  /** Called once after the last byte; throws PcdError `truncated` if points are missing. */
  finish(): void;
}

/**
 * Picks the decoder for the header's DATA encoding.
 * @param bodyLine 1-based file line number of the first body line (ascii messages)
 */
export function createBodyDecoder(target: PcdTarget, bodyLine: number, fn: string, fileName?: string): PcdBodyDecoder {
  switch (target.header.data) {
    case 'ascii':
      return new AsciiBodyDecoder(target, bodyLine, fn, fileName);
    case 'binary':
      return new BinaryBodyDecoder(target, fn, fileName);
    case 'binary_compressed':
      return new CompressedBodyDecoder(target, fn, fileName);
  }
}

/** 1-based line number of the line starting at `offset` (counts LFs before it). */
export function lineNumberAt(bytes: Uint8Array, offset: number): number {
  const head = bytes.subarray(0, offset);
  let line = 1;
  for (let i = head.indexOf(10); i !== -1; i = head.indexOf(10, i + 1)) line++;
  return line;
}
