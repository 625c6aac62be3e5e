import type { PointCloud } from '../../domain/types.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { IN_THREAD_POINTS, type ExportPointReader, type PreparedPoints } from './exportPointReader.ts';

/**
 * One frame's point file read (and converted) for an export, as a task for a worker thread (the
 * server's check pool runs it: `CheckPool.runExportPoints`). The frame is plain data; the worker
 * reads the file itself through the frame's source.
 */
export type ExportPointsTask =
  | { kind: 'export-points'; what: 'prepare'; frame: DatasetFrame; bin: boolean; keepIntensity: boolean }
  | { kind: 'export-points'; what: 'cloud'; frame: DatasetFrame };

/** The answer; `ok: false` carries the error's message (naming the file), since its class does not survive the trip. */
export type ExportPointsAnswer = { ok: true; prepared: PreparedPoints } | { ok: true; cloud: PointCloud } | { ok: false; message: string };

/** Runs one task (in a worker thread). Never throws: an unreadable file comes back as its message. */
export async function runExportPointsTask(task: ExportPointsTask): Promise<ExportPointsAnswer> {
  try {
    if (task.what === 'cloud') return { ok: true, cloud: await IN_THREAD_POINTS.cloud(task.frame) };
    return { ok: true, prepared: await IN_THREAD_POINTS.prepare(task.frame, task.bin, task.keepIntensity) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * An `ExportPointReader` that runs each read on a worker thread through `run` (the server's
 * `CheckPool.runExportPoints`), so an export's conversions never hold the event loop.
 */
export function poolPointReader(run: (task: ExportPointsTask) => Promise<ExportPointsAnswer>): ExportPointReader {
  const answer = async (task: ExportPointsTask): Promise<Extract<ExportPointsAnswer, { ok: true }>> => {
    const a = await run(task);
    if (!a.ok) throw new Error(a.message);
    return a;
  };
  return {
    prepare: async (frame, bin, keepIntensity) => {
      const a = await answer({ kind: 'export-points', what: 'prepare', frame, bin, keepIntensity });
      if (!('prepared' in a)) throw new Error(`frame ${frame.id}: the worker answered without points`);
      return a.prepared;
    },
    cloud: async (frame) => {
      const a = await answer({ kind: 'export-points', what: 'cloud', frame });
      if (!('cloud' in a)) throw new Error(`frame ${frame.id}: the worker answered without a cloud`);
      return a.cloud;
    },
  };
}
