import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { jobCreatedSchema } from '../../../../src/domain/api/jobSchemas.ts';
import { Dataset } from '../../../../src/server/dataset/Dataset.ts';
import { QueueJobRunner } from '../../../../src/server/jobs/QueueJobRunner.ts';
import { QUEUE_OF } from '../../../../src/server/jobs/jobQueue.ts';
import { beat } from '../../../../src/server/jobs/jobTables.ts';
import { runWorker } from '../../../../src/server/jobs/runWorker.ts';
import { DictionaryStore } from '../../../../src/server/review/DictionaryStore.ts';
import { freePort } from '../../../helpers/postgresCluster.ts';
import { createTestDatabase, testPool, type TestDatabase } from '../../../helpers/testDatabase.ts';
import { runCli } from '../../cli/runCli.ts';
import { makeKittiDataset, makeTempDir } from '../fixtures/makeDataset.ts';
import { startTestServer } from '../fixtures/testServer.ts';
import { waitForJob } from '../fixtures/waitForJob.ts';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const LABEL = 'Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59\n';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f().catch(() => undefined);
  cleanup = [];
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  return db;
}

/** `cuboid worker --db URL` as its own process; resolves once it takes jobs. */
async function spawnWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(REPO, 'src/cli/cuboid.js'), 'worker', '--db', url, '--concurrency', '1'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.push(async () => {
    if (child.exitCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    }
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('taking jobs')) resolve();
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before taking jobs: ${out}`)));
  });
  return child;
}

describe('cuboid worker --db URL', () => {
  it('stops with one line and exit 2 when the database cannot be reached', async () => {
    const port = await freePort();
    const res = await runCli(['worker', '--db', `postgres://cuboid:secret@127.0.0.1:${port}/team`]);
    expect(res.code).toBe(2);
    expect(res.err.trim().split('\n')).toHaveLength(1);
    expect(res.err).toMatch(/^cuboid worker: cannot open the database postgres:\/\/cuboid:\*\*\*@127\.0\.0\.1:\d+\/team: connection refused/);
    expect(res.err).not.toContain('secret');
  });

  it('runs the replicas’ jobs in a worker: the export zip, a navigator summary, a failure recorded; none without a worker', async () => {
    const db = await database();
    const server = await startTestServer({ db: db.url, jobs: 'queue', fixture: { labels: { '000001': LABEL } } });
    cleanup.push(() => server.close());
    const app = server.app;

    const refused = await app.inject({ method: 'POST', url: '/api/jobs/export', payload: {} });
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ error: 'job_no_worker' });
    expect(refused.json().detail).toMatch(/cuboid worker --db URL/);
    // The worker's own code in this process (the next test spawns `cuboid worker` itself).
    const worker = await runWorker({ db: db.url, concurrency: 1 });
    cleanup.push(() => worker.stop());
    const posted = await app.inject({ method: 'POST', url: '/api/jobs/export?bin=1', payload: {} });
    expect(posted.statusCode).toBe(202);
    const { id } = jobCreatedSchema.parse(posted.json());
    const done = await waitForJob(app, id);
    expect(done).toMatchObject({ state: 'done', progress: 1, attempts: 1, kind: 'export' });
    expect(done.result).toMatchObject({ fileName: 'data-kitti.zip', frames: 3, skipped: 0 });
    const file = await app.inject(`/api/jobs/${id}/file`);
    expect(file.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(file.rawPayload));
    expect(new TextDecoder().decode(files['training/label_2/000001.txt'])).toBe(LABEL);
    expect(Object.keys(files)).toContain('training/velodyne/000002.bin');

    const summary = await app.inject('/api/frames/000001/checks');
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ frameId: '000001', revision: 0 });

    const bad = jobCreatedSchema.parse((await app.inject({ method: 'POST', url: '/api/jobs/export?status=finished', payload: {} })).json());
    const failed = await waitForJob(app, bad.id);
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.error).toMatchObject({ error: 'invalid_query' });
    expect(failed.error?.detail).toMatch(/finished/);
  });

  it('runs `cuboid export --db URL --job` in a worker, and says so when none runs', async () => {
    const db = await database();
    const server = await startTestServer({ db: db.url, jobs: 'queue', fixture: { labels: { '000001': LABEL } } });
    cleanup.push(() => server.close());
    const outDir = path.join(server.root, 'out');
    const noWorker = await runCli(['export', server.dataDir, '--out', outDir, '--db', db.url, '--job']);
    expect(noWorker.code).toBe(2);
    expect(noWorker.err).toMatch(/^cuboid export: no cuboid worker is running/);

    await spawnWorker(db.url);
    // `cuboid export --db URL --job`: the worker writes the tree, the command prints its summary.
    const exported = await runCli(['export', server.dataDir, '--out', outDir, '--db', db.url, '--job']);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^exported 3 frames to .*out \(train \d, val \d\)/);
    expect(exported.err).toMatch(/export job [0-9a-f-]{36} queued/);
    expect(fs.readFileSync(path.join(outDir, 'training', 'label_2', '000001.txt'), 'utf8')).toBe(LABEL);
  });

  it('starts four replicas together on a fresh database (the queue is created once, without a deadlock)', async () => {
    const db = await database();
    const runners = await Promise.all([0, 1, 2, 3].map(() => QueueJobRunner.open(db.url)));
    for (const r of runners) cleanup.push(() => r.close());
    const pool = testPool(db.url, 1);
    cleanup.push(() => pool.end());
    const queues = await pool.query<{ name: string }>("SELECT name FROM pgboss.queue WHERE name LIKE 'cuboid-%' ORDER BY name");
    expect(queues.rows.map((r) => r.name)).toEqual(Object.values(QUEUE_OF).sort());
  });

  it('retries a job whose worker died: the queue expires it and another worker runs it', async () => {
    const db = await database();
    const root = makeTempDir();
    const dataDir = makeKittiDataset(path.join(root, 'data'), { ids: ['000001'], labels: { '000001': LABEL } });
    const runner = await QueueJobRunner.open(db.url);
    cleanup.push(() => runner.close());
    const pool = testPool(db.url, 1);
    cleanup.push(() => pool.end());
    // A worker that is alive when the job is queued…
    await beat(pool, 'doomed');
    const frame = (await Dataset.scan(dataDir)).get('000001');
    if (frame === undefined) throw new Error('fixture frame missing');
    const { dictionary } = await new DictionaryStore(path.join(root, 'state')).load();
    const id = await runner.enqueue('check', { kind: 'frame', frame, stored: null, region: 'auto', dictionary, countOnly: true });

    // …takes it, then is killed: the job stays active, long past its expiry.
    const boss = new PgBoss({ connectionString: db.url, max: 1, supervise: false, schedule: false });
    // Its pool's lost connections come here (as in QueueJobRunner): never an uncaught exception.
    boss.on('error', () => undefined);
    await boss.start();
    const [taken] = await boss.fetch(QUEUE_OF.check);
    expect(taken?.id).toBe(id);
    await boss.stop({ graceful: false, wait: true });
    await pool.query("UPDATE pgboss.job SET started_on = now() - interval '10 minutes' WHERE id = $1", [id]);
    expect((await runner.status(id))?.state).toBe('running');

    const worker = await runWorker({ db: db.url, concurrency: 1, maintenanceIntervalSeconds: 1 });
    cleanup.push(() => worker.stop());
    const answer = await runner.result(id, 'check', { timeoutMs: 40_000 });
    expect(answer.ok).toBe(true);
    const status = await runner.status(id);
    expect(status).toMatchObject({ state: 'done', attempts: 2 });
  });
});
