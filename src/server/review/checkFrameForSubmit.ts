import type { CheckResult } from '../../domain/checks/CheckResult.ts';
import { createCheckContext } from '../../domain/checks/createCheckContext.ts';
import type { EdgeCaseDictionary } from '../../domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { FrameAnalysis } from '../../domain/checks/frame/FrameAnalysis.ts';
import { analyzeFrame } from '../../domain/checks/frame/analyzeFrame.ts';
import { runChecks } from '../../domain/checks/runChecks.ts';
import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import { dismissedRegions } from '../../domain/document/dismissals.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { readFramePoints } from '../dataset/readFramePoints.ts';

/** Runs the checks a submit must pass (or override with a reason) on a frame's boxes. */
export type SubmitChecker = (frame: DatasetFrame, doc: FrameAnnotation, dictionary: EdgeCaseDictionary) => Promise<CheckResult[]>;

/** Frames whose points and analysis stay cached (a reviewer's queue touches few at a time). */
const CACHE_FRAMES = 4;

/**
 * The server's submit gate: reads the frame's points (KITTI `.bin` or PCD), analyses the frame
 * once (grid, ground; cached for a few frames) and runs every box and box-pair rule of the
 * dictionary on the document's boxes, LiDAR frame. Frame-level rules (unlabelled clusters, only
 * ever warnings) and cross-frame rules are left to the checks panel and `cuboid check`.
 */
export function createSubmitChecker(): SubmitChecker {
  const cache = new Map<string, Promise<{ positions: Float32Array; analysis: FrameAnalysis }>>();
  const analysed = (frame: DatasetFrame) => {
    const key = `${frame.id}:${frame.points.path}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = (async () => {
        const positions = (await readFramePoints(frame)).positions;
        return { positions, analysis: analyzeFrame(positions) };
      })();
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
      while (cache.size > CACHE_FRAMES) cache.delete(cache.keys().next().value as string);
    }
    return hit;
  };
  return async (frame, doc, dictionary) => {
    if (doc.cuboids.length === 0) return [];
    const { positions, analysis } = await analysed(frame);
    const dismissed = dismissedRegions(doc.dismissals);
    const ctx = createCheckContext({ frameId: frame.id, positions, cuboids: doc.cuboids, dictionary, analysis, dismissed });
    return runChecks(ctx, { only: doc.cuboids.map((c) => c.id), frameRules: false });
  };
}
