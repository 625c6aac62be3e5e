import type { SequenceCheckResult } from '../../CheckResult.ts';
import type { SequenceRule } from '../../SequenceContext.ts';
import { fmt } from '../../formatNumber.ts';
import { trackAppearances } from './trackAppearances.ts';
import { trackName } from '../../../sequence/trackName.ts';

const DIM_NAMES = ['length', 'width', 'height'];

/**
 * A box of a track differs in size from the track's median size by more than
 * `settings.trackSizeTolerance` (relative) in any dimension: warning, error beyond twice the
 * tolerance. Rigid classes compare length, width and height; non-rigid ones (people) only the
 * height. Boxes marked truncated (≥ 0.5) are boxed to their visible extent and are skipped.
 * Reported on each deviating box, so one bad frame in a long track is the one flagged.
 */
export const trackSizeChange: SequenceRule = (ctx) => {
  const out: SequenceCheckResult[] = [];
  const tol = ctx.dictionary.settings.trackSizeTolerance;
  for (const [trackId, list] of trackAppearances(ctx)) {
    const full = list.filter((a) => !(a.cuboid.attributes.truncated >= 0.5));
    if (full.length < 2) continue;
    const median = [0, 1, 2].map((d) => medianOf(full.map((a) => a.cuboid.size[d])));
    for (const a of full) {
      const rigid = ctx.dictionary.classes[a.cuboid.label]?.rigid ?? true;
      const dims = rigid ? [0, 1, 2] : [2];
      let worst = 0;
      let worstDim = 0;
      for (const d of dims) {
        const rel = Math.abs(a.cuboid.size[d] - median[d]) / median[d];
        if (rel > worst) {
          worst = rel;
          worstDim = d;
        }
      }
      if (!(worst > tol)) continue;
      out.push({
        ruleId: 'trackSizeChange',
        severity: worst > 2 * tol ? 'error' : 'warning',
        frameId: a.frameId,
        cuboidId: a.cuboid.id,
        location: null,
        message:
          `${trackName(trackId)} (${a.cuboid.label}) is ${fmt(a.cuboid.size[worstDim], 2)} m in ${DIM_NAMES[worstDim]} here; ` +
          `its median over ${full.length} frames is ${fmt(median[worstDim], 2)} m (${fmt(100 * worst)} % off, ` +
          `${fmt(100 * tol)} % tolerated)`,
        dictionaryEntry: 'track-consistency',
      });
    }
  }
  return out;
};

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
