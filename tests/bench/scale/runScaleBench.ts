/**
 * `npm run bench:scale`: 200 simulated annotators (each on frames of its own) against 4 `cuboid serve s3://… --db postgres://…`
 * replicas (a throwaway PostgreSQL cluster with fsync on, s3rver holding copies of the real KITTI
 * frames), one replica killed with `kill -9` mid-burst and restarted 5 s later; then the same crowd
 * against one `cuboid serve DIR` on SQLite. Prints save and frame-open latency, and checks that
 * every acknowledged save is in the database, no revision is duplicated and the label objects
 * (files) equal the database. A benchmark: it prints figures beside the targets, asserts nothing.
 *
 *   npm run bench:scale [-- --annotators 200 --frames 200 --seconds 45 --ramp 45] [-- --quick] [-- --only postgres|sqlite] [-- --keep]
 *
 * Loopback only. Needs Debian's `postgresql` server binaries (see tests/helpers/postgresCluster.ts)
 * and a Node whose OpenSSL has the legacy provider (s3rver).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PostgresStorage } from '../../../src/server/storage/PostgresStorage.ts';
import { SqliteStorage } from '../../../src/server/storage/SqliteStorage.ts';
import type { Storage } from '../../../src/server/storage/Storage.ts';
import { startPgCluster } from '../../helpers/postgresCluster.ts';
import { startTestBucket } from '../../unit/server/fixtures/testBucket.ts';
import type { ScaleLog } from './annotator.ts';
import { runBurst, type BurstOptions } from './burst.ts';
import { LoopbackClient, RoundRobin } from './loopbackClient.ts';
import { addAnnotators, makeScaleDataset, percentile } from './scaleDataset.ts';
import { printScaleTable, type BackendResult } from './scaleTable.ts';
import { auditEdits, auditLabels } from './verifyEdits.ts';
import { startServe, type ServeProcess } from './serveProcess.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { formatCpuShares, startCpuShares } from './cpuShares.ts';
import { saveTimingLines, serverHealthLine } from './timingReport.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const num = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : dflt;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`bench:scale: --${name} ${args[i + 1]} is not a positive number`);
  return v;
};
const ANNOTATORS = num('annotators', quick ? 40 : 200);
const FRAMES = num('frames', quick ? 40 : 200);
const BURST_S = num('seconds', quick ? 20 : 45);
const RAMP_S = num('ramp', quick ? 10 : 45);
const REPLICAS = num('replicas', 4);
/** `--only postgres|sqlite` runs one backend; `--keep` keeps the work folder (server logs). */
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const KEEP = args.includes('--keep');
/** The servers report phase timings (Server-Timing, see src/server/http/serverTiming.ts) unless `--no-timing`. */
if (!args.includes('--no-timing')) process.env.CUBOID_SERVER_TIMING = '1';
/** A person edits a box for a while; the app saves after each edit (the autosave). */
const PAUSE_MS: [number, number] = [8_000, 20_000];
/** A frame takes minutes: within the burst each annotator mostly stays on its first frame. */
const SAVES_PER_FRAME: [number, number] = [6, 10];

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-bench-scale-'));
const logs = path.join(root, 'logs');
const say = (line: string) => process.stdout.write(`${line}\n`);

function burstOptions(users: { name: string; token: string }[], frameIds: string[]): BurstOptions {
  return { users, frameIds, rampMs: RAMP_S * 1000, burstMs: BURST_S * 1000, pauseMs: PAUSE_MS, savesPerFrame: SAVES_PER_FRAME };
}

/** A logged-in client on `lb` for the label comparison (GET /api/frames/ID/label renders the database's revision). */
async function labelReader(lb: RoundRobin, token: string): Promise<(id: string) => Promise<string>> {
  const client = new LoopbackClient(lb, '127.0.9.1');
  const login = await client.request('POST', '/api/session', { body: { token } });
  if (login.status !== 200) throw new Error(`bench:scale: the auditor's login answered ${login.status}`);
  client.cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0];
  return async (id) => {
    const res = await client.request('GET', `/api/frames/${id}/label`);
    if (res.status !== 200) throw new Error(`GET /api/frames/${id}/label answered ${res.status}`);
    return res.body.toString('utf8');
  };
}

/** What the database's connections are doing right now: counts by state and wait, the busiest first. */
async function connectionSnapshot(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = (
      await c.query<{ what: string; n: number }>(
        `SELECT coalesce(state, '?') || coalesce(' (' || wait_event_type || ':' || wait_event || ')', '') || ' ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 48) AS what, count(*)::int AS n
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1 ORDER BY 2 DESC LIMIT 6`,
      )
    ).rows;
    return rows.map((r) => `${r.n}× ${r.what}`).join('; ');
  } finally {
    await c.end();
  }
}

/**
 * `runBurst` while measuring what it costs the machine: each process group's CPU share (is the
 * load generator itself starving the servers?) and this client's own event-loop delay (a late
 * client adds to every round trip it measures).
 */
async function measuredBurst(name: string, lb: RoundRobin, opts: BurstOptions): Promise<{ log: ScaleLog; wallMs: number }> {
  const cpu = startCpuShares();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const out = await runBurst(lb, opts);
  delay.disable();
  say(`${name}: ${formatCpuShares(cpu.stop())}`);
  say(
    `${name}: the bench client's event-loop delay p50 ${(delay.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`,
  );
  for (const line of saveTimingLines(name, out.log)) say(line);
  return out;
}

function summarize(name: string, log: ScaleLog, wallMs: number): Omit<BackendResult, 'audit' | 'labels' | 'kill'> {
  const part = (ms: number[]) => `${percentile(ms, 50).toFixed(0)} / ${percentile(ms, 99).toFixed(0)} ms`;
  const { calib, points, annotation } = log.openPartMs;
  say(`${name}: frame open parts p50 / p99: calib ${part(calib)}, points ${part(points)}, annotation ${part(annotation)}`);
  return {
    name,
    saves: log.saveMs.length,
    savesPerS: log.saveMs.length / (wallMs / 1000),
    conflicts: log.conflictMs.length,
    saveP50: percentile(log.saveMs, 50),
    saveP99: percentile(log.saveMs, 99),
    openP50: percentile(log.openMs, 50),
    openP99: percentile(log.openMs, 99),
    opens: log.openMs.length,
    logins: log.logins,
    errors: log.errors,
  };
}

async function postgresRun(dataDir: string, frameIds: string[]): Promise<BackendResult> {
  say(`postgres: starting a PostgreSQL cluster (fsync on) and s3rver…`);
  const cluster = await startPgCluster({ durable: true });
  const bucket = await startTestBucket('cuboid-bench');
  const replicas: ServeProcess[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE cuboid_scale');
    await admin.end();
    const dbUrl = cluster.url.replace(/\/postgres$/, '/cuboid_scale');
    const t0 = Date.now();
    const dataUrl = await bucket.upload(dataDir, 'kitti');
    say(`postgres: ${frameIds.length} frames uploaded to ${dataUrl} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const storage: Storage = await PostgresStorage.open(dbUrl);
    const users = await addAnnotators(storage, ANNOTATORS + 1);
    const serveArgs = (i: number) => [dataUrl, '--db', dbUrl, '--state', path.join(root, `pg-state-${i}`)];
    // All at once on the fresh database, as an orchestrator starts them (the job queue's set-up is
    // serialised: tests/unit/server/jobs/queueJobs.pgtest.ts).
    replicas.push(...(await Promise.all(Array.from({ length: REPLICAS }, (_, i) => startServe(serveArgs(i), path.join(logs, `replica-${i}.log`))))));
    const lb = new RoundRobin(replicas.map((r) => ({ url: r.url, downUntil: 0 })));
    say(
      `postgres: ${REPLICAS} replicas up (${replicas.map((r) => r.url.replace('http://', '')).join(', ')}); ${ANNOTATORS} annotators for ${RAMP_S} + ${BURST_S} s…`,
    );
    const kill = { atS: 0, victim: '', restartedAfterS: 0 };
    const victim = replicas[1];
    const killAtMs = (RAMP_S + BURST_S / 2) * 1000;
    const opts: BurstOptions = {
      ...burstOptions(users.slice(0, ANNOTATORS), frameIds),
      midBurst: {
        atMs: killAtMs,
        run: async () => {
          say(`postgres: connections just before the kill: ${await connectionSnapshot(dbUrl)}`);
          await victim.killHard();
          kill.atS = killAtMs / 1000;
          kill.victim = victim.url;
          say(`postgres: kill -9 ${victim.pid} (${victim.url}) at ${kill.atS} s`);
          // An orchestrator restarts it a few seconds later; on start it repairs dirty labels.
          await new Promise((resolve) => setTimeout(resolve, 5_000));
          const t = Date.now();
          const again = await startServe(serveArgs(REPLICAS), path.join(logs, 'replica-restarted.log')).catch((err: unknown) => {
            say(`postgres: the replacement replica did not start: ${(err as Error).message}`);
            throw err;
          });
          replicas.push(again);
          lb.replace(victim.url, again.url);
          kill.restartedAfterS = 5 + (Date.now() - t) / 1000;
          say(`postgres: replacement replica up at ${again.url} (${kill.restartedAfterS.toFixed(1)} s after the kill)`);
        },
      },
    };
    const { log, wallMs } = await measuredBurst('postgres', lb, opts);
    for (const [i, r] of replicas.entries()) say(serverHealthLine(`postgres: replica ${i} (${r.url})`, r.logFile));
    say(`postgres: burst done in ${(wallMs / 1000).toFixed(0)} s; auditing…`);
    const audit = await auditEdits(storage, log);
    const saved = [...new Set(log.acks.map((a) => a.frameId))].sort();
    const render = await labelReader(lb, users[ANNOTATORS].token);
    const labels = await auditLabels(storage, saved, (id) => bucket.text(`kitti/label_2/${id}.txt`), render);
    await storage.close();
    return {
      ...summarize(`PostgreSQL + s3rver, ${REPLICAS} replicas`, log, wallMs),
      audit,
      labels,
      kill: { ...kill, connectionFailures: lb.connectionFailures },
    };
  } finally {
    for (const r of replicas) await r.stop();
    await bucket.close();
    cluster.stop();
  }
}

async function sqliteRun(source: string, frameIds: string[]): Promise<BackendResult> {
  const dataDir = path.join(root, 'sqlite-data');
  fs.cpSync(source, dataDir, { recursive: true });
  const dbFile = path.join(dataDir, '.cuboid', 'cuboid.db');
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const storage: Storage = SqliteStorage.open(dbFile);
  const users = await addAnnotators(storage, ANNOTATORS + 1);
  const server = await startServe([dataDir], path.join(logs, 'sqlite.log'));
  try {
    const lb = new RoundRobin([{ url: server.url, downUntil: 0 }]);
    say(`sqlite: one process at ${server.url}; ${ANNOTATORS} annotators for ${RAMP_S} + ${BURST_S} s…`);
    const { log, wallMs } = await measuredBurst('sqlite', lb, burstOptions(users.slice(0, ANNOTATORS), frameIds));
    say(serverHealthLine(`sqlite: ${server.url}`, server.logFile));
    say(`sqlite: burst done in ${(wallMs / 1000).toFixed(0)} s; auditing…`);
    const audit = await auditEdits(storage, log);
    const saved = [...new Set(log.acks.map((a) => a.frameId))].sort();
    const render = await labelReader(lb, users[ANNOTATORS].token);
    const readFile = async (id: string) => {
      const file = path.join(dataDir, 'label_2', `${id}.txt`);
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    };
    const labels = await auditLabels(storage, saved, readFile, render);
    return { ...summarize('SQLite, 1 process', log, wallMs), audit, labels, kill: null };
  } finally {
    await server.stop();
    await storage.close();
  }
}

const start = Date.now();
say(
  `bench:scale: ${ANNOTATORS} annotators, ${FRAMES} frames, ${RAMP_S} s ramp + ${BURST_S} s burst, saves every ${PAUSE_MS[0] / 1000}–${PAUSE_MS[1] / 1000} s; work folder ${root}`,
);
try {
  const dataDir = path.join(root, 'dataset');
  const frameIds = makeScaleDataset(dataDir, FRAMES);
  const results: BackendResult[] = [];
  if (ONLY !== 'sqlite') results.push(await postgresRun(dataDir, frameIds));
  if (ONLY !== 'postgres') results.push(await sqliteRun(dataDir, frameIds));
  printScaleTable(results, {
    annotators: ANNOTATORS,
    frames: FRAMES,
    rampS: RAMP_S,
    burstS: BURST_S,
    pauseMs: PAUSE_MS,
    loadAverage: os.loadavg(),
    totalS: (Date.now() - start) / 1000,
  });
  if (!KEEP) fs.rmSync(root, { recursive: true, force: true });
} catch (err) {
  say(`bench:scale failed: ${(err as Error).stack ?? String(err)}`);
  for (const e of fs.readdirSync(root)) if (e !== 'logs') fs.rmSync(path.join(root, e), { recursive: true, force: true });
  say(`server logs kept in ${logs}`);
  process.exitCode = 1;
}
