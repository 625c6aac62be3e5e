import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeOnce } from '../../../../src/server/checks/sharedCheckSummaries.ts';
import { HttpError } from '../../../../src/server/http/HttpError.ts';
import { PgAdvisoryLocks } from '../../../../src/server/storage/PgAdvisoryLocks.ts';
import { countPostgresUsers, PostgresStorage } from '../../../../src/server/storage/PostgresStorage.ts';
import { PostgresCheckSummaryStore } from '../../../../src/server/storage/PostgresCheckSummaryStore.ts';
import { StorageOpenError } from '../../../../src/server/storage/postgresConnection.ts';
import { POSTGRES_MIGRATIONS } from '../../../../src/server/storage/postgresMigrations.ts';
import { createTestDatabase, testPool, type TestDatabase } from '../../../helpers/testDatabase.ts';
import { freePort } from '../../../helpers/postgresCluster.ts';
import { sampleDoc } from '../fixtures/makeDataset.ts';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  return db;
}

async function open(url: string, opts: Parameters<typeof PostgresStorage.open>[1] = {}): Promise<PostgresStorage> {
  const storage = await PostgresStorage.open(url, opts);
  cleanup.push(() => storage.close());
  return storage;
}

describe('PostgresStorage migrations', () => {
  it('applies the versioned history once, even when replicas start together, and only new versions later', async () => {
    const db = await database();
    const [a, b, c] = await Promise.all([open(db.url), open(db.url), open(db.url)]);
    const versions = POSTGRES_MIGRATIONS.map((m) => m.version);
    expect(await a.schemaVersions()).toEqual(versions);
    expect(await c.schemaVersions()).toEqual(versions);
    await b.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 0, user: null, source: 'save' });
    const extra = [...POSTGRES_MIGRATIONS, { version: 99, name: 'test table', sql: 'CREATE TABLE extra (x integer)' }];
    const later = await open(db.url, { migrations: extra });
    expect(await later.schemaVersions()).toEqual([...versions, 99]);
    expect((await later.getAnnotation('f'))?.revision).toBe(1);
  });

  it('refuses a database from a newer Cuboid, and a read-only open of an unmigrated or outdated one', async () => {
    const db = await database();
    await expect(open(db.url, { migrate: false })).rejects.toThrow(/holds no Cuboid data yet.*cuboid db migrate/);
    await open(db.url, { migrations: POSTGRES_MIGRATIONS.slice(0, 1) });
    await expect(open(db.url, { migrate: false })).rejects.toThrow(/schema version 1, older than this Cuboid's 3/);
    await open(db.url);
    await open(db.url, { migrate: false });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("INSERT INTO schema_migrations VALUES (500, 'future', now())");
    await client.end();
    await expect(open(db.url)).rejects.toThrow(/schema version 500, newer than this version of Cuboid understands \(3\)/);
  });

  it('says in one line why a database cannot be opened, never showing the password', async () => {
    const port = await freePort();
    const refused = await PostgresStorage.open(`postgres://me:hunter2@127.0.0.1:${port}/x`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StorageOpenError);
    expect((refused as Error).message).toMatch(
      /^cannot open the database postgres:\/\/me:\*\*\*@127\.0\.0\.1:\d+\/x: connection refused \(ECONNREFUSED\); check --db/,
    );
    expect((refused as Error).message).not.toContain('hunter2');
    const admin = new URL((await database()).url);
    admin.pathname = '/no_such_db';
    await expect(PostgresStorage.open(admin.toString())).rejects.toThrow(/database "no_such_db" does not exist \(3D000\); create it first/);
    await expect(PostgresStorage.open('sqlite:///tmp/x.db')).rejects.toThrow(/is not a PostgreSQL URL: expected postgres:\/\/USER@HOST:PORT\/DB/);
    await expect(PostgresStorage.open('postgres://127.0.0.1:5432/')).rejects.toThrow(/names no database/);
  });

  it('counts users without creating anything', async () => {
    const db = await database();
    expect(await countPostgresUsers(db.url)).toBe(0);
    const s = await open(db.url);
    await s.users.addUser({ name: 'a', role: 'lead', tokenLookup: 'l', tokenHash: 'h' });
    expect(await countPostgresUsers(db.url)).toBe(1);
  });
});

describe('connections', () => {
  it('warm() opens every pooled connection (10 queries, 4 locks, 2 hints); a burst of queries then opens none', async () => {
    const db = await database();
    const storage = await open(db.url, { poolSize: 10 });
    const count = async () => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const sql = "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'cuboid'";
        return (await c.query<{ n: number }>(sql)).rows[0].n;
      } finally {
        await c.end();
      }
    };
    await storage.warm();
    expect(await count()).toBe(16);
    // The pools are kept at their size (pg-pool's `min`): a burst finds its connections open.
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.getAnnotation(`f${i}`)));
    expect(await count()).toBe(16);
  });
});

describe('sessions', () => {
  it('lookups of one session in flight share one query; a logout is seen by the next lookup', async () => {
    const db = await database();
    const storage = await open(db.url);
    await storage.users.addUser({ name: 'ann', role: 'annotator', tokenLookup: 'l', tokenHash: 'h' });
    await storage.users.createSession({ idHash: 's1', userName: 'ann', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const pool = (storage.users as unknown as { pool: pg.Pool }).pool;
    const query = vi.spyOn(pool, 'query');
    // A frame open: calib, points and annotation ask at once.
    const found = await Promise.all([1, 2, 3].map(() => storage.users.findSession('s1', new Date())));
    expect(found.map((u) => u?.name)).toEqual(['ann', 'ann', 'ann']);
    expect(query).toHaveBeenCalledTimes(1);
    await storage.users.deleteSession('s1');
    expect(await storage.users.findSession('s1', new Date())).toBeNull();
  });
});

describe('what replicas share besides rows', () => {
  it('advisory locks keep two processes out of one key at once, and let other keys through', async () => {
    const db = await database();
    const pools = [testPool(db.url, 3), testPool(db.url, 3)];
    cleanup.push(async () => {
      for (const p of pools) await p.end();
    });
    const [one, two] = pools.map((p) => new PgAdvisoryLocks(p));
    const events: string[] = [];
    const hold = (locks: PgAdvisoryLocks, key: string, name: string) =>
      locks.run(key, async () => {
        events.push(`${name}+`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        events.push(`${name}-`);
      });
    await Promise.all([hold(one, 'frame-1', 'a'), hold(two, 'frame-1', 'b'), hold(two, 'frame-2', 'c')]);
    const ab = events.filter((e) => e.startsWith('a') || e.startsWith('b')).join(' ');
    expect(['a+ a- b+ b-', 'b+ b- a+ a-']).toContain(ab);
    expect(events.indexOf('c+')).toBeLessThan(Math.max(events.indexOf('a-'), events.indexOf('b-')));
    // A failing holder still releases the lock.
    await expect(one.run('frame-1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(two.run('frame-1', async () => 'free')).resolves.toBe('free');
  });

  it('a check summary asked of several replicas at once is computed by one of them', async () => {
    const db = await database();
    const stores = [await open(db.url), await open(db.url), await open(db.url)].map((s) => s.checkSummaries);
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { frameId: 'f', revision: 3, dictionaryVersion: 1, error: 1, warning: 2, info: 0 };
    };
    const key = { frameId: 'f', revision: 3, dictionaryVersion: 1 };
    const results = await Promise.all(stores.map((s) => computeOnce(s, key, compute)));
    expect(runs).toBe(1);
    for (const r of results) expect(r).toEqual({ frameId: 'f', revision: 3, dictionaryVersion: 1, error: 1, warning: 2, info: 0 });
    // A failure is shared too (except a full queue, which says nothing about the frame).
    const failing = async () => {
      runs++;
      throw new HttpError(422, 'frame_unreadable', 'velodyne/f.bin: truncated');
    };
    const k2 = { frameId: 'f', revision: 4, dictionaryVersion: 1 };
    await expect(computeOnce(stores[0], k2, failing)).rejects.toMatchObject({ status: 422, error: 'frame_unreadable' });
    await expect(computeOnce(stores[1], k2, failing)).rejects.toMatchObject({ status: 422, detail: 'velodyne/f.bin: truncated' });
    expect(runs).toBe(2);
    const busy = async () => {
      runs++;
      throw new HttpError(503, 'checks_busy', 'full');
    };
    const k3 = { frameId: 'f', revision: 5, dictionaryVersion: 1 };
    await expect(computeOnce(stores[0], k3, busy)).rejects.toMatchObject({ error: 'checks_busy' });
    await expect(computeOnce(stores[1], k3, compute)).resolves.toMatchObject({ error: 1 });
    expect(runs).toBe(4);
    expect((await stores[2].listLatest()).map((e) => [e.frameId, e.revision])).toEqual([['f', 5]]);
  });

  it('a claim left by a replica that died lapses and another computes', async () => {
    const db = await database();
    const s = await open(db.url);
    const store = new PostgresCheckSummaryStore((s as unknown as { pool: pg.Pool }).pool);
    expect(await store.claim('f', 1, 1, 200)).toEqual({ state: 'claimed' });
    expect((await store.claim('f', 1, 1, 200)).state).toBe('busy');
    const summary = await computeOnce(store, { frameId: 'f', revision: 1, dictionaryVersion: 1 }, async () => ({
      frameId: 'f',
      revision: 1,
      dictionaryVersion: 1,
      error: 0,
      warning: 0,
      info: 0,
    }));
    expect(summary.error).toBe(0);
  });
});
