import { describe, expect, it } from 'vitest';
import { createJournal, createMemoryStorage } from '../../../src/io/journal.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';

describe('journal', () => {
  it('writes, reads and clears one entry per dataset and frame', () => {
    const storage = createMemoryStorage();
    const a = createJournal(storage, 'kitti');
    const b = createJournal(storage, 'other');
    const doc = { ...emptyAnnotation('000001'), revision: 3 };
    expect(a.write({ frameId: '000001', baseRevision: 3, doc, writtenAt: 42 })).toBe(true);
    expect(storage.keys()).toEqual(['cuboid:journal:kitti:000001']);
    expect(a.read('000001')).toEqual({ frameId: '000001', baseRevision: 3, doc, writtenAt: 42 });
    expect(b.read('000001')).toBeNull();
    expect(a.read('000002')).toBeNull();
    a.clear('000001');
    expect(a.read('000001')).toBeNull();
  });

  it('brings work journalled before "not an object" marks existed to the current schema, and drops a future one', () => {
    const storage = createMemoryStorage();
    const j = createJournal(storage, 'ds');
    const { dismissals: _none, ...old } = { ...emptyAnnotation('f'), schemaVersion: 1, revision: 2 };
    storage.setItem('cuboid:journal:ds:f', JSON.stringify({ format: 1, frameId: 'f', baseRevision: 2, doc: old, writtenAt: 5 }));
    expect(j.read('f')?.doc).toEqual({ ...old, schemaVersion: 2, dismissals: [] });
    storage.setItem('cuboid:journal:ds:f', JSON.stringify({ format: 1, frameId: 'f', baseRevision: 2, doc: { ...old, schemaVersion: 99 }, writtenAt: 5 }));
    expect(j.read('f')).toBeNull();
  });

  it('keeps a separate recovery slot', () => {
    const storage = createMemoryStorage();
    const j = createJournal(storage, 'ds');
    const doc = emptyAnnotation('f');
    j.writeRecovery({ frameId: 'f', doc, writtenAt: 1 });
    j.clear('f');
    expect(j.readRecovery('f')).toEqual({ frameId: 'f', doc, writtenAt: 1 });
    j.clearRecovery('f');
    expect(j.readRecovery('f')).toBeNull();
  });

  it('reads corrupt, foreign or mismatched values as absent', () => {
    const storage = createMemoryStorage();
    const j = createJournal(storage, 'ds');
    storage.setItem('cuboid:journal:ds:f', '{not json');
    expect(j.read('f')).toBeNull();
    storage.setItem('cuboid:journal:ds:f', JSON.stringify({ format: 99, baseRevision: 1 }));
    expect(j.read('f')).toBeNull();
    storage.setItem('cuboid:journal:ds:f', JSON.stringify({ format: 1, baseRevision: 1, writtenAt: 1, doc: emptyAnnotation('g') }));
    expect(j.read('f')).toBeNull();
  });

  it('reports a full storage instead of throwing', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const j = createJournal(full, 'ds');
    expect(j.write({ frameId: 'f', baseRevision: 0, doc: emptyAnnotation('f'), writtenAt: 0 })).toBe(false);
  });
});
