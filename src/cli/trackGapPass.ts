import type { ExpectedTrackBox } from '../domain/checks/CheckContext.ts';
import type { CheckResult } from '../domain/checks/CheckResult.ts';
import { expectedTrackBoxes, trackWindow } from '../domain/checks/expectedTrackBoxes.ts';
import type { PosesResponse } from '../domain/poses/Pose.ts';
import type { Cuboid } from '../domain/types.ts';
import type { DatasetFrame } from '../server/dataset/Dataset.ts';
import { sequenceOf } from '../server/checks/TrackWindows.ts';

/**
 * `cuboid check`'s track gaps, once every frame's boxes are known: for each checked frame
 * (`boxes` by frame id) that lacks a track boxed in the frames around it (`expectedTrackBoxes`
 * over its sequence, `trackWindow`), `run` checks that frame again with the `trackGap` rule only.
 * Returns the results by frame id (frames without a gap are left out).
 */
export async function checkTrackGaps(
  frames: readonly DatasetFrame[],
  boxes: ReadonlyMap<string, readonly Cuboid[]>,
  poses: PosesResponse,
  run: (frame: DatasetFrame, expectedTracks: ExpectedTrackBox[]) => Promise<CheckResult[]>,
): Promise<Map<string, CheckResult[]>> {
  const sequences = frames.map((f) => sequenceOf(f.sequence, poses.frames[f.id]));
  const gaps: { frame: DatasetFrame; expected: ExpectedTrackBox[] }[] = [];
  frames.forEach((frame, i) => {
    if (!boxes.has(frame.id)) return;
    const [lo, hi] = trackWindow(sequences, i);
    const window = frames.slice(lo, hi + 1).map((f) => ({ frameId: f.id, cuboids: boxes.get(f.id) ?? [], pose: poses.frames[f.id]?.pose ?? null }));
    const expected = expectedTrackBoxes(window, i - lo);
    if (expected.length > 0) gaps.push({ frame, expected });
  });
  const results = await Promise.all(gaps.map(({ frame, expected }) => run(frame, expected)));
  return new Map(gaps.map(({ frame }, k) => [frame.id, results[k]]));
}
