import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../../../src/server/storage/SqliteStorage.ts';
import { SQLITE_MIGRATIONS } from '../../../../src/server/storage/sqliteMigrations.ts';
import { makeTempDir, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function openTemp(): { storage: SqliteStorage; file: string } {
  const dir = makeTempDir();
  dirs.push(dir);
  const file = path.join(dir, 'state', 'cuboid.db');
  return { storage: SqliteStorage.open(file), file };
}

describe('SqliteStorage', () => {
  it('creates the database in WAL mode with the versioned schema', async () => {
    const { storage, file } = openTemp();
    expect(storage.schemaVersions()).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    await storage.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('stores revisions 1, 2, ... and keeps every earlier one', async () => {
    const { storage } = openTemp();
    const r1 = await storage.saveAnnotation({ doc: sampleDoc('f1'), baseRevision: 0, user: 'ann', source: 'save' });
    expect(r1.ok && r1.doc.revision).toBe(1);
    const second = sampleDoc('f1', [sampleCuboid('a'), sampleCuboid('b', { center: [1, 2, 3] })]);
    const r2 = await storage.saveAnnotation({ doc: second, baseRevision: 1, user: 'bob', source: 'save' });
    expect(r2.ok && r2.doc.revision).toBe(2);
    expect((await storage.getAnnotation('f1'))?.cuboids.length).toBe(2);
    expect((await storage.getRevision('f1', 1))?.cuboids.length).toBe(1);
    expect((await storage.listRevisions('f1')).map((r) => [r.revision, r.savedBy, r.boxCount])).toEqual([
      [1, 'ann', 1],
      [2, 'bob', 2],
    ]);
  });

  it('keeps full float64 precision', async () => {
    const { storage } = openTemp();
    const center: [number, number, number] = [0.1 + 0.2, Math.PI * 1e5, -1 / 3];
    await storage.saveAnnotation({ doc: sampleDoc('f', [sampleCuboid('a', { center, yaw: Math.E })]), baseRevision: 0, user: null, source: 'save' });
    const back = await storage.getAnnotation('f');
    expect(back?.cuboids[0].center).toEqual(center);
    expect(back?.cuboids[0].yaw).toBe(Math.E);
  });

  it('refuses a stale base revision and returns the current document', async () => {
    const { storage } = openTemp();
    await storage.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 0, user: null, source: 'save' });
    const stale = await storage.saveAnnotation({ doc: sampleDoc('f', []), baseRevision: 0, user: null, source: 'save' });
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.current?.revision).toBe(1);
    const ahead = await storage.saveAnnotation({ doc: sampleDoc('f', []), baseRevision: 5, user: null, source: 'save' });
    expect(ahead.ok).toBe(false);
    expect((await storage.listRevisions('f')).length).toBe(1);
  });

  it('tracks frame state and dirty labels', async () => {
    const { storage } = openTemp();
    await storage.saveAnnotation({ doc: { ...sampleDoc('f'), status: 'accepted' }, baseRevision: 0, user: null, source: 'import' });
    const state = (await storage.listFrameStates()).get('f');
    expect(state).toMatchObject({ revision: 1, status: 'accepted', boxCount: 1, labelDirty: true });
    expect(await storage.listDirtyLabels()).toEqual(['f']);
    await storage.markLabelWritten('f', 0);
    expect(await storage.listDirtyLabels()).toEqual(['f']);
    await storage.markLabelWritten('f', 1);
    expect(await storage.listDirtyLabels()).toEqual([]);
  });

  it('logs who saved what and when', async () => {
    const { storage } = openTemp();
    await storage.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 0, user: 'ann', source: 'save' });
    await storage.logActivity({ user: 'ann', action: 'open', frameId: 'f', revision: 1, detail: { ms: 3 } });
    const log = await storage.listActivity();
    expect(log.map((e) => [e.action, e.user, e.frameId, e.revision])).toEqual([
      ['open', 'ann', 'f', 1],
      ['save', 'ann', 'f', 1],
    ]);
    expect(log[1].detail).toMatchObject({ boxCount: 1, status: 'in_progress' });
    expect(Number.isNaN(Date.parse(log[1].at))).toBe(false);
    expect(await storage.listActivity({ frameId: 'other' })).toEqual([]);
  });

  it('persists across reopen and applies only new migrations', async () => {
    const { storage, file } = openTemp();
    await storage.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 0, user: null, source: 'save' });
    await storage.close();
    const extra = [...SQLITE_MIGRATIONS, { version: 99, name: 'test table', sql: 'CREATE TABLE extra (x INTEGER)' }];
    const again = SqliteStorage.open(file, extra);
    expect(again.schemaVersions()).toEqual([...SQLITE_MIGRATIONS.map((m) => m.version), 99]);
    expect((await again.getAnnotation('f'))?.revision).toBe(1);
    await again.close();
  });

  it('refuses a database from a newer Cuboid', async () => {
    const { storage, file } = openTemp();
    await storage.close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (500, 'future', 'now')").run();
    db.close();
    expect(() => SqliteStorage.open(file)).toThrow(/schema version 500 is newer/);
  });
});
