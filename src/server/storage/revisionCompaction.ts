import type Database from 'better-sqlite3';

/** How a frame's autosave history is bounded (see `compactAutosaves`). */
export interface AutosavePolicy {
  /** The newest autosave revisions kept whole, however close together. */
  recent: number;
}

/** The last 20 autosaves (about 20 s to a few minutes of editing) stay, then one per hour. */
export const DEFAULT_AUTOSAVE_POLICY: AutosavePolicy = { recent: 20 };

/**
 * Drops autosave revisions (`source = 'save'`) of one frame that no longer earn their space: every
 * autosave stores the whole document (a 1,000-box frame is ~345 kB), so an afternoon of editing
 * would otherwise keep thousands of copies. Kept: every import and review revision (submits,
 * verdicts, flags: what diffs and the review history point at), the current revision, the newest
 * `policy.recent` autosaves, and the last autosave of each UTC hour. Runs inside the save's
 * transaction, so a crash leaves either the old history or the compacted one. The activity log
 * keeps a line for every save, compacted or not. Returns how many revisions were dropped.
 */
export function compactAutosaves(db: Database.Database, frameId: string, currentRevision: number, policy: AutosavePolicy = DEFAULT_AUTOSAVE_POLICY): number {
  const result = db
    .prepare(
      `DELETE FROM revisions
       WHERE frame_id = @frameId AND source = 'save' AND revision < @current
         AND revision NOT IN (
           SELECT revision FROM revisions WHERE frame_id = @frameId AND source = 'save' ORDER BY revision DESC LIMIT @recent)
         AND revision NOT IN (
           SELECT MAX(revision) FROM revisions WHERE frame_id = @frameId AND source = 'save' GROUP BY substr(saved_at, 1, 13))`,
    )
    .run({ frameId, current: currentRevision, recent: Math.max(1, Math.floor(policy.recent)) });
  return result.changes;
}
