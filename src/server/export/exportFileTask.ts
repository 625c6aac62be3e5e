import type { PointCloud } from '../../domain/types.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { IN_THREAD_FILES, type ExportFileReader, type PreparedPoints } from './exportFileReader.ts';

/**
 * One frame's point file or camera image read (and converted) for an export, as a task for a worker thread (the
 * server's check pool runs it: `CheckPool.runExportFile`). The frame is plain data; the worker
 * reads the file itself through the frame's source.
 */
export type ExportFileTask =
  | { kind: 'export-file'; what: 'prepare'; frame: DatasetFrame; bin: boolean; keepIntensity: boolean }
  | { kind: 'export-file'; what: 'cloud'; frame: DatasetFrame }
  | { kind: 'export-file'; what: 'png'; frame: DatasetFrame; file: string };

/** The answer; `ok: false` carries the error's message (naming the file), since its class does not survive the trip. */
export type ExportFileAnswer =
  { ok: true; prepared: PreparedPoints } | { ok: true; cloud: PointCloud } | { ok: true; png: Uint8Array } | { ok: false; message: string };

/** Runs one task (in a worker thread). Never throws: an unreadable file comes back as its message. */
export async function runExportFileTask(task: ExportFileTask): Promise<ExportFileAnswer> {
  try {
    if (task.what === 'cloud') return { ok: true, cloud: await IN_THREAD_FILES.cloud(task.frame) };
    if (task.what === 'png') return { ok: true, png: await IN_THREAD_FILES.png(task.frame, task.file) };
    return { ok: true, prepared: await IN_THREAD_FILES.prepare(task.frame, task.bin, task.keepIntensity) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * An `ExportFileReader` that runs each read on a worker thread through `run` (the server's
 * `CheckPool.runExportFile`), so an export's conversions never hold the event loop.
 */
export function poolFileReader(run: (task: ExportFileTask) => Promise<ExportFileAnswer>): ExportFileReader {
  const answer = async (task: ExportFileTask): Promise<Extract<ExportFileAnswer, { ok: true }>> => {
    const a = await run(task);
    if (!a.ok) throw new Error(a.message);
    return a;
  };
  return {
    prepare: async (frame, bin, keepIntensity) => {
      const a = await answer({ kind: 'export-file', what: 'prepare', frame, bin, keepIntensity });
      if (!('prepared' in a)) throw new Error(`frame ${frame.id}: the worker answered without points`);
      return a.prepared;
    },
    cloud: async (frame) => {
      const a = await answer({ kind: 'export-file', what: 'cloud', frame });
      if (!('cloud' in a)) throw new Error(`frame ${frame.id}: the worker answered without a cloud`);
      return a.cloud;
    },
    png: async (frame, file) => {
      const a = await answer({ kind: 'export-file', what: 'png', frame, file });
      if (!('png' in a)) throw new Error(`frame ${frame.id}: the worker answered without an image`);
      return a.png;
    },
  };
}
