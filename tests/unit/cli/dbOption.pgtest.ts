import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/postgresCluster.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

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

const LABEL = 'Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59\n';

describe('--db postgres://… on the commands', () => {
  it('db migrate, user add|list|remove, import, export and check share one database', async () => {
    const db = await database();
    const root = makeTempDir();
    cleanup.push(async () => fs.rmSync(root, { recursive: true, force: true }));
    const data = makeKittiDataset(path.join(root, 'data'), { ids: ['000000', '000001'] });
    const migrated = await runCli(['db', 'migrate', '--db', db.url]);
    expect(migrated.code).toBe(0);
    expect(migrated.out).toMatch(/schema version 3\n {2}applied 1: .*\n {2}applied 2: .*\n {2}applied 3: /);
    expect((await runCli(['db', 'migrate', '--db', db.url])).out).toMatch(/schema version 3, up to date/);

    const added = await runCli(['user', 'add', 'ann', '--role', 'annotator', '--db', db.url]);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^added annotator "ann" to the PostgreSQL database\ntoken: [\w-]{43}\n/);
    expect((await runCli(['user', 'list', '--db', db.url])).out).toMatch(/^ann +annotator /);
    expect((await runCli(['user', 'remove', 'ann', '--db', db.url])).code).toBe(0);
    expect((await runCli(['user', 'list', '--db', db.url])).out).toMatch(/^no users/);
    const neither = await runCli(['user', 'list']);
    expect(neither.code).toBe(2);
    expect(neither.err).toMatch(/give --data DIR .* or --db URL/);

    const labels = path.join(root, 'pred');
    fs.mkdirSync(labels);
    fs.writeFileSync(path.join(labels, '000001.txt'), LABEL);
    const imported = await runCli(['import', data, '--labels', labels, '--db', db.url]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/imported 1 box into 1 frame/);
    // The database, not a SQLite file, holds the import.
    expect(fs.existsSync(path.join(data, '.cuboid', 'cuboid.db'))).toBe(false);

    const out = path.join(root, 'out');
    const exported = await runCli(['export', data, '--out', out, '--db', db.url, '--split', '1']);
    expect(exported.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'training', 'label_2', '000001.txt'), 'utf8').split('\n')[0]).toMatch(/^Car /);
    expect(fs.readFileSync(path.join(out, 'training', 'label_2', '000000.txt'), 'utf8')).toBe('');

    const checked = await runCli(['check', data, '--db', db.url, '--json', '--frame', '000001', '--threads', '1']);
    expect(JSON.parse(checked.out).frames[0]).toMatchObject({ frameId: '000001', boxes: 1, labelSource: 'database' });
  });

  it('an unreachable or wrong database stops every command with one line and exit 2', async () => {
    const root = makeTempDir();
    cleanup.push(async () => fs.rmSync(root, { recursive: true, force: true }));
    const data = makeKittiDataset(path.join(root, 'data'), { ids: ['000000'] });
    const down = `postgres://cuboid:pw@127.0.0.1:${await freePort()}/team`;
    for (const args of [
      ['serve', data, '--db', down, '--port', '0'],
      ['user', 'list', '--db', down],
      ['import', data, '--labels', root, '--db', down],
      ['export', data, '--out', path.join(root, 'out'), '--db', down],
      ['check', data, '--db', down],
      ['db', 'migrate', '--db', down],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^cuboid [\w ]+: cannot open the database postgres:\/\/cuboid:\*\*\*@127\.0\.0\.1:\d+\/team: connection refused \(ECONNREFUSED\)/);
    }
    const fresh = await database();
    const unmigrated = await runCli(['export', data, '--out', path.join(root, 'out'), '--db', fresh.url]);
    expect(unmigrated.code).toBe(2);
    expect(unmigrated.err).toMatch(/holds no Cuboid data yet/);
    const bad = await runCli(['serve', data, '--db', 'mysql://h/db', '--port', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/is not a PostgreSQL URL/);
  });
});
