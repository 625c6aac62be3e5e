import type pg from 'pg';
import type { CheckClaim, CheckSummaryStore, StoredCheckEntry, StoredCheckOutcome } from './CheckSummaryStore.ts';

/** `CheckSummaryStore` on the `check_summaries` table (schema version 2); claims are rows with `claimed_until` and no outcome. */
export class PostgresCheckSummaryStore implements CheckSummaryStore {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async claim(frameId: string, revision: number, dictionaryVersion: number, ttlMs: number): Promise<CheckClaim> {
    const claimed = await this.pool.query(
      `INSERT INTO check_summaries (frame_id, revision, dictionary_version, claimed_until)
       VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')
       ON CONFLICT (frame_id, revision, dictionary_version) DO UPDATE SET claimed_until = EXCLUDED.claimed_until
         WHERE check_summaries.outcome IS NULL AND (check_summaries.claimed_until IS NULL OR check_summaries.claimed_until < now())
       RETURNING 1`,
      [frameId, revision, dictionaryVersion, Math.max(1, Math.round(ttlMs))],
    );
    if ((claimed.rowCount ?? 0) > 0) return { state: 'claimed' };
    const row = (
      await this.pool.query<{ outcome: string | null; claimed_until: Date | null }>(
        'SELECT outcome, claimed_until FROM check_summaries WHERE frame_id = $1 AND revision = $2 AND dictionary_version = $3',
        [frameId, revision, dictionaryVersion],
      )
    ).rows[0];
    if (row?.outcome != null) return { state: 'done', outcome: JSON.parse(row.outcome) as StoredCheckOutcome };
    // Released or deleted between the two statements: the caller claims again after a short wait.
    return { state: 'busy', until: row?.claimed_until?.getTime() ?? Date.now() };
  }

  async store(frameId: string, revision: number, dictionaryVersion: number, outcome: StoredCheckOutcome): Promise<void> {
    await this.pool.query(
      `INSERT INTO check_summaries (frame_id, revision, dictionary_version, outcome, computed_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (frame_id, revision, dictionary_version) DO UPDATE SET outcome = EXCLUDED.outcome, computed_at = now(), claimed_until = NULL`,
      [frameId, revision, dictionaryVersion, JSON.stringify(outcome)],
    );
    await this.pool.query('DELETE FROM check_summaries WHERE frame_id = $1 AND (revision < $2 OR dictionary_version < $3)', [
      frameId,
      revision,
      dictionaryVersion,
    ]);
  }

  async release(frameId: string, revision: number, dictionaryVersion: number): Promise<void> {
    await this.pool.query(
      'UPDATE check_summaries SET claimed_until = NULL WHERE frame_id = $1 AND revision = $2 AND dictionary_version = $3 AND outcome IS NULL',
      [frameId, revision, dictionaryVersion],
    );
  }

  async listLatest(): Promise<StoredCheckEntry[]> {
    const rows = (
      await this.pool.query<{ frame_id: string; revision: number; dictionary_version: number; outcome: string }>(
        `SELECT DISTINCT ON (frame_id) frame_id, revision, dictionary_version, outcome FROM check_summaries
         WHERE outcome IS NOT NULL ORDER BY frame_id, revision DESC, dictionary_version DESC`,
      )
    ).rows;
    return rows.map((r) => ({
      frameId: r.frame_id,
      revision: r.revision,
      dictionaryVersion: r.dictionary_version,
      outcome: JSON.parse(r.outcome) as StoredCheckOutcome,
    }));
  }
}
