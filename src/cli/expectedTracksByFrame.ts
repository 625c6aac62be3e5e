import type { ExpectedTrackBox } from '../domain/checks/CheckContext.ts';
import { expectedTrackBoxes, trackWindow } from '../domain/checks/expectedTrackBoxes.ts';
import type { PosesResponse } from '../domain/poses/Pose.ts';
import type { Cuboid } from '../domain/types.ts';
import type { DatasetFrame } from '../server/dataset/Dataset.ts';
import { sequenceOf } from '../server/checks/TrackWindows.ts';

/**
 * `cuboid check`'s track expectations (`trackGap`, `offTrack`): for every frame of the dataset (in
 * its order), where the tracks of the frames around it are expected (`expectedTrackBoxes` over its
 * sequence, `trackWindow`). `boxesOf` gives a frame's boxes (its stored revision, else the labels
 * its dataset ships; `label_2` files carry no track ids). Frames with no track around are left out.
 */
export async function expectedTracksByFrame(
  frames: readonly DatasetFrame[],
  boxesOf: (frame: DatasetFrame) => Promise<readonly Cuboid[]>,
  poses: PosesResponse,
): Promise<Map<string, ExpectedTrackBox[]>> {
  const boxes: (readonly Cuboid[])[] = [];
  for (const f of frames) boxes.push((await boxesOf(f)).filter((c) => c.trackId !== null && c.trackId !== ''));
  const out = new Map<string, ExpectedTrackBox[]>();
  if (boxes.every((b) => b.length === 0)) return out;
  const sequences = frames.map((f) => sequenceOf(f.sequence, poses.frames[f.id]));
  frames.forEach((frame, i) => {
    const [lo, hi] = trackWindow(sequences, i);
    const window = frames.slice(lo, hi + 1).map((f, k) => ({ frameId: f.id, cuboids: boxes[lo + k], pose: poses.frames[f.id]?.pose ?? null }));
    const expected = expectedTrackBoxes(window, i - lo);
    if (expected.length > 0) out.set(frame.id, expected);
  });
  return out;
}
