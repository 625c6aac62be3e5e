import type pg from 'pg';
import type { EdgeCaseDictionary } from '../../domain/checks/dictionary/EdgeCaseDictionary.ts';
import { parseDictionary } from '../../domain/checks/dictionary/parseDictionary.ts';
import { defaultDictionary } from '../../domain/checks/dictionary/defaultDictionary.ts';
import { DictionaryConflictError } from '../review/DictionaryStore.ts';
import type { DictionaryStorage, LoadedDictionary } from '../review/DictionaryStore.ts';

/**
 * The edge-case dictionary in PostgreSQL (table `edge_case_dictionary`, schema version 3): one
 * row, so a lead's edit on one replica is what every replica and `cuboid check --db` read next.
 * Until the first save, `fallback` answers (the state folder's `dictionary.json` when a
 * single-machine team moves to a database, else the built-in default). A save is a conditional
 * write on the version it edits: two leads saving at once, on any replicas, cannot both win.
 */
export class PostgresDictionaryStore implements DictionaryStorage {
  private readonly pool: pg.Pool;
  private readonly fallback: DictionaryStorage | null;
  private cache: { version: number; value: LoadedDictionary } | null = null;

  constructor(pool: pg.Pool, fallback: DictionaryStorage | null = null) {
    this.pool = pool;
    this.fallback = fallback;
  }

  /** @throws DictionaryError when the stored row is not a valid dictionary (edited by hand) */
  async load(): Promise<LoadedDictionary> {
    const version = (await this.pool.query<{ version: number }>('SELECT version FROM edge_case_dictionary WHERE id = 1')).rows[0]?.version;
    if (version === undefined) return this.fallback !== null ? this.fallback.load() : { dictionary: defaultDictionary, source: 'default' };
    if (this.cache?.version === version) return this.cache.value;
    const row = (await this.pool.query<{ version: number; body: string }>('SELECT version, body FROM edge_case_dictionary WHERE id = 1')).rows[0];
    const value: LoadedDictionary = { dictionary: parseDictionary(row.body, 'edge_case_dictionary (PostgreSQL)'), source: 'database' };
    this.cache = { version: row.version, value };
    return value;
  }

  /**
   * Stores `input` as the version after `baseVersion`.
   * @throws DictionaryError for an invalid dictionary, DictionaryConflictError for a stale base
   */
  async save(input: unknown, baseVersion: number): Promise<EdgeCaseDictionary> {
    const current = (await this.load()).dictionary;
    if (current.version !== baseVersion) throw new DictionaryConflictError(baseVersion, current);
    const next = parseDictionary({ ...(typeof input === 'object' && input !== null ? input : {}), version: baseVersion + 1 }, 'dictionary.json');
    const body = JSON.stringify(next);
    // Insert the first row, or update the row still at the base version; anything else lost a race.
    const written = await this.pool.query(
      `INSERT INTO edge_case_dictionary (id, version, body, saved_at) VALUES (1, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body, saved_at = now()
         WHERE edge_case_dictionary.version = $3`,
      [next.version, body, baseVersion],
    );
    if ((written.rowCount ?? 0) === 0) throw new DictionaryConflictError(baseVersion, (await this.load()).dictionary);
    this.cache = null;
    return next;
  }
}
