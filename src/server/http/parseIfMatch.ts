/**
 * Reads a revision from an `If-Match` header: `"7"` (the ETag the server sent) or a bare `7`.
 * Returns `undefined` when there is no header and `null` when it is anything else (a list, `*`, a
 * weak tag, not a non-negative integer): a save must name exactly one revision.
 */
export function parseIfMatch(header: string | string[] | undefined): number | null | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) return null;
  const m = /^\s*(?:"(\d{1,15})"|(\d{1,15}))\s*$/.exec(header);
  if (m === null) return null;
  return Number(m[1] ?? m[2]);
}

/** The ETag of an annotation revision. */
export function revisionEtag(revision: number): string {
  return `"${revision}"`;
}
