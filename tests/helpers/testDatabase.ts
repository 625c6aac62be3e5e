import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PostgresStorage } from '../../src/server/storage/PostgresStorage.ts';
import type { AutosavePolicy } from '../../src/server/storage/revisionCompaction.ts';
import { SqliteStorage } from '../../src/server/storage/SqliteStorage.ts';
import type { Storage } from '../../src/server/storage/Storage.ts';

/** The backend the server and storage suites run on: `postgres` under `vitest.postgres.config.ts`, else SQLite. */
export const TEST_BACKEND: 'sqlite' | 'postgres' = process.env.CUBOID_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** The admin URL of the test PostgreSQL server (set by `postgresGlobalSetup.ts` or `.ci/run`). */
export function testPgUrl(): string {
  const url = process.env.CUBOID_TEST_PG_URL;
  if (url === undefined || url === '') throw new Error('CUBOID_TEST_PG_URL is not set: run these tests with `vitest run -c vitest.postgres.config.ts`');
  return url;
}

/** A new empty database on the test server; `drop` removes it (closing whatever is still connected). */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates a database of its own for one test (tests never share rows). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = testPgUrl();
  const name = `cuboid_t_${process.pid}_${randomBytes(5).toString('hex')}`;
  const run = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A storage of the backend under test on a fresh database; `close` closes it and deletes the database. */
export interface TestStorage {
  storage: Storage;
  close(): Promise<void>;
}

/** Opens a `Storage` of `backend` (default `TEST_BACKEND`) on a fresh SQLite file or PostgreSQL database. */
export async function openTestStorage(backend: 'sqlite' | 'postgres' = TEST_BACKEND, autosaves?: AutosavePolicy): Promise<TestStorage> {
  if (backend === 'postgres') {
    const db = await createTestDatabase();
    const storage = await PostgresStorage.open(db.url, autosaves !== undefined ? { autosaves } : {});
    return {
      storage,
      async close() {
        await storage.close();
        await db.drop();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-store-'));
  const storage = SqliteStorage.open(path.join(dir, 'cuboid.db'), undefined, autosaves);
  return {
    storage,
    async close() {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Everything a server's database holds, as bytes to search for secrets: the SQLite files in
 * `stateDir` (`cuboid.db` and its WAL), or every row of every table of its PostgreSQL database.
 */
export async function storedBytes(server: { stateDir: string; app: { cuboid: { dbUrl: string | null } } }): Promise<Buffer> {
  const url = server.app.cuboid.dbUrl;
  if (url === null) {
    const files = fs.readdirSync(server.stateDir).filter((f) => f.startsWith('cuboid.db'));
    return Buffer.concat(files.map((f) => fs.readFileSync(path.join(server.stateDir, f))));
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).rows;
    const parts: string[] = [];
    for (const t of tables) {
      const rows = (await client.query<{ row: string }>(`SELECT t::text AS row FROM "${t.name}" t`)).rows;
      parts.push(...rows.map((r) => r.row));
    }
    return Buffer.from(parts.join('\n'), 'utf8');
  } finally {
    await client.end();
  }
}

/**
 * A pool on a test database for a test's own queries. `pg.Pool#end` resolves before its last
 * connection has closed, and the database is then dropped `WITH (FORCE)`: a connection still
 * closing gets "terminating connection due to administrator command" (57P01), which an idle pool
 * client hands to the pool's `error` event. Without a listener that is an uncaught exception that
 * fails the whole run (seen once in CI); here it is expected and ignored.
 */
export function testPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}
