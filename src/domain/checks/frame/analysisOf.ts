import type { CheckContext } from '../CheckContext.ts';
import type { FrameAnalysis } from './FrameAnalysis.ts';
import { analyzeFrame } from './analyzeFrame.ts';

/**
 * The context's frame analysis, or a fresh one when the context has none (a rule called on its
 * own, e.g. in a test). `runChecks` fills `ctx.analysis` once so rules share it.
 */
export function analysisOf(ctx: CheckContext): FrameAnalysis {
  return ctx.analysis ?? analyzeFrame(ctx.positions, { grid: ctx.grid, ground: ctx.ground, ring: ctx.ring });
}
