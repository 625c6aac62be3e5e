import { SPLIT_BY, isSplitBy } from '../../domain/formats/SplitBy.ts';
import type { Readable } from 'node:stream';
import type { CheckPool } from '../checks/CheckPool.ts';
import type { ExportSource } from '../export/ExportSource.ts';
import { exportDataset, type ExportOptions, type SkippedFrame } from '../export/exportDataset.ts';
import { exportLabelFormat } from '../export/formats/exportLabelFormat.ts';
import { poolFileReader } from '../export/exportFileTask.ts';
import { parseStatuses } from '../export/parseStatuses.ts';
import { ZipSink } from '../export/ZipSink.ts';
import { isExportFormat } from '../../domain/formats/LabelFormats.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ExportJobInput, ExportJobOutput, ExportTreeJobInput, ExportTreeJobOutput, JobKind, JobKinds } from './JobRunner.ts';

/** What a job's code may use where it runs (the server's process, or a `cuboid worker`). */
export interface JobContext {
  /** The worker-thread pool checks run in (never the event loop). */
  pool: CheckPool;
  /** Reports the fraction done, 0..1 (the runner stores it now and then). */
  progress(fraction: number): void;
  /** Keeps the job's file (the export zip) as `stream` delivers it; resolves with its size in bytes. */
  saveFile(stream: Readable): Promise<number>;
  /** The dataset and documents an export reads, and how to let them go. */
  openExportSource(input: ExportJobInput): Promise<{ source: ExportSource; close(): Promise<void> }>;
  /** Runs `cuboid export` for an `export-tree` job (the CLI's code, given by `cuboid worker`); absent in a server. */
  exportTree?: (input: ExportTreeJobInput) => Promise<ExportTreeJobOutput>;
}

/**
 * Runs one job: the same code in the server's process (SQLite) and in `cuboid worker` (PostgreSQL).
 * @throws an `HttpError` (or another error) that becomes the job's recorded error
 */
export async function runJob<K extends JobKind>(kind: K, input: JobKinds[K]['input'], ctx: JobContext): Promise<JobKinds[K]['output']> {
  if (kind === 'check') {
    const answer = await ctx.pool.run(input as JobKinds['check']['input']);
    ctx.progress(1);
    return answer as JobKinds[K]['output'];
  }
  if (kind === 'export') return (await runExportJob(input as ExportJobInput, ctx)) as JobKinds[K]['output'];
  if (kind === 'export-tree') {
    if (ctx.exportTree === undefined) throw new HttpError(501, 'job_unsupported', 'export-tree jobs run in `cuboid worker` only');
    const out = await ctx.exportTree(input as ExportTreeJobInput);
    ctx.progress(1);
    return out as JobKinds[K]['output'];
  }
  throw new Error(`unknown job kind ${JSON.stringify(kind)}`);
}

/** The training export as a zip kept with the job; progress is the fraction of frames read. */
async function runExportJob(input: ExportJobInput, ctx: JobContext): Promise<ExportJobOutput> {
  const format = input.format;
  if (!isExportFormat(format)) throw new HttpError(400, 'invalid_query', `format ${JSON.stringify(format)} is not an export format`);
  const opts = exportOptions(input);
  const { source, close } = await ctx.openExportSource(input);
  try {
    const total = Math.max(1, source.dataset.ids().length);
    let started = 0;
    const counted: ExportSource = {
      dataset: source.dataset,
      // A frame's document is read first: the frames before it are written.
      getAnnotation: (frame) => {
        ctx.progress(Math.min(started++, total) / total);
        return source.getAnnotation(frame);
      },
      formatLabel: (frame, doc) => source.formatLabel(frame, doc),
      ...(source.acceptedDocument !== undefined ? { acceptedDocument: source.acceptedDocument.bind(source) } : {}),
      ...(source.syncDirtyLabels !== undefined ? { syncDirtyLabels: () => source.syncDirtyLabels?.() ?? Promise.resolve({ written: [] }) } : {}),
    };
    const sink = new ZipSink();
    const saved = ctx.saveFile(sink.stream);
    let summary: { frames: number; filteredOut: number; skipped: SkippedFrame[] };
    try {
      const { bin: _bin, images: _images, ...labelOpts } = opts;
      // Point files are parsed and converted on the pool's threads, not this event loop.
      const fileReader = poolFileReader((task) => ctx.pool.runExportFile(task));
      summary =
        format === 'kitti'
          ? await exportDataset(counted, sink, { ...opts, fileReader })
          : await exportLabelFormat(counted, sink, { ...labelOpts, format, fileReader });
    } catch (err) {
      sink.abort(err instanceof Error ? err : new Error(String(err)));
      await saved.catch(() => undefined);
      throw err;
    }
    const bytes = await saved;
    if (summary.frames === 0) throw new HttpError(422, 'nothing_to_export', nothingExported(summary, input.status));
    ctx.progress(1);
    return {
      fileName: input.fileName,
      bytes,
      frames: summary.frames,
      skipped: summary.skipped.length,
      skippedFrames: summary.skipped.slice(0, SKIPPED_SHOWN),
    };
  } finally {
    await close();
  }
}

/** Skipped frames an export job's result lists (the manifest in the zip lists every one). */
const SKIPPED_SHOWN = 5;

/** Why an export wrote no frame: the status filter left none, every frame was skipped, or the dataset has none. */
function nothingExported(s: { filteredOut: number; skipped: SkippedFrame[] }, status: string | undefined): string {
  if (s.skipped.length > 0) {
    const k = s.skipped[0];
    return `every frame was skipped (${s.skipped.length}); the first, ${k.frameId}: ${k.file}: ${k.reason}`;
  }
  if (s.filteredOut > 0) return `no frame has the status ${status ?? 'asked for'} (${s.filteredOut} frames have another): nothing to export`;
  return 'the dataset has no frame: nothing to export';
}

function exportOptions(input: ExportJobInput): ExportOptions {
  const opts: ExportOptions = {};
  if (input.split !== undefined) opts.split = input.split;
  if (input.seed !== undefined) opts.seed = input.seed;
  if (input.splitBy !== undefined) {
    if (!isSplitBy(input.splitBy)) throw new HttpError(400, 'invalid_query', `splitBy ${JSON.stringify(input.splitBy)} must be one of ${SPLIT_BY.join(', ')}`);
    opts.splitBy = input.splitBy;
  }
  for (const key of ['bin', 'points', 'images'] as const) {
    const v = input[key];
    if (v !== undefined) opts[key] = v;
  }
  if (input.intensity !== undefined) {
    if (input.intensity !== 'scale' && input.intensity !== 'keep')
      throw new HttpError(400, 'invalid_query', `intensity ${JSON.stringify(input.intensity)} must be scale or keep`);
    opts.intensity = input.intensity;
  }
  if (input.status !== undefined) {
    try {
      opts.statuses = parseStatuses(input.status);
    } catch (err) {
      throw new HttpError(400, 'invalid_query', err instanceof Error ? err.message : String(err));
    }
  }
  return opts;
}
