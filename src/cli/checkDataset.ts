import { defaultStateDir } from '../server/dataset/bucketUrl.ts';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CheckResult, SequenceCheckResult, Severity } from '../domain/checks/CheckResult.ts';
import { countBySeverity } from '../domain/checks/CheckResult.ts';
import { defaultDictionary } from '../domain/checks/dictionary/defaultDictionary.ts';
import type { EdgeCaseDictionary } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import { parseDictionary } from '../domain/checks/dictionary/parseDictionary.ts';
import { runSequenceChecks } from '../domain/checks/runSequenceChecks.ts';
import type { SequenceFrame } from '../domain/checks/SequenceContext.ts';
import { Dataset } from '../server/dataset/Dataset.ts';
import { DatasetPoses, posesWarnings } from '../server/dataset/datasetPoses.ts';
import { expectedTracksByFrame } from './expectedTracksByFrame.ts';
import { SqliteStorage } from '../server/storage/SqliteStorage.ts';
import { PostgresStorage } from '../server/storage/PostgresStorage.ts';
import type { RegionMode } from '../server/checks/checkFrameInput.ts';
import { CheckPool } from '../server/checks/CheckPool.ts';
import type { CheckLimits } from '../server/checks/checkLimits.ts';
import type { CheckAnswer } from '../server/checks/checkTask.ts';
import type { DatasetFrame } from '../server/dataset/Dataset.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { BinLayoutName } from '../domain/pointcloud/binLayouts.ts';

export interface CheckDatasetOptions {
  /** Check only this frame. */
  frame?: string;
  /** A dictionary file; default `DIR/.cuboid/dictionary.json`, else the built-in KITTI one. */
  dictionary?: string;
  region?: RegionMode;
  /** The layout of the dataset's raw `.bin` files (`--bin-layout`); default `cuboid.json`, the name, or detection. */
  binLayout?: BinLayoutName | undefined;
  /** Stop at the first frame that cannot be checked (throws `FrameCheckError`); default: report it and go on. */
  strict?: boolean;
  /** Worker threads; default every core. */
  threads?: number;
  /** Limits of one frame's check; default no time limit and the server's size limits. */
  limits?: Partial<CheckLimits>;
  /** A PostgreSQL database (`--db`) whose stored labels are checked, instead of the dataset's SQLite file; only read. */
  db?: string;
  /** The folder `serve --state` keeps the database and dictionary in; default `DIR/.cuboid`. */
  stateDir?: string;
}

/** A frame that could not be checked: its id and why (the message names the file or the limit). */
export interface UncheckedFrameReport {
  frameId: string;
  reason: 'unreadable' | 'too_large' | 'failed';
  message: string;
}

/** Thrown by a `strict` run at the first frame that cannot be checked. */
export class FrameCheckError extends Error {
  readonly frame: UncheckedFrameReport;
  constructor(frame: UncheckedFrameReport) {
    super(`frame ${frame.frameId} was not checked: ${frame.message}`);
    this.name = 'FrameCheckError';
    this.frame = frame;
  }
}

export interface FrameCheckReport {
  frameId: string;
  points: number;
  boxes: number;
  labelSource: 'database' | 'label_2' | 'dataset' | 'none';
  /** Whether missed objects were searched in camera 2's view only. */
  cameraOnly: boolean;
  /** Why the frame's calib could not be used (file, line, reason): its stored boxes were checked without the camera. */
  calibProblem?: string;
  results: CheckResult[];
}

export interface DatasetCheckReport {
  dataset: string;
  layout: 'kitti' | 'flat' | 'kitti-tracking' | 'nuscenes';
  dictionary: { source: string; version: number };
  frames: FrameCheckReport[];
  /** Cross-frame results (tracks), in frame order. */
  sequence: SequenceCheckResult[];
  totals: Record<Severity, number>;
  /** Counts per rule id and severity, over frames and sequence. */
  byRule: Record<string, Record<Severity, number>>;
  /** Frames that could not be checked (each also has one error result in `frames`), in frame order. */
  unchecked: UncheckedFrameReport[];
  /** The dataset's warnings (files skipped by the scan, table rows left out), as `serve` prints them. */
  warnings: string[];
}

/**
 * Runs every check over a dataset folder (read-only): each frame's boxes from the database
 * (`.cuboid/cuboid.db`) when it has the frame, else from `label_2`, against the frame's points;
 * then the cross-frame rules over all frames in id order. Each frame is checked knowing where the
 * tracks of the frames around it are expected (`trackGap`, `offTrack`). Frames are checked in a pool of worker
 * threads, one per core (`threads`), in id order; the report keeps that order.
 *
 * A frame that cannot be checked (a point, label or calib file that cannot be read, a frame over
 * a size limit) gets one error result (`unreadableFrame` or `frameNotChecked`) naming the file or
 * the limit, is listed in `unchecked`, and the run goes on; with `strict` the run stops there.
 * @throws Error naming the file for an unreadable dataset or dictionary; FrameCheckError (strict)
 */
export async function checkDataset(dir: string, opts: CheckDatasetOptions = {}): Promise<DatasetCheckReport> {
  const dataset = await Dataset.scan(dir, opts.binLayout !== undefined ? { binLayout: opts.binLayout } : {});
  const ids = opts.frame === undefined ? dataset.ids() : [opts.frame];
  const frames = ids.map((id) => {
    const f = dataset.get(id);
    if (f === undefined) throw new Error(`frame "${id}" is not in ${dataset.root}`);
    return f;
  });
  const stateDir = opts.stateDir !== undefined ? path.resolve(opts.stateDir) : defaultStateDir(dataset.root);
  const dbPath = path.join(stateDir, 'cuboid.db');
  const storage = opts.db !== undefined ? await PostgresStorage.open(opts.db, { migrate: false }) : (await exists(dbPath)) ? SqliteStorage.open(dbPath) : null;
  // With --db the team's dictionary is the one stored in the database (as the server reads it).
  const { dictionary, source } =
    storage instanceof PostgresStorage && opts.dictionary === undefined
      ? await dictionaryFromDatabase(storage, stateDir)
      : await loadDictionary(stateDir, opts.dictionary);
  // Each frame's stored document, read once: for where its tracks are expected and for its own check.
  const storedDocs = new Map<string, FrameAnnotation | null>();
  const storedOf = async (id: string): Promise<FrameAnnotation | null> => {
    if (!storedDocs.has(id)) storedDocs.set(id, storage === null ? null : await storage.getAnnotation(id));
    return storedDocs.get(id) ?? null;
  };
  // Where each frame's tracks are expected from the frames around it (`trackGap`, `offTrack`), from the stored or shipped boxes.
  const allFrames = dataset.ids().map((id) => dataset.get(id) as DatasetFrame);
  const poses = await new DatasetPoses(dataset).get();
  const expected = await expectedTracksByFrame(allFrames, async (f) => (await storedOf(f.id))?.cuboids ?? f.shipped?.cuboids ?? [], poses);
  const reports: FrameCheckReport[] = [];
  const unchecked: UncheckedFrameReport[] = [];
  const sequenceFrames: SequenceFrame[] = [];
  const threads = Math.max(1, Math.min(opts.threads ?? os.availableParallelism(), frames.length));
  const pool = new CheckPool({ threads, timeMs: Infinity, maxQueue: Infinity, ...opts.limits });
  const stop = new AbortController();
  const checkOne = async (frame: DatasetFrame): Promise<{ stored: FrameAnnotation | null; answer: CheckAnswer | UncheckedFrameReport }> => {
    let stored: FrameAnnotation | null = null;
    try {
      stored = await storedOf(frame.id);
      const expectedTracks = expected.get(frame.id);
      const answer = await pool.run(
        { kind: 'frame', frame, stored, region: opts.region ?? 'auto', dictionary, countOnly: false, ...(expectedTracks ? { expectedTracks } : {}) },
        stop.signal,
      );
      return { stored, answer };
    } catch (err) {
      const message = err instanceof Error ? ((err as { detail?: string }).detail ?? err.message) : String(err);
      return { stored, answer: { frameId: frame.id, reason: 'failed', message } };
    }
  };
  // A few frames ahead of the one reported keep every thread busy without reading the whole dataset at once.
  const ahead = threads * 2;
  const pending: Promise<Awaited<ReturnType<typeof checkOne>>>[] = [];
  const startUpTo = (n: number) => {
    for (let i = pending.length; i < Math.min(n, frames.length); i++) pending.push(checkOne(frames[i]));
  };
  try {
    startUpTo(ahead);
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i];
      const { stored, answer } = await pending[i];
      startUpTo(i + 1 + ahead);
      if (!('ok' in answer) || !answer.ok) {
        const failed: UncheckedFrameReport = 'ok' in answer ? { frameId: frame.id, reason: answer.reason, message: answer.message } : answer;
        if (opts.strict === true) throw new FrameCheckError(failed);
        unchecked.push(failed);
        reports.push({
          frameId: frame.id,
          points: 0,
          boxes: stored?.cuboids.length ?? 0,
          labelSource: stored !== null ? 'database' : frame.shipped != null ? 'dataset' : frame.labelPath !== null ? 'label_2' : 'none',
          cameraOnly: false,
          results: [
            {
              ruleId: failed.reason === 'unreadable' ? 'unreadableFrame' : 'frameNotChecked',
              severity: 'error',
              cuboidId: null,
              location: null,
              message: failed.message,
              dictionaryEntry: null,
            },
          ],
        });
        continue;
      }
      reports.push({
        frameId: frame.id,
        points: answer.points,
        boxes: answer.boxes,
        labelSource: answer.labelSource,
        cameraOnly: answer.cameraOnly,
        ...(answer.calibProblem !== undefined ? { calibProblem: answer.calibProblem } : {}),
        results: answer.results,
      });
      sequenceFrames.push({ frameId: frame.id, cuboids: answer.cuboids ?? [] });
    }
  } finally {
    stop.abort();
    await Promise.allSettled(pending);
    await pool.close();
    await storage?.close();
  }
  const sequence = runSequenceChecks(sequenceFrames, dictionary);
  const all: CheckResult[] = [...reports.flatMap((r) => r.results), ...sequence];
  const byRule: Record<string, Record<Severity, number>> = {};
  for (const r of all) {
    byRule[r.ruleId] ??= { error: 0, warning: 0, info: 0 };
    byRule[r.ruleId][r.severity]++;
  }
  return {
    dataset: dataset.root,
    layout: dataset.layout,
    dictionary: { source, version: dictionary.version },
    frames: reports,
    sequence,
    totals: countBySeverity(all),
    byRule,
    unchecked,
    warnings: [...dataset.warnings, ...posesWarnings(poses)],
  };
}

/** The dictionary stored in the database (`serve --db` keeps a lead's edits there), else the state folder's or the built-in one. */
async function dictionaryFromDatabase(storage: PostgresStorage, stateDir: string): Promise<{ dictionary: EdgeCaseDictionary; source: string }> {
  const loaded = await storage.dictionaryStore(null).load();
  return loaded.source === 'database' ? { dictionary: loaded.dictionary, source: 'the database (--db)' } : loadDictionary(stateDir);
}

async function loadDictionary(stateDir: string, file?: string): Promise<{ dictionary: EdgeCaseDictionary; source: string }> {
  const candidate = file ?? path.join(stateDir, 'dictionary.json');
  if (file === undefined && !(await exists(candidate))) {
    return { dictionary: defaultDictionary, source: 'built-in KITTI default' };
  }
  const text = await fs.readFile(candidate, 'utf8').catch((err: unknown) => {
    throw new Error(`cannot read dictionary ${candidate}: ${err instanceof Error ? err.message : String(err)}`);
  });
  return { dictionary: parseDictionary(text, candidate), source: candidate };
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}
