import type { CheckResult } from '../../domain/checks/CheckResult.ts';
import type { EdgeCaseDictionary } from '../../domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import type { CheckPool } from '../checks/CheckPool.ts';
import { checkedOrThrow } from '../checks/CheckPool.ts';
import type { TrackWindows } from '../checks/TrackWindows.ts';

/** Runs the checks a submit must pass (or override with a reason) on a frame's boxes. */
export type SubmitChecker = (frame: DatasetFrame, doc: FrameAnnotation, dictionary: EdgeCaseDictionary) => Promise<CheckResult[]>;

/**
 * The server's submit gate: in a worker thread of the check pool (never on the event loop), reads
 * the frame's points (KITTI `.bin` or PCD), analyses the frame once (grid, ground, sensor model;
 * cached for a few frames per worker) and runs every rule of the dictionary on the document's
 * boxes, LiDAR frame, with the same label region as `cuboid check`: a near-certain missed object
 * is an error too; with `tracks`, a track boxed either side of the frame and not in it (`trackGap`),
 * and a box off where the frames around put its track (`offTrack`), too. The other cross-frame rules are left to the checks panel and `cuboid check`.
 * Rejects with an HttpError 422 (unreadable file, frame over a size limit) or 503 (time limit,
 * pool busy) naming the frame and the limit.
 */
export function createSubmitChecker(pool: Pick<CheckPool, 'run'>, tracks?: Pick<TrackWindows, 'expectedFor'>): SubmitChecker {
  return async (frame, doc, dictionary) => {
    const expectedTracks = (await tracks?.expectedFor(frame.id)) ?? [];
    const answer = await pool.run({ kind: 'submit', frame, doc, dictionary, expectedTracks });
    return checkedOrThrow(answer, frame.id).results;
  };
}
