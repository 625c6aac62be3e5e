import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKittiLabel } from '../../../src/domain/kitti/parseKittiLabel.ts';
import { openWorkspace } from '../../../src/server/openWorkspace.ts';
import { DEFAULT_AUTOSAVE_POLICY } from '../../../src/server/storage/revisionCompaction.ts';
import { makeKittiDataset, makeTempDir } from './fixtures/makeDataset.ts';
import { spawnSaveLoop } from './fixtures/spawnSaveLoop.ts';

let root: string;
beforeAll(() => {
  root = makeTempDir();
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('a process killed with SIGKILL in the middle of saving', () => {
  it.each([
    ['after a few saves', 5, 0],
    ['mid-stream', 25, 3],
    ['later, at an odd moment', 60, 7],
  ])('%s leaves the last good label file and a readable database', async (_name, afterSaves, delayMs) => {
    const dataDir = makeKittiDataset(path.join(root, `data-${afterSaves}`), { ids: ['000001'], calib: [] });
    const stateDir = path.join(root, `state-${afterSaves}`);
    const loop = spawnSaveLoop(dataDir, stateDir, '000001', 100_000, 'w');
    await loop.waitForSaves(afterSaves);
    await new Promise((r) => setTimeout(r, delayMs));
    loop.child.kill('SIGKILL');
    const exit = await loop.exited;
    expect(exit.signal).toBe('SIGKILL');
    const acknowledged = loop.saved.at(-1) ?? 0;
    expect(acknowledged).toBeGreaterThanOrEqual(afterSaves);

    // The database opens, passes SQLite's integrity check and holds every acknowledged save.
    const db = new Database(path.join(stateDir, 'cuboid.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const current = db.prepare("SELECT revision FROM annotations WHERE frame_id = '000001'").get() as { revision: number };
    const revisions = (db.prepare("SELECT revision FROM revisions WHERE frame_id = '000001' ORDER BY revision").all() as { revision: number }[]).map(
      (r) => r.revision,
    );
    db.close();
    expect(current.revision).toBeGreaterThanOrEqual(acknowledged);
    // Autosaves are compacted: the newest ones stay, in an unbroken run up to the current revision
    // (plus at most one per hour that the run crossed).
    const recent = Math.min(DEFAULT_AUTOSAVE_POLICY.recent, current.revision);
    expect(revisions.slice(-recent)).toEqual(Array.from({ length: recent }, (_, i) => current.revision - recent + 1 + i));
    expect(revisions.length).toBeLessThanOrEqual(recent + 2);

    // The label file on disk is complete, parses, and is exactly the text of a stored revision
    // (the current one, or the one before if the kill fell between the commit and the rename).
    const labelFile = path.join(stateDir, 'label_2', '000001.txt');
    const text = fs.readFileSync(labelFile, 'utf8');
    expect(() => parseKittiLabel(text)).not.toThrow();
    const ws = await openWorkspace({ dataDir, stateDir }); // also rewrites a stale label
    const frame = ws.dataset.get('000001')!;
    const texts = new Map<number, string>();
    for (const rev of [current.revision, current.revision - 1]) {
      const doc = rev > 0 ? await ws.storage.getRevision('000001', rev) : null;
      if (doc !== null) texts.set(rev, await ws.service.formatLabel(frame, doc));
    }
    expect([...texts.values()]).toContain(text);
    // After reopening, the label matches the current revision and nothing is dirty.
    expect(fs.readFileSync(labelFile, 'utf8')).toBe(texts.get(current.revision));
    expect(await ws.storage.listDirtyLabels()).toEqual([]);
    await ws.close();
  });
});

describe('two processes saving the same frame', () => {
  it('lose nothing: every save of both is a revision, and conflicts were retried', async () => {
    const dataDir = makeKittiDataset(path.join(root, 'data-mp'), { ids: ['000001'], calib: [] });
    const stateDir = path.join(root, 'state-mp');
    fs.mkdirSync(stateDir, { recursive: true });
    // Create the database first so both children only open it.
    await (await openWorkspace({ dataDir, stateDir })).close();
    const a = spawnSaveLoop(dataDir, stateDir, '000001', 40, 'a');
    const b = spawnSaveLoop(dataDir, stateDir, '000001', 40, 'b');
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect([ea.code, eb.code, ea.stderr + eb.stderr]).toEqual([0, 0, '']);
    const ws = await openWorkspace({ dataDir, stateDir });
    // Every acknowledged save got its own revision: 1..80, none claimed twice.
    expect([...a.saved, ...b.saved].sort((x, y) => x - y)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const boxOf = new Map([...a.boxOf, ...b.boxOf]);
    expect(new Set(boxOf.values()).size).toBe(80);
    // The activity log has a line for each, by its author.
    const saves = (await ws.storage.listActivity({ frameId: '000001', limit: 1000 })).filter((e) => e.action === 'save');
    expect(saves.map((e) => e.revision).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    for (const e of saves) expect(boxOf.get(e.revision ?? 0)?.startsWith(e.user ?? '?')).toBe(true);
    // The history keeps the newest autosaves (compacted), each adding exactly the box its author acknowledged.
    const history = await ws.storage.listRevisions('000001');
    expect(history.length).toBeGreaterThanOrEqual(DEFAULT_AUTOSAVE_POLICY.recent);
    for (const info of history) {
      const doc = await ws.storage.getRevision('000001', info.revision);
      expect(doc!.cuboids.at(-1)!.id).toBe(boxOf.get(info.revision));
    }
    // And the current document holds the last 20 acknowledged boxes in revision order: no update lost.
    const current = await ws.storage.getAnnotation('000001');
    expect(current!.cuboids.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => boxOf.get(61 + i)));
    await ws.close();
  });
});
