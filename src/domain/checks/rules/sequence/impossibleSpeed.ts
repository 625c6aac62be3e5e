import type { SequenceCheckResult } from '../../CheckResult.ts';
import type { SequenceRule } from '../../SequenceContext.ts';
import { fmt } from '../../formatNumber.ts';
import { trackAppearances } from './trackAppearances.ts';
import { trackName } from '../../../sequence/trackName.ts';

/**
 * A track moves faster between consecutive appearances than its class can (`maxSpeed`, m/s).
 * With poses on both frames the speed is over the ground; without, it is relative to the sensor
 * and `settings.maxEgoSpeed` is added to the limit. Error, on the later box; classes without a
 * `maxSpeed` are not checked.
 */
export const impossibleSpeed: SequenceRule = (ctx) => {
  const out: SequenceCheckResult[] = [];
  const { maxEgoSpeed } = ctx.dictionary.settings;
  for (const [trackId, list] of trackAppearances(ctx)) {
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1];
      const b = list[k];
      const dt = b.time - a.time;
      if (!(dt > 0)) continue;
      const classMax = ctx.dictionary.classes[b.cuboid.label]?.maxSpeed;
      if (classMax === undefined) continue;
      const world = a.world && b.world;
      const dx = world ? b.x - a.x : b.cuboid.center[0] - a.cuboid.center[0];
      const dy = world ? b.y - a.y : b.cuboid.center[1] - a.cuboid.center[1];
      const speed = Math.hypot(dx, dy) / dt;
      const limit = world ? classMax : classMax + maxEgoSpeed;
      if (!(speed > limit)) continue;
      out.push({
        ruleId: 'impossibleSpeed',
        severity: 'error',
        frameId: b.frameId,
        cuboidId: b.cuboid.id,
        location: null,
        message:
          `${trackName(trackId)} (${b.cuboid.label}) moves ${fmt(Math.hypot(dx, dy), 1)} m in ${fmt(dt, 2)} s since frame ` +
          `${a.frameId} (${fmt(speed)} m/s${world ? '' : ' relative to the sensor'}); at most ${fmt(limit)} m/s is possible`,
        dictionaryEntry: `classes.${b.cuboid.label}.maxSpeed`,
      });
    }
  }
  return out;
};
