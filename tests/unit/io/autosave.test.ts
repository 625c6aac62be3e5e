import { describe, expect, it } from 'vitest';
import { createAutosave } from '../../../src/io/autosave.ts';
import { createJournal, createMemoryStorage, type KeyValueStorage } from '../../../src/io/journal.ts';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { createStoreAutosaveHost } from '../../../src/state/autosaveHost.ts';
import { addCuboid, createCuboid, updateCuboid } from '../../../src/domain/document/cuboidOps.ts';
import { emptyAnnotation, type FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { FakeClock, FakeServer, httpError } from './autosaveFakes.ts';

const car = (id: string, x = 10) => createCuboid({ id, trackId: null, label: 'Car', center: [x, 0, -0.9], size: [4, 1.7, 1.5], yaw: 0, source: 'manual' });

/** A page: store + autosave over a shared server and storage (a reload = a new page, same storage). */
function page(server: FakeServer, storage: KeyValueStorage = createMemoryStorage(), clock = new FakeClock()) {
  const store = createAppStore();
  const journal = createJournal(storage, 'kitti');
  const autosave = createAutosave({ host: createStoreAutosaveHost(store), target: server, journal, clock });
  const open = (frameId: string) => autosave.openDoc(server.current(frameId));
  const edit = (fn: (d: FrameAnnotation) => FrameAnnotation) => store.getState().applyDocChange(fn);
  return { store, journal, autosave, clock, storage, open, edit, save: () => store.getState().save };
}

/** Lets pending promise callbacks run. */
async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('autosave: debounce and journal', () => {
  it('journals every edit at once and saves once after a second of quiet', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('000001');
    expect(p.save()).toMatchObject({ status: 'saved', lastSavedRevision: 0 });
    p.edit((d) => addCuboid(d, car('a')));
    expect(p.save().status).toBe('dirty');
    expect(p.journal.read('000001')).toMatchObject({ baseRevision: 0, doc: { cuboids: [{ id: 'a' }] } });
    p.clock.advance(900);
    p.edit((d) => updateCuboid(d, 'a', { center: [11, 0, -0.9] }));
    p.clock.advance(900);
    expect(server.calls).toHaveLength(0);
    p.clock.advance(100);
    expect(p.save().status).toBe('saving');
    await p.autosave.idle();
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]).toMatchObject({ frameId: '000001', baseRevision: 0 });
    expect(server.current('000001')).toMatchObject({ revision: 1, cuboids: [{ id: 'a', center: [11, 0, -0.9] }] });
    expect(p.save()).toMatchObject({ status: 'saved', lastSavedRevision: 1, lastSavedAt: p.clock.now(), error: null });
    expect(p.journal.read('000001')).toBeNull();
  });

  it('saves edits made during a save on top of the new revision', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    p.edit((d) => addCuboid(d, car('a')));
    p.clock.advance(1000);
    p.edit((d) => addCuboid(d, car('b', 20)));
    expect(p.journal.read('f')?.baseRevision).toBe(0);
    await p.autosave.idle();
    expect(server.calls.map((c) => c.baseRevision)).toEqual([0, 1]);
    expect(server.current('f').cuboids.map((c) => c.id)).toEqual(['a', 'b']);
    expect(p.save()).toMatchObject({ status: 'saved', lastSavedRevision: 2 });
    expect(p.journal.read('f')).toBeNull();
  });

  it('treats undo and redo as edits', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    p.edit((d) => addCuboid(d, car('a')));
    await p.autosave.saveNow();
    p.store.temporal.getState().undo();
    expect(p.save().status).toBe('dirty');
    await p.autosave.saveNow();
    expect(server.current('f')).toMatchObject({ revision: 2, cuboids: [] });
  });

  it('saveNow skips the debounce; selection and view changes save nothing', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    p.store.getState().setColorMode('intensity');
    p.store.getState().select(['x']);
    await p.autosave.saveNow();
    expect(server.calls).toHaveLength(0);
    p.edit((d) => addCuboid(d, car('a')));
    await p.autosave.saveNow();
    expect(server.calls).toHaveLength(1);
    expect(p.clock.pending()).toBe(0);
  });
});

describe('autosave: failures and conflicts', () => {
  it('retries a network failure and keeps the journal meanwhile', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    p.edit((d) => addCuboid(d, car('a')));
    server.failNext = httpError(0, 'network down');
    await p.autosave.saveNow();
    expect(p.save()).toMatchObject({ status: 'error', error: { kind: 'network', detail: 'network down' } });
    expect(p.journal.read('f')).not.toBeNull();
    p.clock.advance(5000);
    await p.autosave.idle();
    expect(p.save()).toMatchObject({ status: 'saved', lastSavedRevision: 1, error: null });
  });

  it('does not retry a rejected document by itself', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    p.edit((d) => addCuboid(d, car('a')));
    server.failNext = httpError(400, 'cuboids.0.size: too small');
    await p.autosave.saveNow();
    expect(p.save().status).toBe('error');
    expect(p.clock.pending()).toBe(0);
    expect(p.journal.read('f')?.doc.cuboids).toHaveLength(1);
  });

  it('on 409 shows both versions, never overwrites, and stops saving', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    // Both add a box with the same id in different places: the same box changed differently.
    const theirs = server.saveAsOther({ ...emptyAnnotation('f'), cuboids: [car('mine', 30)] });
    p.edit((d) => addCuboid(d, car('mine')));
    await p.autosave.saveNow();
    const { status, conflict } = p.save();
    expect(status).toBe('conflict');
    expect(conflict?.theirs).toEqual(theirs);
    expect(conflict?.mine.cuboids.map((c) => c.id)).toEqual(['mine']);
    expect(conflict?.boxes).toEqual(['mine']);
    expect(server.current('f')).toEqual(theirs);
    p.edit((d) => addCuboid(d, car('mine2', 40)));
    p.clock.advance(10_000);
    await p.autosave.idle();
    expect(server.calls).toHaveLength(1);
    expect(p.save().conflict?.mine.cuboids).toHaveLength(2);
    expect(p.journal.read('f')?.doc.cuboids).toHaveLength(2);
  });

  it('on 409 merges at once when the other save changed other boxes, and saves the merge on their revision', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    server.saveAsOther({ ...emptyAnnotation('f'), cuboids: [car('other', 30)] });
    p.edit((d) => addCuboid(d, car('mine')));
    await p.autosave.saveNow();
    await p.autosave.idle();
    expect(p.save()).toMatchObject({ status: 'saved', lastSavedRevision: 2, conflict: null });
    expect(server.current('f').cuboids.map((c) => c.id)).toEqual(['other', 'mine']);
    expect(p.store.getState().doc?.cuboids.map((c) => c.id)).toEqual(['other', 'mine']);
    expect(p.store.getState().ui.message?.text).toMatch(/touch different boxes and are merged/);
    expect(p.journal.read('f')).toBeNull();
  });

  it('a conflict names the revision the local edits were really based on', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    p.edit((d) => addCuboid(d, car('mine')));
    await p.autosave.saveNow();
    expect(p.save().lastSavedRevision).toBe(1);
    // Someone moves the same box; this page moves it elsewhere, based on revision 1.
    server.saveAsOther({ ...emptyAnnotation('f'), revision: 1, cuboids: [car('mine', 30)] });
    p.edit((d) => ({ ...d, cuboids: d.cuboids.map((c) => ({ ...c, center: [12, 0, -0.9] as [number, number, number] })) }));
    await p.autosave.saveNow();
    expect(p.save().status).toBe('conflict');
    expect(p.save().conflict?.mine.revision).toBe(1);
    expect(p.save().conflict?.theirs.revision).toBe(2);
  });

  it("resolving with 'mine' saves the local version on top of theirs", async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    server.saveAsOther({ ...emptyAnnotation('f'), cuboids: [car('mine', 30)] });
    p.edit((d) => addCuboid(d, car('mine')));
    await p.autosave.saveNow();
    await p.autosave.resolveConflict('mine');
    expect(server.current('f')).toMatchObject({ revision: 2, cuboids: [{ id: 'mine' }] });
    expect(p.save()).toMatchObject({ status: 'saved', lastSavedRevision: 2, conflict: null });
    expect(p.journal.read('f')).toBeNull();
  });

  it("resolving with 'theirs' loads theirs and keeps mine in the recovery slot", async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    const theirs = server.saveAsOther({ ...emptyAnnotation('f'), cuboids: [car('mine', 30)] });
    p.edit((d) => addCuboid(d, car('mine')));
    await p.autosave.saveNow();
    await p.autosave.resolveConflict('theirs');
    expect(p.store.getState().doc).toEqual(theirs);
    expect(p.store.temporal.getState().pastStates).toHaveLength(0);
    expect(p.save()).toMatchObject({ status: 'saved', lastSavedRevision: 1, conflict: null });
    expect(p.journal.readRecovery('f')?.doc.cuboids.map((c) => c.id)).toEqual(['mine']);
    expect(p.journal.read('f')).toBeNull();
    expect(server.calls).toHaveLength(1);
    // Editing theirs now saves normally.
    p.edit((d) => addCuboid(d, car('next', 50)));
    await p.autosave.saveNow();
    expect(server.current('f').revision).toBe(2);
  });
});

describe('autosave: reloads and frame switches', () => {
  it('replays unsaved work after a reload and saves it', async () => {
    const server = new FakeServer();
    const storage = createMemoryStorage();
    const before = page(server, storage);
    before.open('f');
    before.edit((d) => addCuboid(d, car('a')));
    before.autosave.dispose(); // the tab dies before the debounce fires
    expect(server.calls).toHaveLength(0);

    const after = page(server, storage);
    const opened = after.open('f');
    expect(opened.cuboids.map((c) => c.id)).toEqual(['a']);
    expect(after.store.getState().doc?.cuboids.map((c) => c.id)).toEqual(['a']);
    expect(after.store.getState().ui.message?.text).toMatch(/Restored unsaved changes/);
    await after.autosave.idle();
    expect(server.current('f')).toMatchObject({ revision: 1, cuboids: [{ id: 'a' }] });
    expect(after.save()).toMatchObject({ status: 'saved', lastSavedRevision: 1 });
    expect(after.journal.read('f')).toBeNull();
  });

  it('drops a journal whose content the server already has', () => {
    const server = new FakeServer();
    const storage = createMemoryStorage();
    const p = page(server, storage);
    const saved = server.saveAsOther({ ...emptyAnnotation('f'), cuboids: [car('a')] });
    p.journal.write({ frameId: 'f', baseRevision: 0, doc: { ...saved, revision: 0 }, writtenAt: 1 });
    p.open('f');
    expect(p.save().status).toBe('saved');
    expect(p.journal.read('f')).toBeNull();
  });

  it('opens in conflict when the journal is based on an older revision than the server', () => {
    const server = new FakeServer();
    const p = page(server);
    const mine = { ...emptyAnnotation('f'), cuboids: [car('mine')] };
    p.journal.write({ frameId: 'f', baseRevision: 0, doc: mine, writtenAt: 1 });
    const theirs = server.saveAsOther({ ...emptyAnnotation('f'), cuboids: [car('other')] });
    p.open('f');
    expect(p.save()).toMatchObject({ status: 'conflict', conflict: { mine, theirs } });
    expect(p.store.getState().doc).toEqual(mine);
  });

  it('a frame switch sends the frame being left and reports only the new frame', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f1');
    p.edit((d) => addCuboid(d, car('a')));
    p.open('f2');
    expect(p.store.getState().doc?.frameId).toBe('f2');
    expect(p.save()).toMatchObject({ status: 'saved', lastSavedRevision: 0 });
    await p.autosave.idle();
    expect(server.current('f1')).toMatchObject({ revision: 1, cuboids: [{ id: 'a' }] });
    expect(p.save().lastSavedRevision).toBe(0);
    expect(p.journal.read('f1')).toBeNull();
  });

  it('reopening the frame being edited keeps the local work', async () => {
    const server = new FakeServer();
    const p = page(server);
    p.open('f');
    p.edit((d) => addCuboid(d, car('a')));
    p.open('f');
    expect(p.store.getState().doc?.cuboids).toHaveLength(1);
    await p.autosave.saveNow();
    await flushMicrotasks();
    expect(server.current('f').cuboids).toHaveLength(1);
  });

  it('warns once when the local backup cannot be written', () => {
    const server = new FakeServer();
    const warnings = new Set<number>();
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const p = page(server, full);
    p.store.subscribe((s, prev) => {
      if (s.ui.message !== prev.ui.message && s.ui.message?.level === 'warning') warnings.add(s.ui.message.id);
    });
    p.open('f');
    p.edit((d) => addCuboid(d, car('a')));
    p.edit((d) => addCuboid(d, car('b')));
    expect(warnings.size).toBe(1);
    expect(p.store.getState().ui.message?.text).toMatch(/Local backup is full/);
  });
});
