import type { ExpectedTrackBox } from '../../domain/checks/CheckContext.ts';
import type { CheckResult, Severity } from '../../domain/checks/CheckResult.ts';
import { countBySeverity } from '../../domain/checks/CheckResult.ts';
import { createCheckContext } from '../../domain/checks/createCheckContext.ts';
import type { EdgeCaseDictionary } from '../../domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { FrameAnalysis } from '../../domain/checks/frame/FrameAnalysis.ts';
import { analyzeFrame } from '../../domain/checks/frame/analyzeFrame.ts';
import { runChecks } from '../../domain/checks/runChecks.ts';
import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import { dismissedRegions } from '../../domain/document/dismissals.ts';
import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import { KittiError } from '../../domain/kitti/KittiError.ts';
import { PcdError } from '../../domain/pcd/PcdError.ts';
import { PointFileError } from '../../domain/pointcloud/PointFileError.ts';
import { BIN_LAYOUTS } from '../../domain/pointcloud/binLayouts.ts';
import { ringOf } from '../../domain/sensor/ringOf.ts';
import type { Cuboid } from '../../domain/types.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { readFramePoints } from '../dataset/readFramePoints.ts';
import { readPointCount } from '../dataset/readPointCount.ts';
import { DatasetFileError, toDatasetFileError } from '../dataset/fileError.ts';
import { workerData } from 'node:worker_threads';
import type { CheckSizeLimits } from './checkLimits.ts';
import { pauseWhileHeld } from './CheckPause.ts';
import { frameLabelRegion, readCheckCalib, readCheckFrame } from './checkFrameInput.ts';
import type { CheckFrameInput, RegionMode } from './checkFrameInput.ts';

/**
 * One frame's checks, as asked of the check pool (structured-cloneable):
 * - `frame`: read the frame (stored document, else `label_2`) and run every single-frame rule,
 *   as the navigator summary and `cuboid check` do; `countOnly` returns counts without results;
 * - `submit`: run every rule on `doc` (the submit gate), the frame analysis cached per worker.
 */
export type CheckRequest =
  | {
      kind: 'frame';
      frame: DatasetFrame;
      stored: FrameAnnotation | null;
      region: RegionMode;
      dictionary: EdgeCaseDictionary;
      countOnly: boolean;
      /** Where the tracks of the frames around are expected here (`TrackWindows`), for `trackGap` and `offTrack`. */
      expectedTracks?: ExpectedTrackBox[];
    }
  | { kind: 'submit'; frame: DatasetFrame; doc: FrameAnnotation; dictionary: EdgeCaseDictionary; expectedTracks?: ExpectedTrackBox[] };

/** A request with the pool's size limits, as the worker receives it. */
export type CheckTask = CheckRequest & { limits: CheckSizeLimits };

/** A checked frame: its results (none when `countOnly`), counts and what was read. */
export interface CheckedFrame {
  ok: true;
  results: CheckResult[];
  counts: Record<Severity, number>;
  points: number;
  boxes: number;
  labelSource: CheckFrameInput['labelSource'];
  cameraOnly: boolean;
  /** The boxes checked (LiDAR frame), for the cross-frame rules of `cuboid check`; absent when `countOnly`. */
  cuboids?: Cuboid[];
  /** The frame's calib could not be used (file, line, reason): checked without the camera, missed objects searched all around. */
  calibProblem?: string;
}

/**
 * A frame that was not checked: `unreadable` (a point, label or calib file could not be read or
 * parsed) or `too_large` (over a size limit). `message` names the file or the limit; `limit` is
 * the exceeded limit's value.
 */
export interface UncheckedFrame {
  ok: false;
  reason: 'unreadable' | 'too_large';
  message: string;
  limit?: number;
}

export type CheckAnswer = CheckedFrame | UncheckedFrame;

/** Bytes a PCD point takes at most, for the size check before reading (ascii, many fields). */
const MAX_PCD_POINT_BYTES = 256;

/**
 * Longest a frame check waits in all (ms) while the server holds its checks (`CheckPause`: a merge
 * of sweeps streams to a page); the pool's time limit counts it.
 */
const MAX_PAUSE_MS = 5000;
/** The pause shared by the pool (`CheckPool`), absent when this module runs outside it. */
const pauseBuffer = (workerData as { pause?: SharedArrayBuffer } | null)?.pause;

/** Frames whose points and analysis a worker keeps for the submit gate (a queue touches few at a time). */
const CACHE_FRAMES = 2;
/** `analysis` is absent for a frame over the point limit (it is refused on the count). */
const analysed = new Map<string, Promise<{ positions: Float32Array; analysis: FrameAnalysis | undefined }>>();

/**
 * Runs one check task (in a check worker thread; see `CheckPool`). Never throws for a bad frame:
 * unreadable files and size limits come back as an `UncheckedFrame`, whose message names the file
 * or the limit, since an error's class does not survive the trip back to the main thread.
 */
export async function runCheckTask(task: CheckTask): Promise<CheckAnswer> {
  try {
    return task.kind === 'frame' ? await checkFrame({ ...task, kind: 'frame' }) : await checkSubmit({ ...task, kind: 'submit' });
  } catch (err) {
    if (err instanceof PcdError || err instanceof PointFileError || err instanceof KittiError || err instanceof DatasetFileError || isFileError(err)) {
      // A file system error names the file relative to the dataset and says why (missing, permission denied).
      return { ok: false, reason: 'unreadable', message: toDatasetFileError(err, task.frame.root)?.message ?? (err as Error).message };
    }
    throw err;
  }
}

async function checkFrame(task: Extract<CheckRequest, { kind: 'frame' }> & { limits: CheckSizeLimits }): Promise<CheckAnswer> {
  const { frame, limits } = task;
  const tooMany = boxesOverLimit(frame.id, task.stored, limits) ?? fileOverLimit(frame, limits) ?? (await declaredOverLimit(frame, limits));
  if (tooMany) return tooMany;
  const input = await readCheckFrame(frame, task.stored, task.region);
  const over = sizeOverLimit(frame.id, input.positions.length / 3, input.cuboids.length, limits);
  if (over) return over;
  // A background check (the frame list's summaries, `cuboid check`) steps aside while a user waits
  // on a merge; the submit gate (below), which a user waits on, does not.
  const ctx = createCheckContext({ ...input, dictionary: task.dictionary, expectedTracks: task.expectedTracks });
  const results = runChecks(ctx, { pause: pauseWhileHeld(pauseBuffer, MAX_PAUSE_MS) });
  return {
    ok: true,
    results: task.countOnly ? [] : results,
    counts: countBySeverity(results),
    points: Math.floor(input.positions.length / 3),
    boxes: input.cuboids.length,
    labelSource: input.labelSource,
    cameraOnly: input.labelRegion !== undefined,
    ...(task.countOnly ? {} : { cuboids: input.cuboids }),
    ...(input.calibProblem !== undefined ? { calibProblem: input.calibProblem } : {}),
  };
}

async function checkSubmit(task: Extract<CheckRequest, { kind: 'submit' }> & { limits: CheckSizeLimits }): Promise<CheckAnswer> {
  const { frame, doc, limits } = task;
  const tooMany = boxesOverLimit(frame.id, doc, limits) ?? fileOverLimit(frame, limits) ?? (await declaredOverLimit(frame, limits));
  if (tooMany) return tooMany;
  // The submitted boxes are in the LiDAR frame: a broken calib widens the missed-object search to all around; it never blocks the gate.
  const { positions, analysis } = await analyse(frame, limits);
  // Read on every submit (a small file), so a corrected calib counts at once.
  const { calib, problem: calibProblem } = await readCheckCalib(frame);
  const over = sizeOverLimit(frame.id, positions.length / 3, doc.cuboids.length, limits);
  if (over || analysis === undefined) return over ?? tooLarge(frame.id, 'too many points', `${limits.maxPoints} points`, limits.maxPoints);
  const dismissed = dismissedRegions(doc.dismissals);
  const dontCare = doc.dontCare.map((d) => d.bbox);
  const labelRegion = await frameLabelRegion(frame, calib, 'auto', doc.cuboids, dontCare);
  const ctx = createCheckContext({
    frameId: frame.id,
    positions,
    cuboids: doc.cuboids,
    dictionary: task.dictionary,
    analysis,
    dismissed,
    labelRegion,
    expectedTracks: task.expectedTracks,
  });
  const results = runChecks(ctx);
  return {
    ok: true,
    results,
    counts: countBySeverity(results),
    points: Math.floor(positions.length / 3),
    boxes: doc.cuboids.length,
    labelSource: 'database',
    cameraOnly: labelRegion !== undefined,
    ...(calibProblem !== null ? { calibProblem } : {}),
  };
}

/** The frame's points and analysis, cached for the last few frames of this worker. */
function analyse(frame: DatasetFrame, limits: CheckSizeLimits) {
  const key = `${frame.id}:${frame.points.path}:${frame.points.bytes}`;
  let hit = analysed.get(key);
  if (hit === undefined) {
    hit = (async () => {
      const cloud = await readFramePoints(frame);
      const over = cloud.positions.length / 3 > limits.maxPoints;
      const analysis = over ? undefined : analyzeFrame(cloud.positions, { ring: ringOf(cloud) });
      return { positions: cloud.positions, analysis };
    })();
    const entry = hit;
    entry.catch(() => analysed.delete(key));
    analysed.set(key, entry);
    while (analysed.size > CACHE_FRAMES) analysed.delete(analysed.keys().next().value as string);
  }
  return hit;
}

function boxesOverLimit(frameId: string, doc: FrameAnnotation | null, limits: CheckSizeLimits): UncheckedFrame | null {
  if (doc === null) return null;
  const most = Math.max(doc.cuboids.length, doc.dontCare.length);
  return most > limits.maxBoxes ? tooLarge(frameId, `${most} boxes`, `${limits.maxBoxes} boxes`, limits.maxBoxes) : null;
}

/**
 * A point file that must hold more points than the limit, known from its size before it is read
 * (a raw `.bin` record is its layout's size; a PCD point takes at most `MAX_PCD_POINT_BYTES`).
 */
function fileOverLimit(frame: DatasetFrame, limits: CheckSizeLimits): UncheckedFrame | null {
  // PLY, LAS and LAZ are bounded like a PCD (their exact count is checked once read).
  const pcd = frame.points.format !== 'bin';
  const atLeast = Math.floor(frame.points.bytes / (pcd ? MAX_PCD_POINT_BYTES : BIN_LAYOUTS[frame.points.binLayout?.name ?? 'xyzi'].bytes));
  if (atLeast <= limits.maxPoints) return null;
  // A raw .bin's count is exact; a PCD's is a lower bound from its size.
  const has = pcd ? `at least ${atLeast} points (a ${(frame.points.bytes / 2 ** 20).toFixed(0)} MiB point file)` : `${atLeast} points`;
  return tooLarge(frame.id, has, `${limits.maxPoints} points`, limits.maxPoints);
}

/**
 * A PLY, LAS or LAZ file whose header declares more points than the limit, refused before it is
 * read (a LAZ holds ~10× more points than its size suggests, so the size bound above cannot).
 */
async function declaredOverLimit(frame: DatasetFrame, limits: CheckSizeLimits): Promise<UncheckedFrame | null> {
  const f = frame.points.format;
  if (f !== 'ply' && f !== 'las' && f !== 'laz') return null;
  const declared = await readPointCount(frame);
  return declared !== null && declared > limits.maxPoints ? tooLarge(frame.id, `${declared} points`, `${limits.maxPoints} points`, limits.maxPoints) : null;
}

function sizeOverLimit(frameId: string, points: number, boxes: number, limits: CheckSizeLimits): UncheckedFrame | null {
  if (points > limits.maxPoints) return tooLarge(frameId, `${points} points`, `${limits.maxPoints} points`, limits.maxPoints);
  if (boxes > limits.maxBoxes) return tooLarge(frameId, `${boxes} boxes`, `${limits.maxBoxes} boxes`, limits.maxBoxes);
  return null;
}

function tooLarge(frameId: string, has: string, most: string, limit: number): UncheckedFrame {
  return { ok: false, reason: 'too_large', message: `frame ${frameId} has ${has}; the checks take at most ${most}`, limit };
}

/** A filesystem error (ENOENT, EACCES, EISDIR, ...): its message names the path. */
function isFileError(err: unknown): boolean {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}
