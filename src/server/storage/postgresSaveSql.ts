/* The PostgreSQL statements of `PostgresStorage.saveAnnotation`. */

/**
 * One save as one statement (one round trip, one implicit transaction): `claimed` takes the next
 * revision (the first: an insert that does nothing when the frame exists; later ones: an update
 * of the row still at the base revision, which under READ COMMITTED waits for a concurrent save of
 * the frame and then finds its revision moved on), and every other step runs only when it did.
 * The steps see the snapshot from before the statement, so autosave compaction is written for the
 * history without the new revision: of the older autosaves it keeps the newest `recent - 1` ($13;
 * with the new one, `recent`) and the last of each UTC hour except the new revision's hour (the
 * new one is that hour's last); import and review revisions are never touched. Same rule as
 * `revisionCompaction.ts`, in the same transaction as the save.
 */
const saveSql = (claim: string): string => `
  WITH claimed AS (${claim}),
  history AS (
    INSERT INTO revisions (frame_id, revision, doc, box_count, source, saved_at, saved_by)
    SELECT frame_id, $2::integer, $5::text, $4::integer, $9::text, $6::timestamptz, $7::text FROM claimed
  ),
  compacted AS (
    DELETE FROM revisions r
    WHERE $12::boolean AND EXISTS (SELECT 1 FROM claimed) AND r.frame_id = $1 AND r.source = 'save'
      AND r.revision NOT IN (
        SELECT revision FROM revisions WHERE frame_id = $1 AND source = 'save' ORDER BY revision DESC LIMIT $13::integer)
      AND r.revision NOT IN (
        SELECT max(revision) FROM revisions WHERE frame_id = $1 AND source = 'save'
        GROUP BY date_trunc('hour', saved_at AT TIME ZONE 'UTC')
        HAVING date_trunc('hour', saved_at AT TIME ZONE 'UTC') <> date_trunc('hour', $6::timestamptz AT TIME ZONE 'UTC'))
  ),
  assigned AS (
    INSERT INTO assignments (frame_id, annotator, reviewer, updated_at)
    SELECT frame_id, $16::text, $18::text, $6::timestamptz FROM claimed WHERE $14::boolean
    ON CONFLICT (frame_id) DO UPDATE SET
      annotator = CASE WHEN $15::boolean THEN EXCLUDED.annotator ELSE assignments.annotator END,
      reviewer = CASE WHEN $17::boolean THEN EXCLUDED.reviewer ELSE assignments.reviewer END,
      updated_at = EXCLUDED.updated_at
  ),
  logged AS (
    INSERT INTO activity (at, actor, action, frame_id, revision, detail)
    SELECT $6::timestamptz, $7::text, $10::text, frame_id, $2::integer, $11::text FROM claimed
  )
  SELECT count(*) AS n FROM claimed`;

export const SAVE_FIRST_SQL = saveSql(`
    INSERT INTO annotations (frame_id, revision, status, box_count, doc, label_dirty, updated_at, updated_by)
    SELECT $1::text, $2::integer, $3::text, $4::integer, $5::text, true, $6::timestamptz, $7::text WHERE $8::integer = 0
    ON CONFLICT (frame_id) DO NOTHING RETURNING frame_id`);

export const SAVE_NEXT_SQL = saveSql(`
    UPDATE annotations SET revision = $2::integer, status = $3::text, box_count = $4::integer, doc = $5::text,
      label_dirty = true, updated_at = $6::timestamptz, updated_by = $7::text
    WHERE frame_id = $1::text AND revision = $8::integer RETURNING frame_id`);
