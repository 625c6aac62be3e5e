/**
 * A frame id is a file stem made of letters, digits, `_`, `-` and single inner dots, at most 128
 * characters. No separators, no `..`, no leading dot: an id can never name anything outside its
 * folder, and a request with any other id is answered 404 before any path is built.
 */
export const FRAME_ID_PATTERN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** Longest accepted frame id, in characters. */
export const MAX_FRAME_ID_LENGTH = 128;

/** True when `id` is a well-formed frame id (see `FRAME_ID_PATTERN`). */
export function isValidFrameId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_FRAME_ID_LENGTH && FRAME_ID_PATTERN.test(id);
}

/** What a frame id may be, for messages that refuse one. */
export const FRAME_ID_RULE =
  'a frame id is the file name without its extension: letters, digits, _ and -, with single dots between them, at most 128 characters (rename the file)';
