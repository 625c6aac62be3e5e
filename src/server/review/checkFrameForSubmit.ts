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
import { frameLabelRegion, readFrameCalib } from '../checks/checkFrameInput.ts';
import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import { ringOf } from '../../domain/sensor/ringOf.ts';

/** Runs the checks a submit must pass (or override with a reason) on a frame's boxes. */
export type SubmitChecker = (frame: DatasetFrame, doc: FrameAnnotation, dictionary: EdgeCaseDictionary) => Promise<CheckResult[]>;

/** Frames whose points and analysis stay cached (a reviewer's queue touches few at a time). */
const CACHE_FRAMES = 4;

/**
 * The server's submit gate: reads the frame's points (KITTI `.bin` or PCD), analyses the frame
 * once (grid, ground, sensor model; cached for a few frames) and runs every rule of the
 * dictionary on the document's boxes, LiDAR frame, with the same label region as `cuboid check`:
 * a near-certain missed object is an error too. Cross-frame rules are left to the checks panel
 * and `cuboid check`.
 */
export function createSubmitChecker(): SubmitChecker {
  const cache = new Map<string, Promise<{ positions: Float32Array; calib: KittiCalib | null; analysis: FrameAnalysis }>>();
  const analysed = (frame: DatasetFrame) => {
    const key = `${frame.id}:${frame.points.path}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = (async () => {
        const cloud = await readFramePoints(frame);
        const calib = await readFrameCalib(frame);
        return { positions: cloud.positions, calib, analysis: analyzeFrame(cloud.positions, { ring: ringOf(cloud) }) };
      })();
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
      while (cache.size > CACHE_FRAMES) cache.delete(cache.keys().next().value as string);
    }
    return hit;
  };
  return async (frame, doc, dictionary) => {
    const { positions, calib, analysis } = await analysed(frame);
    const dismissed = dismissedRegions(doc.dismissals);
    const dontCare = doc.dontCare.map((d) => d.bbox);
    const labelRegion = await frameLabelRegion(frame, calib, 'auto', doc.cuboids, dontCare);
    const ctx = createCheckContext({ frameId: frame.id, positions, cuboids: doc.cuboids, dictionary, analysis, dismissed, labelRegion });
    return runChecks(ctx);
  };
}
