import type { SequenceCheckResult } from './CheckResult.ts';
import { compareResults } from './CheckResult.ts';
import type { SequenceFrame, SequenceRule } from './SequenceContext.ts';
import type { EdgeCaseDictionary } from './dictionary/EdgeCaseDictionary.ts';
import { defaultDictionary } from './dictionary/defaultDictionary.ts';
import { classSwitch } from './rules/sequence/classSwitch.ts';
import { headingFlip } from './rules/sequence/headingFlip.ts';
import { impossibleSpeed } from './rules/sequence/impossibleSpeed.ts';
import { trackSizeChange } from './rules/sequence/trackSizeChange.ts';

/** Every cross-frame rule, by id. Add new ones here. */
export const SEQUENCE_RULES: Readonly<Record<string, SequenceRule>> = {
  trackSizeChange,
  headingFlip,
  classSwitch,
  impossibleSpeed,
};

/**
 * Runs the cross-frame rules over frames in capture order (LiDAR-frame boxes, tracks linked by
 * `trackId`). Results name their frame; they are ordered by frame, then errors first.
 */
export function runSequenceChecks(frames: readonly SequenceFrame[], dictionary: EdgeCaseDictionary = defaultDictionary): SequenceCheckResult[] {
  const ctx = { frames, dictionary };
  const results: SequenceCheckResult[] = [];
  // One push per result (a spread into push() overflows the stack on a long sequence).
  for (const rule of Object.values(SEQUENCE_RULES)) for (const r of rule(ctx)) results.push(r);
  const order = new Map(frames.map((f, i) => [f.frameId, i]));
  return results.sort((a, b) => (order.get(a.frameId) ?? 0) - (order.get(b.frameId) ?? 0) || compareResults(a, b));
}
