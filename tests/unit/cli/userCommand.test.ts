import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/cli/serveCommand.ts';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir();
const data = makeKittiDataset(path.join(root, 'data'), { ids: ['000000'] });
const state = path.join(root, 'state');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const tokenOf = (out: string): string => {
  const m = /^token: (\S+)$/m.exec(out);
  if (m === null) throw new Error(`no token in ${out}`);
  return m[1];
};

describe('cuboid user', () => {
  let aliceToken = '';

  it('add prints a 32-byte base64url token once and stores only its hash', async () => {
    const res = await runCli(['user', 'add', 'alice', '--role', 'reviewer', '--data', data, '--state', state]);
    expect(res.code).toBe(0);
    expect(res.out).toContain(`added reviewer "alice" to ${path.join(path.resolve(state), 'cuboid.db')}\n`);
    // The first user makes the database: the output says which server reads it.
    expect(res.out).toContain(`  a new database: only a server started with --state ${state} reads these users\n`);
    aliceToken = tokenOf(res.out);
    expect(aliceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(aliceToken, 'base64url')).toHaveLength(32);
    expect(res.out.split(aliceToken)).toHaveLength(2);
    const db = Buffer.concat(
      fs
        .readdirSync(state)
        .filter((f) => f.startsWith('cuboid.db'))
        .map((f) => fs.readFileSync(path.join(state, f))),
    );
    expect(db.includes(Buffer.from(aliceToken))).toBe(false);
    expect(db.includes(Buffer.from('scrypt$16384$8$1$'))).toBe(true);
  });

  it('gives every user a different token; list shows names and roles, never tokens', async () => {
    const bob = await runCli(['user', 'add', 'bob', '--role', 'annotator', '--data', data, '--state', state]);
    expect(tokenOf(bob.out)).not.toBe(aliceToken);
    const list = await runCli(['user', 'list', '--data', data, '--state', state]);
    expect(list.code).toBe(0);
    expect(
      list.out
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/).slice(0, 2)),
    ).toEqual([
      ['alice', 'reviewer'],
      ['bob', 'annotator'],
    ]);
    expect(list.out).not.toContain(aliceToken);
    expect(list.out).not.toContain('scrypt');
  });

  it('refuses a taken name, an unknown role and a bad name', async () => {
    const again = await runCli(['user', 'add', 'alice', '--role', 'lead', '--data', data, '--state', state]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect(again.out).not.toMatch(/token/);
    const role = await runCli(['user', 'add', 'carol', '--role', 'admin', '--data', data, '--state', state]);
    expect(role.err).toMatch(/--role "admin": expected one of annotator, reviewer, lead/);
    const name = await runCli(['user', 'add', 'carol smith', '--role', 'lead', '--data', data, '--state', state]);
    expect(name.err).toMatch(/user name "carol smith"/);
    const noData = await runCli(['user', 'list', '--data', path.join(root, 'nope')]);
    expect(noData.err).toMatch(/no such folder/);
  });

  it('list and remove only read: on a dataset without a database they create nothing in it', async () => {
    const fresh = makeKittiDataset(path.join(root, 'fresh'), { ids: ['000000'] });
    const list = await runCli(['user', 'list', '--data', fresh]);
    expect(list).toMatchObject({ code: 0, out: 'no users: the server runs single-user on loopback\n' });
    const remove = await runCli(['user', 'remove', 'alice', '--data', fresh]);
    expect(remove.code).toBe(2);
    expect(remove.err).toMatch(/no user named "alice"/);
    expect(fs.existsSync(path.join(fresh, '.cuboid'))).toBe(false);
  });

  it('serves beyond loopback once users exist: no Host check, but every API request needs a session', async () => {
    const { app, url } = await startServer({ dataDir: data, stateDir: state, host: '0.0.0.0', port: 0, distDir: null });
    try {
      expect(url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
      const port = new URL(url).port;
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/api/frames`)).status).toBe(401);
      expect(await (await fetch(`${base}/api/session`)).json()).toEqual({ mode: 'auth', user: null });
      const login = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: aliceToken }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const frames = await app.inject({ url: '/api/frames', headers: { cookie, host: 'annotation.example.org' } });
      expect(frames.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('remove ends the user and their sessions; removing a stranger fails', async () => {
    const res = await runCli(['user', 'remove', 'alice', '--data', data, '--state', state]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/removed "alice" \(1 session ended\)/);
    const list = await runCli(['user', 'list', '--data', data, '--state', state]);
    expect(list.out).not.toMatch(/alice/);
    const missing = await runCli(['user', 'remove', 'alice', '--data', data, '--state', state]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no user named "alice"/);
    await runCli(['user', 'remove', 'bob', '--data', data, '--state', state]);
    expect((await runCli(['user', 'list', '--data', data, '--state', state])).out).toMatch(/no users: the server runs single-user/);
  });
});
