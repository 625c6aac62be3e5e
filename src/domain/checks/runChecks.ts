import type { CheckContext, RuleDefinition } from './CheckContext.ts';
import type { CheckResult } from './CheckResult.ts';
import { compareResults } from './CheckResult.ts';
import { corroborate } from './corroborate.ts';
import { preferTrackGaps } from './preferTrackGaps.ts';
import { analyzeFrame } from './frame/analyzeFrame.ts';
import { ALL_RULES } from './rules/allRules.ts';

export interface RunChecksOptions {
  /**
   * Incremental run: box and pair rules report only on these boxes; frame rules (unlabelled
   * clusters) run only when `frameRules` is true. Pass the changed boxes plus their overlap
   * partners (see `affectedCuboidIds`).
   */
  only?: Iterable<string>;
  /** Whether frame rules run in an incremental run (default: only when `only` is absent). */
  frameRules?: boolean;
  /** Run only these rule ids (default: all). */
  rules?: readonly string[];
  /** Called before each rule and between the stages of the frame analysis (see `AnalyzeFrameOptions.pause`). */
  pause?: () => void;
}

/**
 * Runs the single-frame rules over a context and returns their results, errors first: placement
 * warnings that agree are raised (`corroborate`), and a missed object that a track gap reports is
 * reported once, as the gap (`preferTrackGaps`). Builds the frame analysis once when the context
 * has none (and a rule needs it). Pure: the context is not changed.
 */
export function runChecks(ctx: CheckContext, opts: RunChecksOptions = {}): CheckResult[] {
  const only = opts.only !== undefined ? new Set(opts.only) : undefined;
  const frameRules = opts.frameRules ?? only === undefined;
  const selected: RuleDefinition[] = ALL_RULES.filter((r) => (opts.rules === undefined || opts.rules.includes(r.id)) && (r.scope !== 'frame' || frameRules));
  const needsAnalysis = selected.some((r) => ANALYSIS_RULES.has(r.id));
  const analysis =
    ctx.analysis ?? (needsAnalysis ? analyzeFrame(ctx.positions, { grid: ctx.grid, ground: ctx.ground, ring: ctx.ring, pause: opts.pause }) : undefined);
  const full: CheckContext = { ...ctx, analysis, only };
  const results: CheckResult[] = [];
  // One push per result: spreading a rule's results into push() overflows the stack past ~100k.
  for (const rule of selected) {
    opts.pause?.();
    for (const r of rule.run(full)) results.push(r);
  }
  return preferTrackGaps(corroborate(results)).sort(compareResults);
}

/** Rules that read the frame analysis (bounds, ground, clusters). */
const ANALYSIS_RULES = new Set([
  'sizeOutOfRange',
  'tooFewPoints',
  'notOnGround',
  'outsideRange',
  'pointsOutsideBox',
  'looseFit',
  'fitDisagreement',
  'unlabelledCluster',
  'trackGap',
]);
