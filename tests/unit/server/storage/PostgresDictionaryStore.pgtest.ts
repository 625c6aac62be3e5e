import { afterEach, describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { DictionaryConflictError, type DictionaryStorage } from '../../../../src/server/review/DictionaryStore.ts';
import { PostgresStorage } from '../../../../src/server/storage/PostgresStorage.ts';
import { createTestDatabase } from '../../../helpers/testDatabase.ts';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function twoReplicas(fallback: DictionaryStorage | null = null): Promise<[DictionaryStorage, DictionaryStorage]> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  const a = await PostgresStorage.open(db.url);
  const b = await PostgresStorage.open(db.url);
  cleanup.push(
    () => a.close(),
    () => b.close(),
  );
  return [a.dictionaryStore(fallback), b.dictionaryStore(fallback)];
}

const withSop = (text: string) => ({
  ...defaultDictionary,
  edgeCases: [...defaultDictionary.edgeCases, { id: 'team-note', title: 'Team note', rule: text, tags: [] }],
});
const note = (d: typeof defaultDictionary) => d.edgeCases.find((e) => e.id === 'team-note')?.rule;

describe('PostgresDictionaryStore', () => {
  it('answers with the fallback until the first save, then every replica reads the saved version', async () => {
    const fallback: DictionaryStorage = {
      load: async () => ({ dictionary: defaultDictionary, source: 'file' }),
      save: () => Promise.reject(new Error('unused')),
    };
    const [a, b] = await twoReplicas(fallback);
    expect((await b.load()).source).toBe('file');
    const saved = await a.save(withSop('Box every parked bicycle.'), defaultDictionary.version);
    expect(saved.version).toBe(defaultDictionary.version + 1);
    const seen = await b.load();
    expect(seen.source).toBe('database');
    expect(seen.dictionary.version).toBe(saved.version);
    expect(note(seen.dictionary)).toBe('Box every parked bicycle.');
  });

  it('lets only one of two leads editing the same version win, on any replicas', async () => {
    const [a, b] = await twoReplicas();
    const results = await Promise.allSettled([a.save(withSop('first'), defaultDictionary.version), b.save(withSop('second'), defaultDictionary.version)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(DictionaryConflictError);
    expect((await a.load()).dictionary.version).toBe(defaultDictionary.version + 1);
    await expect(b.save(withSop('stale'), defaultDictionary.version)).rejects.toBeInstanceOf(DictionaryConflictError);
  });
});
