import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CheckPool } from '../checks/CheckPool.ts';
import { storedError } from '../checks/sharedCheckSummaries.ts';
import type { ExportSource } from '../export/ExportSource.ts';
import { jobTimeout, pause, wireJobError } from './jobErrors.ts';
import { runJob } from './jobHandlers.ts';
import type { ExportJobInput, JobFile, JobKind, JobKinds, JobRunner, JobState, JobStatus, WaitOptions } from './JobRunner.ts';

interface Entry {
  id: string;
  kind: JobKind;
  state: JobState;
  progress: number;
  createdAt: string;
  endedAt: number;
  done: Promise<unknown>;
  result?: unknown;
  error?: unknown;
  file?: string;
}

/** How long an ended job stays answerable, ms: a check is read once by its waiter; an export waits for its download. */
const KEEP_MS: Record<JobKind, number> = { check: 60_000, export: 3_600_000, 'export-tree': 3_600_000 };

/**
 * The embedded (SQLite) mode's jobs: run at once in this process, checks in its worker-thread
 * pool (piscina) and exports as streams on its event loop (I/O-bound), kept in memory (an export's
 * zip in a temporary folder) for an hour after they end. Nothing survives a restart; no worker
 * process is needed.
 */
export class InProcessJobRunner implements JobRunner {
  readonly mode = 'in-process' as const;
  private readonly jobs = new Map<string, Entry>();
  private readonly pool: CheckPool;
  private readonly exportSource: ExportSource;
  private filesDir: Promise<string> | null = null;

  /** `exportSource`: the served dataset's annotation service (exports read what the server serves). */
  constructor(opts: { pool: CheckPool; exportSource: ExportSource }) {
    this.pool = opts.pool;
    this.exportSource = opts.exportSource;
  }

  async enqueue<K extends JobKind>(kind: K, input: JobKinds[K]['input']): Promise<string> {
    this.prune();
    const id = randomUUID();
    const entry: Entry = { id, kind, state: 'running', progress: 0, createdAt: new Date().toISOString(), endedAt: 0, done: Promise.resolve() };
    this.jobs.set(id, entry);
    entry.done = runJob(kind, input, {
      pool: this.pool,
      progress: (f) => {
        entry.progress = Math.max(entry.progress, Math.min(1, f));
      },
      saveFile: async (stream) => {
        const file = path.join(await this.dir(), `${id}.zip`);
        entry.file = file;
        await pipeline(stream, createWriteStream(file));
        return (await fs.stat(file)).size;
      },
      openExportSource: async (_input: ExportJobInput) => ({ source: this.exportSource, close: async () => undefined }),
    }).then(
      (result) => {
        Object.assign(entry, { state: 'done', progress: 1, result, endedAt: Date.now() });
      },
      (error: unknown) => {
        Object.assign(entry, { state: 'failed', error, endedAt: Date.now() });
      },
    );
    return id;
  }

  async status(id: string): Promise<JobStatus | null> {
    const e = this.jobs.get(id);
    if (e === undefined) return null;
    return {
      id,
      kind: e.kind,
      state: e.state,
      progress: e.progress,
      attempts: 1,
      createdAt: e.createdAt,
      ...(e.state === 'done' ? { result: e.result } : {}),
      ...(e.state === 'failed' ? { error: wireJobError(storedError(e.error)) } : {}),
    };
  }

  async result<K extends JobKind>(id: string, kind: K, opts: WaitOptions): Promise<JobKinds[K]['output']> {
    const e = this.jobs.get(id);
    if (e === undefined) throw new Error(`no job ${id}`);
    const limit = new AbortController();
    const waits = [e.done, pause(opts.timeoutMs, opts.signal === undefined ? limit.signal : AbortSignal.any([limit.signal, opts.signal]))];
    try {
      await Promise.race(waits);
    } finally {
      limit.abort();
    }
    if (e.state === 'done') return e.result as JobKinds[K]['output'];
    if (e.state === 'failed') throw e.error;
    throw jobTimeout(kind, id, opts.timeoutMs, true);
  }

  async openFile(id: string): Promise<JobFile | null> {
    const e = this.jobs.get(id);
    if (e?.state !== 'done' || e.file === undefined) return null;
    const st = await fs.stat(e.file).catch(() => null);
    return st === null ? null : { stream: createReadStream(e.file), bytes: st.size };
  }

  /** Forgets every job and deletes their files (a running export fails on its own: its storage closes too). */
  async close(): Promise<void> {
    this.jobs.clear();
    if (this.filesDir !== null) await fs.rm(await this.filesDir, { recursive: true, force: true });
  }

  private dir(): Promise<string> {
    this.filesDir ??= fs.mkdtemp(path.join(os.tmpdir(), 'cuboid-jobs-'));
    return this.filesDir;
  }

  /** Forgets jobs that ended long enough ago (and deletes their files). */
  private prune(): void {
    const now = Date.now();
    for (const [id, e] of this.jobs) {
      if (e.endedAt === 0 || now - e.endedAt < KEEP_MS[e.kind]) continue;
      this.jobs.delete(id);
      if (e.file !== undefined) void fs.rm(e.file, { force: true });
    }
  }
}
