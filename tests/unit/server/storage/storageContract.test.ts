import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashSessionId } from '../../../../src/server/auth/tokens.ts';
import type { Storage } from '../../../../src/server/storage/Storage.ts';
import { UserExistsError } from '../../../../src/server/storage/UserStore.ts';
import { openTestStorage, TEST_BACKEND, type TestStorage } from '../../../helpers/testDatabase.ts';
import { sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';

// The Storage contract, on the backend of this run: SQLite under the default config, PostgreSQL
// under vitest.postgres.config.ts (CUBOID_TEST_BACKEND=postgres). Both must behave alike.
const open: TestStorage[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const s of open.splice(0)) await s.close();
});

async function fresh(autosaves?: { recent: number }): Promise<Storage> {
  const s = await openTestStorage(undefined, autosaves);
  open.push(s);
  return s.storage;
}

const boxes = (n: number) => Array.from({ length: n }, (_, i) => sampleCuboid(`b${i}`, { center: [5 + i * 0.01, (i % 40) - 20, -0.9] }));

async function saveOnTop(storage: Storage, doc: ReturnType<typeof sampleDoc>, source: 'save' | 'import' | 'review' = 'save'): Promise<number> {
  const current = (await storage.getAnnotation(doc.frameId))?.revision ?? 0;
  const r = await storage.saveAnnotation({ doc, baseRevision: current, user: 'ann', source });
  if (!r.ok) throw new Error('conflict');
  return r.doc.revision;
}

describe(`Storage contract (${TEST_BACKEND})`, () => {
  it('stores revisions 1, 2, ... with their history, exact to the last float64 bit', async () => {
    const storage = await fresh();
    const center: [number, number, number] = [0.1 + 0.2, Math.PI * 1e5, -1 / 3];
    const r1 = await storage.saveAnnotation({ doc: sampleDoc('f1'), baseRevision: 0, user: 'ann', source: 'save' });
    expect(r1.ok && r1.doc.revision).toBe(1);
    const second = sampleDoc('f1', [sampleCuboid('a', { center, yaw: Math.E }), sampleCuboid('b')]);
    const r2 = await storage.saveAnnotation({ doc: second, baseRevision: 1, user: 'bob', source: 'save' });
    expect(r2.ok && r2.doc.revision).toBe(2);
    const back = await storage.getAnnotation('f1');
    expect(back?.cuboids[0].center).toEqual(center);
    expect(back?.cuboids[0].yaw).toBe(Math.E);
    expect((await storage.getRevision('f1', 1))?.cuboids.length).toBe(1);
    expect(await storage.getRevision('f1', 7)).toBeNull();
    expect(await storage.getRevision('nope', 1)).toBeNull();
    const history = await storage.listRevisions('f1');
    expect(history.map((r) => [r.revision, r.savedBy, r.boxCount, r.source])).toEqual([
      [1, 'ann', 1, 'save'],
      [2, 'bob', 2, 'save'],
    ]);
    expect(history[0].savedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuses a stale, future or odd base revision and returns the current document', async () => {
    const storage = await fresh();
    const none = await storage.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 3, user: null, source: 'save' });
    expect(none).toEqual({ ok: false, current: null });
    await storage.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 0, user: null, source: 'save' });
    for (const base of [0, 5, -1, 1.5, Number.MAX_SAFE_INTEGER]) {
      const stale = await storage.saveAnnotation({ doc: sampleDoc('f', []), baseRevision: base, user: null, source: 'save' });
      expect(stale.ok).toBe(false);
      expect(!stale.ok && stale.current?.revision).toBe(1);
    }
    expect((await storage.listRevisions('f')).length).toBe(1);
  });

  it('lets exactly one of many concurrent saves on one base commit', async () => {
    const storage = await fresh();
    await storage.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 0, user: null, source: 'save' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => storage.saveAnnotation({ doc: sampleDoc('f', boxes(i + 1)), baseRevision: 1, user: `u${i}`, source: 'save' })),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners.length).toBe(1);
    for (const r of results) if (!r.ok) expect(r.current?.revision).toBe(2);
    expect((await storage.listRevisions('f')).map((r) => r.revision)).toEqual([1, 2]);
    expect((await storage.getAnnotation('f'))?.cuboids.length).toBe(winners[0].ok ? winners[0].doc.cuboids.length : -1);
  });

  it('lets exactly one of many concurrent first saves of a frame commit', async () => {
    const storage = await fresh();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => storage.saveAnnotation({ doc: sampleDoc('g', boxes(i + 1)), baseRevision: 0, user: null, source: 'import' })),
    );
    expect(results.filter((r) => r.ok).length).toBe(1);
    expect((await storage.listRevisions('g')).length).toBe(1);
  });

  it('tracks frame states and dirty labels', async () => {
    const storage = await fresh();
    await storage.saveAnnotation({ doc: { ...sampleDoc('f'), status: 'accepted' }, baseRevision: 0, user: 'lee', source: 'import' });
    await storage.saveAnnotation({ doc: sampleDoc('e'), baseRevision: 0, user: null, source: 'save' });
    const state = (await storage.listFrameStates()).get('f');
    expect(state).toMatchObject({ frameId: 'f', revision: 1, status: 'accepted', boxCount: 1, labelDirty: true, updatedBy: 'lee' });
    expect(Number.isNaN(Date.parse(state?.updatedAt ?? ''))).toBe(false);
    expect(await storage.listDirtyLabels()).toEqual(['e', 'f']);
    await storage.markLabelWritten('f', 0);
    expect(await storage.listDirtyLabels()).toEqual(['e', 'f']);
    await storage.markLabelWritten('f', 1);
    expect(await storage.listDirtyLabels()).toEqual(['e']);
    expect((await storage.listFrameStates()).get('f')?.labelDirty).toBe(false);
  });

  it('counts the open review flags of frames sent back, from their documents (only those are read)', async () => {
    const storage = await fresh();
    const flag = (id: string, state: 'open' | 'resolved') => ({
      id,
      cuboidId: 'c1',
      location: null,
      reason: 'r',
      comment: '',
      author: 'rev',
      state,
      createdAt: '2026-12-06T00:00:00.000Z',
    });
    const flags = [flag('f1', 'open'), flag('f2', 'resolved'), flag('f3', 'open')];
    await storage.saveAnnotation({ doc: { ...sampleDoc('r'), status: 'rejected', flags }, baseRevision: 0, user: 'rev', source: 'review' });
    await storage.saveAnnotation({
      doc: { ...sampleDoc('s'), status: 'submitted', flags: [flag('f4', 'open')] },
      baseRevision: 0,
      user: 'rev',
      source: 'review',
    });
    await storage.saveAnnotation({ doc: { ...sampleDoc('w'), status: 'in_progress', flags }, baseRevision: 0, user: 'ann', source: 'save' });
    await storage.saveAnnotation({ doc: sampleDoc('e'), baseRevision: 0, user: 'ann', source: 'save' });
    const states = await storage.listFrameStates();
    expect([...['r', 's', 'w', 'e']].map((id) => states.get(id)?.openFlags)).toEqual([2, 0, 0, 0]);
  });

  it('logs every save and logged action, newest first, and answers time ranges', async () => {
    const storage = await fresh();
    await storage.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 0, user: 'ann', source: 'save', detail: { note: 'nul \u0000 é' } });
    await storage.logActivity({ user: 'ann', action: 'open', frameId: 'f', revision: 1, detail: { ms: 3 } });
    await storage.logActivity({ user: null, action: 'user_add', frameId: null, revision: null, detail: {}, at: '2020-01-02T03:04:05.678Z' });
    const log = await storage.listActivity();
    expect(log.map((e) => [e.action, e.user, e.frameId, e.revision])).toEqual([
      ['user_add', null, null, null],
      ['open', 'ann', 'f', 1],
      ['save', 'ann', 'f', 1],
    ]);
    expect(log[2].detail).toEqual({ boxCount: 1, status: 'in_progress', note: 'nul \u0000 é' });
    expect(log[0].at).toBe('2020-01-02T03:04:05.678Z');
    expect(log[0].id).toBeGreaterThan(log[1].id);
    expect(await storage.listActivity({ frameId: 'other' })).toEqual([]);
    expect((await storage.listActivity({ limit: 1 })).length).toBe(1);
    const range = await storage.listActivityRange({ to: '2021-01-01T00:00:00.000Z' });
    expect(range.map((e) => e.action)).toEqual(['user_add']);
    const since = await storage.listActivityRange({ from: '2021-01-01T00:00:00.000Z', frameId: 'f' });
    expect(since.map((e) => e.action)).toEqual(['save', 'open']);
  });

  it('keeps review assignments, in a save or on their own, and logs the change', async () => {
    const storage = await fresh();
    expect(await storage.getAssignment('f')).toEqual({ frameId: 'f', annotator: null, reviewer: null });
    await storage.saveAnnotation({ doc: sampleDoc('f'), baseRevision: 0, user: 'ann', source: 'review', action: 'submit', assignment: { annotator: 'ann' } });
    expect(await storage.getAssignment('f')).toEqual({ frameId: 'f', annotator: 'ann', reviewer: null });
    expect(await storage.setAssignment('f', { reviewer: 'rev' }, 'lee')).toEqual({ frameId: 'f', annotator: 'ann', reviewer: 'rev' });
    expect(await storage.setAssignment('f', { annotator: null }, 'lee')).toEqual({ frameId: 'f', annotator: null, reviewer: 'rev' });
    const log = await storage.listActivity({ frameId: 'f' });
    expect(log.map((e) => [e.action, e.user, e.detail])).toEqual([
      ['assign', 'lee', { annotator: null }],
      ['assign', 'lee', { reviewer: 'rev' }],
      ['submit', 'ann', { boxCount: 1, status: 'in_progress' }],
    ]);
  });

  it('keeps users and their sessions; removing a user ends them', async () => {
    const storage = await fresh();
    const { users } = storage;
    expect(await users.countUsers()).toBe(0);
    await users.addUser({ name: 'zed', role: 'annotator', tokenLookup: 'l1', tokenHash: 'scrypt$1' });
    await users.addUser({ name: 'Amy', role: 'lead', tokenLookup: 'l2', tokenHash: 'scrypt$2' });
    await expect(users.addUser({ name: 'zed', role: 'lead', tokenLookup: 'l3', tokenHash: 'x' })).rejects.toBeInstanceOf(UserExistsError);
    expect((await users.listUsers()).map((u) => [u.name, u.role])).toEqual([
      ['Amy', 'lead'],
      ['zed', 'annotator'],
    ]);
    expect(await users.findByTokenLookup('l1')).toMatchObject({ name: 'zed', tokenHash: 'scrypt$1' });
    expect(await users.findByTokenLookup('nope')).toBeNull();
    const now = new Date('2026-05-04T10:00:00.000Z');
    await users.createSession({ idHash: hashSessionId('s1'), userName: 'zed', expiresAt: '2026-05-04T11:00:00.000Z' });
    await users.createSession({ idHash: hashSessionId('s2'), userName: 'zed', expiresAt: '2026-05-04T09:00:00.000Z' });
    expect(await users.findSession(hashSessionId('s1'), now)).toMatchObject({ name: 'zed', role: 'annotator' });
    expect(await users.findSession(hashSessionId('s2'), now)).toBeNull();
    expect(await users.deleteExpiredSessions(now)).toBe(1);
    await users.deleteSession(hashSessionId('s1'));
    expect(await users.findSession(hashSessionId('s1'), now)).toBeNull();
    await users.createSession({ idHash: hashSessionId('s3'), userName: 'zed', expiresAt: '2026-05-04T11:00:00.000Z' });
    expect(await users.removeUser('zed')).toBe(1);
    expect(await users.removeUser('zed')).toBeNull();
    expect(await users.getUser('zed')).toBeNull();
    expect(await users.getUser('Amy')).toMatchObject({ name: 'Amy', role: 'lead' });
  });

  it('compacts autosaves: the import, review revisions, the last 20 and the last of each hour stay', async () => {
    const storage = await fresh();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T08:10:00Z'));
    await saveOnTop(storage, sampleDoc('f', [sampleCuboid('imported')]), 'import'); // 1
    for (let i = 0; i < 3; i++) await saveOnTop(storage, sampleDoc('f', boxes(i + 1))); // 2-4 in hour 08
    vi.setSystemTime(new Date('2026-05-04T09:10:00Z'));
    const submitted = await saveOnTop(storage, { ...sampleDoc('f', boxes(4)), status: 'submitted' }, 'review'); // 5
    for (let i = 0; i < 25; i++) await saveOnTop(storage, sampleDoc('f', boxes(i + 5))); // 6-30 in hour 09
    const history = await storage.listRevisions('f');
    expect(history.map((r) => r.revision)).toEqual([1, 4, submitted, ...Array.from({ length: 20 }, (_, i) => 11 + i)]);
    expect(await storage.getRevision('f', 3)).toBeNull();
    const saves = (await storage.listActivity({ frameId: 'f', limit: 1000 })).filter((a) => a.action === 'save');
    expect(saves.length).toBe(28);
  });

  it('with a policy of one recent autosave keeps only the current one and the last of each earlier hour', async () => {
    const storage = await fresh({ recent: 1 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T08:59:00Z'));
    for (let i = 0; i < 3; i++) await saveOnTop(storage, sampleDoc('f', boxes(i + 1))); // 1-3 in hour 08
    vi.setSystemTime(new Date('2026-05-04T09:00:00Z'));
    for (let i = 0; i < 3; i++) await saveOnTop(storage, sampleDoc('f', boxes(i + 1))); // 4-6 in hour 09
    expect((await storage.listRevisions('f')).map((r) => r.revision)).toEqual([3, 6]);
  });
});
