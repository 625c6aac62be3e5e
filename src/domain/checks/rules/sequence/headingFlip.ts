import type { SequenceCheckResult } from '../../CheckResult.ts';
import type { SequenceRule } from '../../SequenceContext.ts';
import { fmt } from '../../formatNumber.ts';
import { angleDiff, trackAppearances } from './trackAppearances.ts';
import { trackName } from '../../../sequence/trackName.ts';

/** Appearances further apart than this (seconds) may have turned legitimately. */
const MAX_GAP = 0.5;

/**
 * A track's heading turns by more than 90° between consecutive appearances less than 0.5 s
 * apart: a box flipped end for end (or sideways). Error, on the later box. Headings are compared
 * in the world frame when both frames have a pose.
 */
export const headingFlip: SequenceRule = (ctx) => {
  const out: SequenceCheckResult[] = [];
  for (const [trackId, list] of trackAppearances(ctx)) {
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1];
      const b = list[k];
      const dt = b.time - a.time;
      if (!(dt > 0 && dt <= MAX_GAP)) continue;
      const world = a.world && b.world;
      const turn = Math.abs(world ? angleDiff(a.yaw, b.yaw) : angleDiff(a.cuboid.yaw, b.cuboid.yaw));
      if (!(turn > Math.PI / 2)) continue;
      out.push({
        ruleId: 'headingFlip',
        severity: 'error',
        frameId: b.frameId,
        cuboidId: b.cuboid.id,
        location: null,
        message:
          `${trackName(trackId)} (${b.cuboid.label}) turns ${fmt((turn * 180) / Math.PI)}° since frame ${a.frameId} ` +
          `(${fmt(dt, 2)} s earlier): a flipped heading?`,
        dictionaryEntry: 'track-consistency',
      });
    }
  }
  return out;
};
