import type pg from 'pg';
import type { FrameAnnotation, FrameStatus } from '../../domain/document/FrameAnnotation.ts';
import { migrateAnnotation } from '../../domain/document/migrations.ts';
import type {
  ActivityEntry,
  Assignment,
  AssignmentPatch,
  FrameState,
  RevisionInfo,
  RevisionSource,
  SaveAnnotationInput,
  SaveAnnotationResult,
  Storage,
} from './Storage.ts';
import type { CheckSummaryStore } from './CheckSummaryStore.ts';
import { assertSchemaCurrent, migratePostgres } from './migratePostgres.ts';
import { PgAdvisoryLocks } from './PgAdvisoryLocks.ts';
import { PostgresCheckSummaryStore } from './PostgresCheckSummaryStore.ts';
import { PostgresDictionaryStore } from './PostgresDictionaryStore.ts';
import type { DictionaryStorage } from '../review/DictionaryStore.ts';
import { assertReachable, checkPostgresUrl, createPool, inTransaction, redactUrl } from './postgresConnection.ts';
import type { PostgresMigration } from './postgresMigrations.ts';
import { POSTGRES_MIGRATIONS } from './postgresMigrations.ts';
import { PostgresUserStore } from './PostgresUserStore.ts';
import { DEFAULT_AUTOSAVE_POLICY, type AutosavePolicy } from './revisionCompaction.ts';
import type { UserStore } from './UserStore.ts';
import { timedQuery } from './timedQuery.ts';
import { serverTimingEnabled, timingGauges } from '../http/serverTiming.ts';
import { ACTIVITY_COLUMNS, insertActivity, toActivity } from './postgresActivity.ts';
import type { ActivityRow, Queryable } from './postgresActivity.ts';
import { SAVE_FIRST_SQL, SAVE_NEXT_SQL } from './postgresSaveSql.ts';

/** Open review flags of a frame sent back (rejected), read from its document: only those are parsed (rejected frames are few; a whole batch may wait in review). */
const OPEN_FLAGS_PG = `CASE WHEN status = 'rejected' THEN (SELECT count(*) FROM json_array_elements(COALESCE(doc::json -> 'flags', '[]'::json)) f WHERE f ->> 'state' = 'open') ELSE 0 END::integer AS open_flags`;

export interface PostgresStorageOptions {
  /** The schema history to apply (tests add versions); default `POSTGRES_MIGRATIONS`. */
  migrations?: readonly PostgresMigration[];
  /** Autosave compaction, as for SQLite (`revisionCompaction.ts`). */
  autosaves?: AutosavePolicy;
  /** Query connections of this process (default 10); advisory locks use 4 more of their own, label-written hints 2. */
  poolSize?: number;
  /**
   * Apply pending migrations (default true). False (`export`, `check`: they only read) changes
   * nothing and refuses a database whose schema is missing or not the one this Cuboid knows.
   */
  migrate?: boolean;
}

/**
 * `Storage` on PostgreSQL (node-postgres), with `SqliteStorage`'s semantics, for any number of
 * processes on one database. A save is one transaction: a conditional `UPDATE ... WHERE revision =
 * base` (or, for a frame's first revision, `INSERT ... ON CONFLICT DO NOTHING`) claims the next
 * revision, so of two saves on one base exactly one commits and the other gets the current
 * document: never a lost update, never a duplicate revision (the history's primary key would
 * refuse one anyway). The history row, autosave compaction, assignment and activity line commit
 * in the same transaction. Committed data is durable on the server's default `synchronous_commit`.
 */
export class PostgresStorage implements Storage {
  /** The database URL without its password. */
  readonly url: string;
  readonly users: UserStore;
  readonly sharedLocks: PgAdvisoryLocks;
  readonly checkSummaries: CheckSummaryStore;
  readonly autosaves: AutosavePolicy;
  private readonly pool: pg.Pool;
  private readonly lockPool: pg.Pool;
  /** Writes a server crash may lose harmlessly (the label-written hint), committed without waiting for the disk. */
  private readonly hintPool: pg.Pool;
  private closed = false;

  private constructor(url: string, pool: pg.Pool, lockPool: pg.Pool, hintPool: pg.Pool, autosaves: AutosavePolicy) {
    this.url = redactUrl(url);
    this.pool = pool;
    this.lockPool = lockPool;
    this.hintPool = hintPool;
    this.autosaves = autosaves;
    this.users = new PostgresUserStore(pool);
    this.sharedLocks = new PgAdvisoryLocks(lockPool);
    this.checkSummaries = new PostgresCheckSummaryStore(pool);
    if (serverTimingEnabled()) {
      const sizes = (p: pg.Pool) => ({ total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount });
      timingGauges('pgPools', () => ({ ...prefixed('query', sizes(pool)), ...prefixed('lock', sizes(lockPool)), ...prefixed('hint', sizes(hintPool)) }));
    }
  }

  /**
   * Connects to `url` (`postgres://USER@HOST:PORT/DB`; the password, if any, from the URL or
   * `PGPASSWORD`) and applies pending schema migrations.
   * @throws StorageOpenError (one line: bad URL, unreachable server, refused login, no such
   *   database, a schema from a newer Cuboid)
   */
  static async open(url: string, opts: PostgresStorageOptions = {}): Promise<PostgresStorage> {
    checkPostgresUrl(url);
    // Connections once opened stay open (no reconnect in a request's path after a quiet spell).
    const size = opts.poolSize ?? 10;
    const pool = createPool(url, { max: size, min: size });
    // Only label writes take locks, in the background (with --db): one that finds the 4 connections
    // held (slow bucket PUTs) waits its turn rather than failing after the pool's usual 5 s.
    const lockPool = createPool(url, { max: 4, min: 4, connectTimeoutMs: 60_000 });
    const hintPool = createPool(url, { max: 2, min: 2, relaxedCommit: true });
    try {
      await assertReachable(pool, url);
      if (opts.migrate === false) await assertSchemaCurrent(pool, url, opts.migrations ?? POSTGRES_MIGRATIONS);
      else await migratePostgres(pool, url, opts.migrations ?? POSTGRES_MIGRATIONS);
    } catch (err) {
      await Promise.all([pool.end(), lockPool.end(), hintPool.end()]);
      throw err;
    }
    return new PostgresStorage(url, pool, lockPool, hintPool, opts.autosaves ?? DEFAULT_AUTOSAVE_POLICY);
  }

  /** The applied schema versions, oldest first. */
  /** The edge-case dictionary in this database, `fallback` answering until the first save. */
  dictionaryStore(fallback: DictionaryStorage | null): DictionaryStorage {
    return new PostgresDictionaryStore(this.pool, fallback);
  }

  /**
   * Opens every connection of the three pools now (a server, before it listens), so no request
   * pays for a connection's start (a backend process fork and a login: 10–100 ms on a loaded
   * machine); the pools keep them open.
   */
  async warm(): Promise<void> {
    const fill = async (p: pg.Pool): Promise<void> => {
      const clients = await Promise.all(Array.from({ length: p.options.max }, () => p.connect()));
      for (const c of clients) c.release();
    };
    await Promise.all([fill(this.pool), fill(this.lockPool), fill(this.hintPool)]);
  }

  async schemaVersions(): Promise<number[]> {
    return (await this.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  }

  async getAnnotation(frameId: string): Promise<FrameAnnotation | null> {
    const row = (await timedQuery<{ doc: string }>(this.pool, 'read', 'SELECT doc FROM annotations WHERE frame_id = $1', [frameId])).rows[0];
    return row === undefined ? null : readDoc(row.doc);
  }

  async getRevision(frameId: string, revision: number): Promise<FrameAnnotation | null> {
    if (!Number.isSafeInteger(revision) || Math.abs(revision) > 2 ** 31 - 1) return null;
    const row = (await this.pool.query<{ doc: string }>('SELECT doc FROM revisions WHERE frame_id = $1 AND revision = $2', [frameId, revision])).rows[0];
    return row === undefined ? null : readDoc(row.doc);
  }

  async listRevisions(frameId: string): Promise<RevisionInfo[]> {
    const rows = (
      await this.pool.query<{ revision: number; saved_at: Date; saved_by: string | null; source: string; box_count: number }>(
        'SELECT revision, saved_at, saved_by, source, box_count FROM revisions WHERE frame_id = $1 ORDER BY revision',
        [frameId],
      )
    ).rows;
    return rows.map((r) => ({
      revision: r.revision,
      savedAt: r.saved_at.toISOString(),
      savedBy: r.saved_by,
      source: r.source as RevisionSource,
      boxCount: r.box_count,
    }));
  }

  async saveAnnotation(input: SaveAnnotationInput): Promise<SaveAnnotationResult> {
    const frameId = input.doc.frameId;
    const base = input.baseRevision;
    // A base no stored revision can have is a conflict, as in SQLite; it is never sent to an integer column.
    if (!Number.isSafeInteger(base) || base < 0 || base >= 2 ** 31 - 1) {
      return { ok: false, current: await this.getAnnotation(frameId) };
    }
    const revision = base + 1;
    const at = new Date().toISOString();
    const doc: FrameAnnotation = { ...input.doc, revision };
    const text = JSON.stringify(doc);
    const boxCount = doc.cuboids.length;
    const detail = JSON.stringify({ boxCount, status: doc.status, ...input.detail });
    const assignment = input.assignment;
    const params = [
      frameId,
      revision,
      doc.status,
      boxCount,
      text,
      at,
      input.user,
      base,
      input.source,
      input.action ?? input.source,
      detail,
      input.source === 'save',
      Math.max(1, Math.floor(this.autosaves.recent)) - 1,
      assignment !== undefined,
      assignment?.annotator !== undefined,
      assignment?.annotator ?? null,
      assignment?.reviewer !== undefined,
      assignment?.reviewer ?? null,
    ];
    const saved = (await timedQuery<{ n: string }>(this.pool, 'save', base === 0 ? SAVE_FIRST_SQL : SAVE_NEXT_SQL, params)).rows[0].n === '1';
    return saved ? { ok: true, doc } : { ok: false, current: await this.getAnnotation(frameId) };
  }

  async listFrameStates(): Promise<Map<string, FrameState>> {
    const rows = (
      await this.pool.query<{
        frame_id: string;
        revision: number;
        status: string;
        box_count: number;
        label_dirty: boolean;
        updated_at: Date;
        updated_by: string | null;
        open_flags: number;
      }>(`SELECT frame_id, revision, status, box_count, label_dirty, updated_at, updated_by, ${OPEN_FLAGS_PG} FROM annotations`)
    ).rows;
    const states = new Map<string, FrameState>();
    for (const r of rows) {
      states.set(r.frame_id, {
        frameId: r.frame_id,
        revision: r.revision,
        status: r.status as FrameStatus,
        boxCount: r.box_count,
        openFlags: r.open_flags,
        labelDirty: r.label_dirty,
        updatedAt: r.updated_at.toISOString(),
        updatedBy: r.updated_by,
      });
    }
    return states;
  }

  async listDirtyLabels(): Promise<string[]> {
    const rows = (await this.pool.query<{ frame_id: string }>('SELECT frame_id FROM annotations WHERE label_dirty ORDER BY frame_id COLLATE "C"')).rows;
    return rows.map((r) => r.frame_id);
  }

  async markLabelWritten(frameId: string, revision: number): Promise<void> {
    // Losing this in a server crash only rewrites the label at the next start: no wait for the WAL flush.
    await this.hintPool.query('UPDATE annotations SET label_dirty = false WHERE frame_id = $1 AND revision = $2', [frameId, revision]);
  }

  async logActivity(entry: Omit<ActivityEntry, 'id' | 'at'> & { at?: string }): Promise<void> {
    await insertActivity(this.pool, { ...entry, at: entry.at ?? new Date().toISOString() });
  }

  async listActivity(query: { frameId?: string; limit?: number } = {}): Promise<ActivityEntry[]> {
    const limit = Math.max(1, Math.min(query.limit ?? 100, 10_000));
    const rows = (
      query.frameId === undefined
        ? await this.pool.query<ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activity ORDER BY id DESC LIMIT $1`, [limit])
        : await this.pool.query<ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activity WHERE frame_id = $1 ORDER BY id DESC LIMIT $2`, [query.frameId, limit])
    ).rows;
    return rows.map(toActivity);
  }

  async listActivityRange(query: { from?: string; to?: string; frameId?: string } = {}): Promise<ActivityEntry[]> {
    const where: string[] = [];
    const args: string[] = [];
    const add = (sql: string, value: string) => {
      args.push(value);
      where.push(`${sql} $${args.length}`);
    };
    if (query.from !== undefined) add('at >=', query.from);
    if (query.to !== undefined) add('at <=', query.to);
    if (query.frameId !== undefined) add('frame_id =', query.frameId);
    const sql = `SELECT ${ACTIVITY_COLUMNS} FROM activity${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at, id`;
    return (await this.pool.query<ActivityRow>(sql, args)).rows.map(toActivity);
  }

  async getAssignment(frameId: string): Promise<Assignment> {
    const row = (
      await timedQuery<{ annotator: string | null; reviewer: string | null }>(
        this.pool,
        'read',
        'SELECT annotator, reviewer FROM assignments WHERE frame_id = $1',
        [frameId],
      )
    ).rows[0];
    return { frameId, annotator: row?.annotator ?? null, reviewer: row?.reviewer ?? null };
  }

  async setAssignment(frameId: string, patch: AssignmentPatch, user: string | null): Promise<Assignment> {
    return inTransaction(this.pool, async (c) => {
      const at = new Date().toISOString();
      const next = await writeAssignment(c, frameId, patch, at);
      await insertActivity(c, { at, user, action: 'assign', frameId, revision: null, detail: { ...patch } });
      return next;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.pool.end(), this.lockPool.end(), this.hintPool.end()]);
  }
}

/** Upserts an assignment in one statement: absent fields of `patch` keep the stored value. */
async function writeAssignment(c: Queryable, frameId: string, patch: AssignmentPatch, at: string): Promise<Assignment> {
  const row = (
    await c.query<{ annotator: string | null; reviewer: string | null }>(
      `INSERT INTO assignments (frame_id, annotator, reviewer, updated_at) VALUES ($1, $3, $5, $6)
       ON CONFLICT (frame_id) DO UPDATE SET
         annotator = CASE WHEN $2 THEN EXCLUDED.annotator ELSE assignments.annotator END,
         reviewer = CASE WHEN $4 THEN EXCLUDED.reviewer ELSE assignments.reviewer END,
         updated_at = EXCLUDED.updated_at
       RETURNING annotator, reviewer`,
      [frameId, patch.annotator !== undefined, patch.annotator ?? null, patch.reviewer !== undefined, patch.reviewer ?? null, at],
    )
  ).rows[0];
  return { frameId, annotator: row.annotator, reviewer: row.reviewer };
}

/** `{ total: 3 }` as `{ queryTotal: 3 }`. */
function prefixed(name: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${name}${k[0].toUpperCase()}${k.slice(1)}`, v]));
}

function readDoc(text: string): FrameAnnotation {
  return migrateAnnotation(JSON.parse(text) as Record<string, unknown>) as unknown as FrameAnnotation;
}

/**
 * How many users the database at `url` has, without creating or migrating anything (0 for a
 * database Cuboid never used): `serve` asks before it listens beyond loopback.
 * @throws StorageOpenError for a bad URL or a database that cannot be reached
 */
export async function countPostgresUsers(url: string): Promise<number> {
  checkPostgresUrl(url);
  const pool = createPool(url, { max: 1 });
  try {
    await assertReachable(pool, url);
    const table = (await pool.query<{ t: string | null }>("SELECT to_regclass('users')::text AS t")).rows[0].t;
    if (table === null) return 0;
    return Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0].n);
  } finally {
    await pool.end();
  }
}
