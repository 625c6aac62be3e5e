import { describe, expect, it } from 'vitest';
import { createBatchDocs, type BatchDocState } from '../../../src/io/batchDocs.ts';
import { createJournal, createMemoryStorage } from '../../../src/io/journal.ts';
import { addCuboid, createCuboid, updateCuboid } from '../../../src/domain/document/cuboidOps.ts';
import type { FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { FakeClock, FakeServer, httpError } from './autosaveFakes.ts';

const car = (id: string, x = 10) => createCuboid({ id, trackId: 't1', label: 'Car', center: [x, 0, -0.9], size: [4, 1.7, 1.5], yaw: 0, source: 'manual' });
const moveTo = (id: string, x: number) => (d: FrameAnnotation) => updateCuboid(d, id, { center: [x, 0, -0.9] });

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** A server with frames f1 and f2 (box a in each), batch docs over it, and what they reported. */
function setup() {
  const server = new FakeServer();
  for (const f of ['f1', 'f2']) server.saveAsOther(addCuboid(server.current(f), car('a')));
  const clock = new FakeClock();
  const reports: Record<string, BatchDocState[]> = {};
  const storage = createMemoryStorage();
  const journal = createJournal(storage, 'seq');
  const docs = createBatchDocs({
    target: { saveAnnotation: (...a) => server.saveAnnotation(...a), getAnnotation: async (id) => server.current(id) },
    host: { report: (id, s) => (reports[id] ??= []).push(s) },
    journal,
    clock,
    debounceMs: 400,
    retryMs: 3000,
  });
  const last = (id: string) => reports[id]?.at(-1);
  return { server, clock, docs, journal, last };
}

describe('batch docs: saves of other frames', () => {
  it('applies an edit to that frame only and saves it once after the quiet time, with its loaded revision', async () => {
    const { server, clock, docs, last } = setup();
    await docs.load('f1');
    await docs.load('f2');
    expect(last('f1')).toMatchObject({ status: 'saved', revision: 1 });
    expect(docs.edit('f1', moveTo('a', 11))).toBe(true);
    expect(docs.edit('f1', moveTo('a', 12))).toBe(true);
    expect(last('f1')?.status).toBe('dirty');
    expect(docs.get('f2')?.cuboids[0].center[0]).toBe(10);
    clock.advance(399);
    expect(server.calls).toHaveLength(0);
    clock.advance(1);
    await settle();
    expect(server.calls.map((c) => [c.frameId, c.baseRevision])).toEqual([['f1', 1]]);
    expect(server.current('f1')).toMatchObject({ revision: 2, cuboids: [{ center: [12, 0, -0.9] }] });
    expect(server.current('f2').revision).toBe(1);
    expect(last('f1')).toMatchObject({ status: 'saved', revision: 2 });
    // A change that changes nothing is not an edit.
    expect(docs.edit('f1', (d) => d)).toBe(false);
    expect(docs.edit('nope', moveTo('a', 1))).toBe(false);
  });

  it('sends an edit made during a save after it, on the new revision: in edit order, nothing lost', async () => {
    const { server, clock, docs, last } = setup();
    await docs.load('f1');
    docs.edit('f1', moveTo('a', 11));
    clock.advance(400);
    expect(last('f1')?.status).toBe('saving');
    docs.edit('f1', moveTo('a', 13));
    clock.advance(400);
    await settle();
    expect(server.calls.map((c) => [c.baseRevision, c.doc.cuboids[0].center[0]])).toEqual([
      [1, 11],
      [2, 13],
    ]);
    expect(server.current('f1')).toMatchObject({ revision: 3, cuboids: [{ center: [13, 0, -0.9] }] });
    expect(last('f1')).toMatchObject({ status: 'saved', revision: 3 });
  });

  it('merges when someone else changed another box, and stops in conflict when they changed the same one', async () => {
    const { server, clock, docs, last } = setup();
    await docs.load('f1');
    await docs.load('f2');
    server.saveAsOther(addCuboid(server.current('f1'), car('b', 30)));
    docs.edit('f1', moveTo('a', 11));
    clock.advance(400);
    await settle();
    expect(server.current('f1').cuboids.map((c) => [c.id, c.center[0]])).toEqual([
      ['a', 11],
      ['b', 30],
    ]);
    expect(last('f1')?.status).toBe('saved');

    server.saveAsOther(updateCuboid(server.current('f2'), 'a', { yaw: 1 }));
    docs.edit('f2', moveTo('a', 15));
    clock.advance(400);
    await settle();
    expect(last('f2')).toMatchObject({ status: 'conflict', conflictBoxes: ['a'] });
    const sent = server.calls.length;
    docs.edit('f2', moveTo('a', 16));
    clock.advance(5000);
    await settle();
    expect(server.calls.length).toBe(sent);
    await docs.resolve('f2', 'mine');
    expect(server.current('f2')).toMatchObject({ revision: 3, cuboids: [{ center: [16, 0, -0.9], yaw: 0 }] });
    expect(last('f2')?.status).toBe('saved');
  });

  it("takes the server's version when asked, keeping mine in the recovery slot", async () => {
    const { server, clock, docs, journal, last } = setup();
    await docs.load('f1');
    server.saveAsOther(updateCuboid(server.current('f1'), 'a', { yaw: 1 }));
    docs.edit('f1', moveTo('a', 15));
    clock.advance(400);
    await settle();
    expect(last('f1')?.status).toBe('conflict');
    await docs.resolve('f1', 'theirs');
    expect(docs.get('f1')).toMatchObject({ revision: 2, cuboids: [{ yaw: 1, center: [10, 0, -0.9] }] });
    expect(journal.readRecovery('f1')?.doc.cuboids[0].center[0]).toBe(15);
    expect(journal.read('f1')).toBeNull();
    expect(docs.unsaved()).toEqual([]);
  });

  it('journals unsaved work until the server has it, retries a network failure and reports it', async () => {
    const { server, clock, docs, journal, last } = setup();
    await docs.load('f1');
    docs.edit('f1', moveTo('a', 11));
    expect(journal.read('f1')).toMatchObject({ baseRevision: 1, doc: { cuboids: [{ center: [11, 0, -0.9] }] } });
    server.failNext = httpError(0, 'offline');
    clock.advance(400);
    await settle();
    expect(last('f1')).toMatchObject({ status: 'error' });
    expect(last('f1')?.error).toContain('offline');
    expect(docs.unsaved()).toEqual(['f1']);
    clock.advance(3000);
    await settle();
    expect(last('f1')).toMatchObject({ status: 'saved', error: null, revision: 2 });
    expect(journal.read('f1')).toBeNull();
  });

  it('does not retry a refusal (a locked frame) and keeps the work', async () => {
    const { server, clock, docs, last } = setup();
    await docs.load('f1');
    server.failNext = httpError(423, 'frame is submitted');
    docs.edit('f1', moveTo('a', 11));
    clock.advance(400);
    await settle();
    expect(last('f1')?.status).toBe('error');
    clock.advance(60_000);
    await settle();
    expect(server.calls).toHaveLength(1);
    expect(docs.unsaved()).toEqual(['f1']);
  });

  it('flush sends everything now; undo takes back the last edit of that frame and saves it', async () => {
    const { server, docs } = setup();
    await docs.load('f1');
    await docs.load('f2');
    docs.edit('f1', moveTo('a', 11));
    docs.edit('f2', moveTo('a', 21));
    docs.edit('f2', moveTo('a', 22));
    await docs.flush();
    expect(server.current('f1').cuboids[0].center[0]).toBe(11);
    expect(server.current('f2').cuboids[0].center[0]).toBe(22);
    expect(docs.undo('f2')).toBe(true);
    await docs.flush();
    expect(server.current('f2')).toMatchObject({ revision: 3, cuboids: [{ center: [21, 0, -0.9] }] });
    expect(docs.undo('f1')).toBe(true);
    expect(docs.undo('f1')).toBe(false);
    await docs.flush();
    expect(server.current('f1').cuboids[0].center[0]).toBe(10);
  });

  it('redo makes again what undo took back, until a new edit there', async () => {
    const { server, docs } = setup();
    await docs.load('f2');
    docs.edit('f2', moveTo('a', 21));
    docs.edit('f2', moveTo('a', 22));
    expect(docs.redo('f2')).toBe(false);
    expect(docs.undo('f2')).toBe(true);
    expect(docs.undo('f2')).toBe(true);
    expect(docs.get('f2')?.cuboids[0].center[0]).not.toBe(21);
    expect(docs.redo('f2')).toBe(true);
    expect(docs.get('f2')?.cuboids[0].center[0]).toBe(21);
    expect(docs.redo('f2')).toBe(true);
    await docs.flush();
    expect(server.current('f2').cuboids[0].center[0]).toBe(22);
    expect(docs.undo('f2')).toBe(true);
    docs.edit('f2', moveTo('a', 25));
    expect(docs.redo('f2')).toBe(false);
    expect(docs.undo('f2')).toBe(true);
    expect(docs.get('f2')?.cuboids[0].center[0]).toBe(21);
  });
});
