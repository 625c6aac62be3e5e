import type pg from 'pg';
import { StorageOpenError, redactUrl } from './postgresConnection.ts';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './postgresMigrations.ts';

/** Advisory lock key (pg_advisory_lock(bigint)) held while migrating: "cuboid" in ASCII. */
const MIGRATION_LOCK = 0x637562_6f6964;

/** What a migration run did. */
export interface MigrationReport {
  /** Every applied version afterwards, oldest first. */
  versions: number[];
  /** The versions this run applied. */
  applied: number[];
}

/**
 * Brings the schema up to date: creates `schema_migrations`, then applies each missing version in
 * its own transaction. Replicas starting together are serialised by a session advisory lock, so
 * each version is applied once. A database whose newest version is unknown to this Cuboid is
 * refused (it was migrated by a newer release).
 * @throws StorageOpenError for a database from a newer Cuboid
 */
export async function migratePostgres(pool: pg.Pool, url: string, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<MigrationReport> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
      const rows = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows;
      const present = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...present);
      const known = Math.max(0, ...migrations.map((m) => m.version));
      if (newest > known) {
        throw new StorageOpenError(
          `the database ${redactUrl(url)} has schema version ${newest}, newer than this version of Cuboid understands (${known}): upgrade Cuboid`,
        );
      }
      const applied: number[] = [];
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (present.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`PostgreSQL migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(m.version);
        present.add(m.version);
      }
      return { versions: [...present].sort((a, b) => a - b), applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/**
 * Refuses, without changing anything, a database whose schema is not exactly `migrations`: none
 * yet (never served), older (not migrated) or newer (a newer Cuboid).
 * @throws StorageOpenError saying which, and what to run
 */
export async function assertSchemaCurrent(pool: pg.Pool, url: string, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<void> {
  const exists = (await pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t")).rows[0].t !== null;
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = exists ? Number((await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0].v ?? 0) : 0;
  if (newest === known) return;
  const where = redactUrl(url);
  if (newest === 0) throw new StorageOpenError(`the database ${where} holds no Cuboid data yet: serve it once or run \`cuboid db migrate --db URL\``);
  if (newest < known)
    throw new StorageOpenError(`the database ${where} has schema version ${newest}, older than this Cuboid's ${known}: run \`cuboid db migrate --db URL\``);
  throw new StorageOpenError(`the database ${where} has schema version ${newest}, newer than this version of Cuboid understands (${known}): upgrade Cuboid`);
}
