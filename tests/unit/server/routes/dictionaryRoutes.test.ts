import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EdgeCaseDictionary } from '../../../../src/domain/checks/dictionary/EdgeCaseDictionary.ts';
import { TEST_BACKEND } from '../../../helpers/testDatabase.ts';
import { startAuthServer, type AuthTestServer } from '../fixtures/authServer.ts';
import { sampleCuboid } from '../fixtures/makeDataset.ts';

let s: AuthTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('/api/dictionary', () => {
  it('serves the built-in dictionary until a lead saves one; saves bump the version and land in the state folder (SQLite) or the database (PostgreSQL)', async () => {
    s = await startAuthServer({ lea: 'lead', rev: 'reviewer', ann: 'annotator' });
    const first = (await s.as('rev', '/api/dictionary')).json() as { dictionary: EdgeCaseDictionary; source: string };
    expect(first.source).toBe('default');
    expect(first.dictionary.edgeCases.some((e) => e.id === 'rider-on-bicycle')).toBe(true);
    const edited = {
      ...first.dictionary,
      edgeCases: [...first.dictionary.edgeCases, { id: 'shopping-trolley', title: 'Shopping trolley', rule: 'A shopping trolley is Misc.', tags: [] }],
    };
    const put = await s.as('lea', { method: 'PUT', url: '/api/dictionary', payload: edited });
    expect(put.statusCode).toBe(200);
    expect(put.json().dictionary.version).toBe(first.dictionary.version + 1);
    // SQLite: the state folder's dictionary.json; PostgreSQL: the database (every replica reads it), no file.
    const inFile = path.join(s.stateDir, 'dictionary.json');
    if (TEST_BACKEND === 'postgres') expect(fs.existsSync(inFile)).toBe(false);
    else expect((JSON.parse(fs.readFileSync(inFile, 'utf8')) as EdgeCaseDictionary).version).toBe(first.dictionary.version + 1);
    expect((await s.as('ann', '/api/dictionary')).json()).toMatchObject({
      source: TEST_BACKEND === 'postgres' ? 'database' : 'file',
      dictionary: { version: first.dictionary.version + 1 },
    });

    // Flags use the new entry.
    await s.as('ann', {
      method: 'PUT',
      url: '/api/frames/000001/annotation',
      payload: { schemaVersion: 1, frameId: '000001', cuboids: [sampleCuboid('a')], dontCare: [], flags: [], status: 'todo' },
      headers: { 'if-match': '"0"' },
    });
    const flag = await s.as('rev', { method: 'POST', url: '/api/frames/000001/flags', payload: { cuboidId: 'a', reason: 'shopping-trolley' } });
    expect(flag.statusCode).toBe(201);

    const stale = await s.as('lea', { method: 'PUT', url: '/api/dictionary', payload: edited });
    expect([stale.statusCode, stale.json().error]).toEqual([409, 'conflict']);
    expect(stale.json().current.version).toBe(first.dictionary.version + 1);
    const log = (await s.as('lea', '/api/activity')).json() as { action: string }[];
    expect(log.some((e) => e.action === 'dictionary_update')).toBe(true);
  });

  it('refuses an invalid dictionary naming the field, and non-leads', async () => {
    s = await startAuthServer({ lea: 'lead', rev: 'reviewer' });
    const { dictionary } = (await s.as('lea', '/api/dictionary')).json() as { dictionary: EdgeCaseDictionary };
    const bad = await s.as('lea', { method: 'PUT', url: '/api/dictionary', payload: { ...dictionary, edgeCases: [{ id: 'Bad Id', title: 'x', rule: 'y' }] } });
    expect([bad.statusCode, bad.json().error]).toEqual([400, 'invalid_dictionary']);
    expect(bad.json().detail).toMatch(/^edgeCases\[0\]\.id: id must be kebab-case/);
    expect((await s.as('lea', { method: 'PUT', url: '/api/dictionary', payload: { ...dictionary, version: 0 } })).statusCode).toBe(400);
    expect((await s.as('rev', { method: 'PUT', url: '/api/dictionary', payload: dictionary })).statusCode).toBe(403);
    expect(fs.existsSync(path.join(s.stateDir, 'dictionary.json'))).toBe(false);
  });

  it('a dictionary.json that does not read: frames still list, checks run on the built-in rules, the problem names the file, and a save replaces it keeping the broken one', async () => {
    s = await startAuthServer({ lea: 'lead', ann: 'annotator' });
    const file = path.join(s.stateDir, 'dictionary.json');
    fs.writeFileSync(file, '{ "version": 3, "classes": ');
    expect((await s.as('ann', '/api/frames')).statusCode).toBe(200);
    const got = await s.as('ann', '/api/dictionary');
    expect(got.statusCode).toBe(200);
    const body = got.json() as { dictionary: EdgeCaseDictionary; source: string; problem?: string };
    expect(body.source).toBe('default');
    expect(body.problem).toContain('dictionary.json');
    expect((await s.as('ann', '/api/frames/000001/checks')).statusCode).not.toBe(500);
    const put = await s.as('lea', { method: 'PUT', url: '/api/dictionary', payload: body.dictionary });
    expect(put.statusCode).toBe(200);
    // PostgreSQL keeps the saved one in the database and leaves the file alone.
    expect((await s.as('ann', '/api/dictionary')).json()).toMatchObject({ source: TEST_BACKEND === 'postgres' ? 'database' : 'file' });
    expect(fs.readdirSync(s.stateDir).filter((f) => f.startsWith('dictionary.json.broken-'))).toHaveLength(TEST_BACKEND === 'postgres' ? 0 : 1);
  });
});
