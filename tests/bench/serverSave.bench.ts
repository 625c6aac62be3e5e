/**
 * Server figures: the save round trip (PUT → SQLite commit → label file renamed into place, as the
 * client sees it) under 20 concurrent clients on loopback, and the time to export a 1,000-frame
 * synthetic dataset. The server runs as a child process (`cuboid serve`), so the clients' event
 * loop does not share the server's. There is no reference implementation: the reference column is
 * empty.
 *
 *   tsx tests/bench/runBench.ts --only server [--quick]   (--quick: 5 s of saves instead of 30 s)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrameAnnotation } from '../../src/domain/document/FrameAnnotation.ts';
import { emptyAnnotation } from '../../src/domain/document/FrameAnnotation.ts';
import type { Cuboid } from '../../src/domain/types.ts';
import { DirectorySink } from '../../src/server/export/ExportSink.ts';
import { exportDataset } from '../../src/server/export/exportDataset.ts';
import { openWorkspace } from '../../src/server/openWorkspace.ts';
import type { BenchReport } from './BenchReport.ts';

const CLIENTS = 20;
const BOXES_PER_FRAME = 20;
const EXPORT_FRAMES = 1000;
const EXPORT_POINTS_PER_FRAME = 20_000;

function boxes(n: number, seed: number): Cuboid[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `b${i}`,
    trackId: null,
    label: i % 5 === 0 ? 'Pedestrian' : 'Car',
    center: [5 + i * 2.1 + seed * 1e-3, (i % 7) - 3, -0.9] as [number, number, number],
    size: [4.2, 1.8, 1.5] as [number, number, number],
    yaw: ((i + seed) % 31) * 0.2 - 3,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual' as const,
  }));
}

function velodyne(points: number): Uint8Array {
  const f = new Float32Array(points * 4);
  for (let i = 0; i < f.length; i++) f[i] = ((i * 2654435761) % 1000) / 10;
  return new Uint8Array(f.buffer);
}

/** A KITTI-layout dataset of `frames` frames (velodyne only, no calib) under `root`. */
function makeDataset(root: string, frames: number, points: number): string[] {
  fs.mkdirSync(path.join(root, 'velodyne'), { recursive: true });
  const bin = velodyne(points);
  const ids = Array.from({ length: frames }, (_, i) => String(i).padStart(6, '0'));
  for (const id of ids) fs.writeFileSync(path.join(root, 'velodyne', `${id}.bin`), bin);
  return ids;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function startServer(dataDir: string, stateDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const cli = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src/cli/cuboid.js');
  const child = spawn(process.execPath, [cli, 'serve', dataDir, '--state', stateDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m !== null) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serverSave.bench: serve exited (${code}): ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface SaveRun {
  latencies: number[];
  conflicts: number;
  labelFailures: number;
  complete: boolean;
}

/** `clients` clients, each on its own frame, save back-to-back (no think time) for `durationMs`. */
async function saveLoop(root: string, name: string, clients: number, durationMs: number): Promise<SaveRun> {
  const dataDir = path.join(root, `${name}-data`);
  const stateDir = path.join(root, `${name}-state`);
  const ids = makeDataset(dataDir, clients, 1000);
  const server = await startServer(dataDir, stateDir);
  const run: SaveRun = { latencies: [], conflicts: 0, labelFailures: 0, complete: false };
  try {
    const deadline = performance.now() + durationMs;
    await Promise.all(
      ids.map(async (id, client) => {
        const url = `${server.url}/api/frames/${id}/annotation`;
        let doc = (await (await fetch(url)).json()) as FrameAnnotation;
        for (let n = 0; performance.now() < deadline; n++) {
          const next: FrameAnnotation = { ...emptyAnnotation(id), cuboids: boxes(BOXES_PER_FRAME, n + client), status: 'in_progress' };
          const t0 = performance.now();
          const res = await fetch(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'if-match': `"${doc.revision}"` },
            body: JSON.stringify(next),
          });
          const body = (await res.json()) as { annotation: FrameAnnotation; labelWritten: boolean };
          run.latencies.push(performance.now() - t0);
          if (res.status === 409) run.conflicts++;
          else if (!body.labelWritten) run.labelFailures++;
          doc = body.annotation;
        }
      }),
    );
  } finally {
    await server.stop();
  }
  // Every frame's label file must hold its last revision's boxes.
  run.complete = ids.every((id) => fs.readFileSync(path.join(stateDir, 'label_2', `${id}.txt`), 'utf8').split('\n').length === BOXES_PER_FRAME + 1);
  run.latencies.sort((a, b) => a - b);
  return run;
}

async function saveRoundTrip(report: BenchReport, root: string): Promise<void> {
  const durationMs = report.options.quick ? 5_000 : 30_000;
  const table = report.table({
    title: `Save round trip (PUT → label file on disk), loopback, ${durationMs / 1000} s per row`,
    reference: 'none',
    columns: ['p99', 'saves', 'saves/s', 'check'],
    nameWidth: 44,
  });
  for (const clients of [CLIENTS, 1]) {
    const run = await saveLoop(root, `save-${clients}`, clients, clients === 1 ? Math.min(durationMs, 5_000) : durationMs);
    const seconds = (clients === 1 ? Math.min(durationMs, 5_000) : durationMs) / 1000;
    const ok = run.conflicts === 0 && run.labelFailures === 0 && run.complete;
    table.row(`${clients} client${clients > 1 ? 's' : ''} back-to-back, ${BOXES_PER_FRAME} boxes, median`, percentile(run.latencies, 50), null, {
      p99: `${percentile(run.latencies, 99).toFixed(1)} ms`,
      saves: run.latencies.length,
      'saves/s': Math.round(run.latencies.length / seconds),
      check: ok ? '✓' : `✗ ${run.conflicts} conflicts, ${run.labelFailures} label failures`,
    });
  }
  table.note('each save: zod validation, one SQLite transaction (WAL, synchronous=FULL), temp file + fsync + rename + dir fsync.');
  table.note(`${CLIENTS} clients without think time saturate the server: their latency is mostly queueing (Little's law).`);
  table.note(`server in a child process; ${os.cpus().length} cores shared with the clients.`);
}

async function exportTime(report: BenchReport, root: string): Promise<void> {
  const dataDir = path.join(root, 'export-data');
  const stateDir = path.join(root, 'export-state');
  const ids = makeDataset(dataDir, EXPORT_FRAMES, EXPORT_POINTS_PER_FRAME);
  const ws = await openWorkspace({ dataDir, stateDir });
  try {
    for (const [i, id] of ids.entries()) {
      const frame = ws.dataset.get(id)!;
      await ws.service.saveAnnotation(frame, { ...emptyAnnotation(id), cuboids: boxes(10, i), status: 'accepted' }, 0, 'bench');
    }
    const table = report.table({
      title: `Export of a ${EXPORT_FRAMES}-frame synthetic dataset (${(EXPORT_POINTS_PER_FRAME * 16) / 1000} kB velodyne, 10 boxes per frame)`,
      reference: 'none',
      columns: ['frames', 'MB written'],
      nameWidth: 40,
    });
    for (const [name, points] of [
      ['labels, calib, ImageSets only', false],
      ['full tree (velodyne copied)', true],
    ] as const) {
      const out = path.join(root, `export-out-${points ? 'full' : 'labels'}`);
      const t0 = performance.now();
      const summary = await exportDataset(ws.service, new DirectorySink(out), { points });
      const ms = performance.now() - t0;
      let bytes = 0;
      const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(path.join(d, e.name));
          else bytes += fs.statSync(path.join(d, e.name)).size;
        }
      };
      walk(out);
      table.row(name, ms, null, { frames: summary.frames, 'MB written': (bytes / 1e6).toFixed(1) });
      fs.rmSync(out, { recursive: true, force: true });
    }
    table.note('frames without calib get the synthetic calib; labels are formatted from the stored revisions.');
  } finally {
    await ws.close();
  }
}

export async function run(report: BenchReport): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-bench-server-'));
  try {
    await saveRoundTrip(report, root);
    await exportTime(report, root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
