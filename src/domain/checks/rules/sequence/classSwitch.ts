import type { SequenceCheckResult } from '../../CheckResult.ts';
import type { SequenceRule } from '../../SequenceContext.ts';
import { trackAppearances } from './trackAppearances.ts';
import { trackName } from '../../../sequence/trackName.ts';

/** A track's class differs from its previous appearance. Error, on the later box. */
export const classSwitch: SequenceRule = (ctx) => {
  const out: SequenceCheckResult[] = [];
  for (const [trackId, list] of trackAppearances(ctx)) {
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1];
      const b = list[k];
      if (a.cuboid.label === b.cuboid.label) continue;
      out.push({
        ruleId: 'classSwitch',
        severity: 'error',
        frameId: b.frameId,
        cuboidId: b.cuboid.id,
        location: null,
        message: `${trackName(trackId)} is ${b.cuboid.label} here but ${a.cuboid.label} in frame ${a.frameId}`,
        dictionaryEntry: 'track-consistency',
      });
    }
  }
  return out;
};
