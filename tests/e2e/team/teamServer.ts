/**
 * The team backend for the e2e run (`playwright.team.config.ts` starts it as its web server):
 *
 *   node --import tsx tests/e2e/team/teamServer.ts PORT
 *
 * PostgreSQL: a fresh database on `CUBOID_TEST_PG_URL` when set (`.ci/run`), else a throwaway
 * cluster (tests/helpers/postgresCluster.ts). S3: s3rver on a free port holding the real KITTI frames
 * of ../shared/samples/kitti (uploaded; the folder is only read). Then `cuboid serve
 * s3://cuboid-e2e/kitti --db URL --port PORT` (single-user on loopback) and one `cuboid worker --db
 * URL` for its background jobs. Writes where everything is to
 * `teamServerInfo(PORT)` for the spec, and on SIGTERM/SIGINT stops the server, the worker, s3rver and the
 * cluster (or drops the database) and removes its folders.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPgCluster, type PgCluster } from '../../helpers/postgresCluster.ts';
import { startTestBucket } from '../../unit/server/fixtures/testBucket.ts';
import { teamInfoFile, type TeamServerInfo } from './teamServerInfo.ts';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error(`teamServer.ts: PORT ${process.argv[2]} is not a port number`);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const KITTI = path.resolve(repo, '../shared/samples/kitti');
const cleanups: (() => Promise<void> | void)[] = [];
let stopping = false;
const say = (line: string) => process.stdout.write(`team e2e server: ${line}\n`);

async function stopAll(): Promise<void> {
  for (const f of cleanups.reverse()) {
    try {
      await f();
    } catch (err) {
      say(`cleanup failed: ${(err as Error).message}`);
    }
  }
  cleanups.length = 0;
}

async function database(): Promise<string> {
  const given = process.env.CUBOID_TEST_PG_URL;
  let admin: string;
  if (given !== undefined && given !== '') admin = given;
  else {
    const cluster: PgCluster = await startPgCluster();
    cleanups.push(() => cluster.stop());
    admin = cluster.url;
  }
  const name = `cuboid_e2e_${process.pid}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  if (given !== undefined && given !== '') cleanups.push(() => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const dbUrl = await database();
  const bucket = await startTestBucket('cuboid-e2e');
  cleanups.push(() => bucket.close());
  const dataUrl = await bucket.upload(KITTI, 'kitti');
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-e2e-team-state-'));
  cleanups.push(() => fs.rmSync(state, { recursive: true, force: true }));
  const child = spawn(process.execPath, [path.join(repo, 'src/cli/cuboid.js'), 'serve', dataUrl, '--db', dbUrl, '--port', String(port), '--state', state], {
    cwd: repo,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  // The team topology's background worker (the navigator's check summaries are its jobs), started
  // once the server answers: a worker and a replica setting up a fresh database at once have deadlocked.
  for (let t = Date.now(); ;) {
    const up = await fetch(`http://127.0.0.1:${port}/api/frames`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || Date.now() - t > 170_000) throw new Error('cuboid serve did not answer');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const worker = spawn(process.execPath, [path.join(repo, 'src/cli/cuboid.js'), 'worker', '--db', dbUrl, '--concurrency', '1'], {
    cwd: repo,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const workerExited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGTERM');
    await workerExited;
  });
  const info: TeamServerInfo = { dbUrl, bucket: bucket.bucket, prefix: 'kitti', endpoint: bucket.endpoint };
  fs.writeFileSync(teamInfoFile(port), JSON.stringify(info));
  cleanups.push(() => fs.rmSync(teamInfoFile(port), { force: true }));
  say(`serving ${dataUrl} with ${dbUrl} on port ${port}`);
  void exited.then(async () => {
    if (stopping) return;
    say('cuboid serve exited');
    await stopAll();
    process.exit(1);
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    stopping = true;
    void stopAll().finally(() => process.exit(0));
  });
}
main().catch(async (err: unknown) => {
  say(`could not start: ${(err as Error).message}`);
  await stopAll();
  process.exit(1);
});
