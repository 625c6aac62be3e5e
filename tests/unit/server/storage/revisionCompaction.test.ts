import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { DEFAULT_AUTOSAVE_POLICY } from '../../../../src/server/storage/revisionCompaction.ts';
import { SqliteStorage } from '../../../../src/server/storage/SqliteStorage.ts';
import type { RevisionSource } from '../../../../src/server/storage/Storage.ts';
import { makeTempDir, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function openTemp(): { storage: SqliteStorage; file: string } {
  const dir = makeTempDir();
  dirs.push(dir);
  const file = path.join(dir, 'cuboid.db');
  return { storage: SqliteStorage.open(file), file };
}

/** Saves `doc` on top of the frame's current revision; returns the new revision. */
async function save(storage: SqliteStorage, doc: FrameAnnotation, source: RevisionSource = 'save'): Promise<number> {
  const current = (await storage.getAnnotation(doc.frameId))?.revision ?? 0;
  const r = await storage.saveAnnotation({ doc, baseRevision: current, user: 'ann', source });
  if (!r.ok) throw new Error('conflict');
  return r.doc.revision;
}

const boxes = (n: number) => Array.from({ length: n }, (_, i) => sampleCuboid(`b${i}`, { center: [5 + i * 0.01, (i % 40) - 20, -0.9] }));

describe('autosave revisions are compacted; review steps and imports are kept', () => {
  it('keeps the import, every review revision and the last 20 autosaves; the activity log keeps every save', async () => {
    const { storage } = openTemp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T09:10:00Z')); // one hour: only the recent rule applies
    expect(DEFAULT_AUTOSAVE_POLICY.recent).toBe(20);
    await save(storage, sampleDoc('f', [sampleCuboid('imported')]), 'import'); // 1
    for (let i = 0; i < 4; i++) await save(storage, sampleDoc('f', boxes(i + 1))); // 2-5
    const submitted = await save(storage, { ...sampleDoc('f', boxes(4)), status: 'submitted' }, 'review'); // 6
    for (let i = 0; i < 30; i++) await save(storage, sampleDoc('f', boxes(i + 5))); // 7-36
    const history = await storage.listRevisions('f');
    expect(history.map((r) => r.revision)).toEqual([1, submitted, ...Array.from({ length: 20 }, (_, i) => 17 + i)]);
    expect(history.map((r) => r.source).slice(0, 2)).toEqual(['import', 'review']);
    expect(await storage.getRevision('f', 3)).toBeNull();
    expect((await storage.getRevision('f', submitted))?.status).toBe('submitted');
    expect((await storage.getAnnotation('f'))?.revision).toBe(36);
    const saves = (await storage.listActivity({ frameId: 'f', limit: 1000 })).filter((a) => a.action === 'save');
    expect(saves.map((a) => a.revision).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([2, 3, 4, 5, ...Array.from({ length: 30 }, (_, i) => 7 + i)]);
  });

  it('keeps the last autosave of each hour beyond the recent ones', async () => {
    const { storage } = openTemp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T09:10:00Z'));
    for (let i = 0; i < 5; i++) await save(storage, sampleDoc('f', boxes(i + 1))); // 1-5 in hour 09
    vi.setSystemTime(new Date('2026-05-04T10:00:00Z'));
    for (let i = 0; i < 25; i++) await save(storage, sampleDoc('f', boxes(i + 1))); // 6-30 in hour 10
    const kept = (await storage.listRevisions('f')).map((r) => r.revision);
    expect(kept).toEqual([5, ...Array.from({ length: 20 }, (_, i) => 11 + i)]);
  });

  it('bounds the space a 1,000-box frame takes however often it is autosaved', async () => {
    const { storage, file } = openTemp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T09:10:00Z'));
    const doc = sampleDoc('big', boxes(1000));
    const docBytes = JSON.stringify(doc).length;
    for (let i = 0; i < 60; i++) await save(storage, { ...doc, cuboids: doc.cuboids.map((c, j) => (j === i ? { ...c, yaw: 1 } : c)) });
    await storage.close();
    const db = new Database(file, { readonly: true });
    const { n, bytes } = db.prepare("SELECT COUNT(*) AS n, SUM(LENGTH(doc)) AS bytes FROM revisions WHERE frame_id = 'big'").get() as {
      n: number;
      bytes: number;
    };
    db.close();
    expect(n).toBe(20);
    expect(bytes).toBeLessThan(21 * docBytes);
  });
});
