/**
 * Where a diff starts by default: the first submitted revision, unless that is the revision
 * compared (the frame submitted once and not changed since: the table was empty right after the
 * submit) and the frame's labels were imported, then the import (what the annotator changed on
 * the pre-labels: what a reviewer of a first submit looks for); else the import, else 0.
 */
export function defaultDiffFrom(submitted: readonly number[], imported: number | null | undefined, to: number): number {
  const first = submitted[0];
  if (first !== undefined && (first < to || imported == null)) return first;
  return imported ?? 0;
}
