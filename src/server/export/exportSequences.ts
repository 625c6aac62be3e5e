import type { Dataset, DatasetFrame } from '../dataset/Dataset.ts';
import type { PosesResponse } from '../../domain/poses/Pose.ts';
import type { SplitFrame } from './splitExport.ts';

/**
 * The sequence of each frame as far as the dataset says (for the train/val split): the sequence
 * the served poses (`DatasetPoses`, read once by the caller) give (a sequence layout's, or one sequence for a `poses.txt` drive, even one
 * that could not be used), else the frame's own, else null (independent frames).
 */
export function frameSequences(dataset: Dataset, served: PosesResponse): (id: string) => string | null {
  // A poses.txt that could not be used (a line short, no calib) still says the frames are one drive.
  const oneDrive = (served.warnings?.length ?? 0) > 0 && Object.keys(served.frames).length === 0;
  return (id) => {
    if (oneDrive) return '';
    const placed = served.frames[id];
    if (placed !== undefined) return placed.sequence;
    const frame = dataset.get(id) as (DatasetFrame & { sequence?: unknown }) | undefined;
    return typeof frame?.sequence === 'string' ? frame.sequence : null;
  };
}

/** The exported ids, in dataset order, with their sequences. */
export function splitFramesOf(ids: readonly string[], sequenceOf: (id: string) => string | null): SplitFrame[] {
  return ids.map((id) => ({ id, sequence: sequenceOf(id) }));
}
