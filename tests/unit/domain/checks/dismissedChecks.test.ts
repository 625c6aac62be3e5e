import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../src/domain/checks/FrameChecker.ts';
import { clusterRadiusAt } from '../../../../src/domain/checks/clusterRadiusAt.ts';
import { defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { dismissedRegions } from '../../../../src/domain/document/dismissals.ts';
import { loadKittiFrame } from './kittiFrames.ts';

describe('checks with "not an object" dismissals', () => {
  it('re-run the frame rules when the dismissals change, and leave the dismissed cluster out', () => {
    const frame = loadKittiFrame('000002');
    const checker = new FrameChecker(frame.id, frame.positions, { labelRegion: frame.labelRegion });
    const first = checker.check(frame.cuboids, defaultDictionary);
    const missed = first.results.filter((r) => r.ruleId === 'unlabelledCluster' && r.location !== null);
    expect(missed.length).toBeGreaterThan(0);
    const target = missed[0];
    const [x, y] = target.location!;
    // The cluster's reach, as the checks worker reports it: at least 0.5 m, no more than a building.
    const radius = clusterRadiusAt(checker.analysis.clusters, x, y);
    expect(radius).toBeGreaterThan(0.5);
    expect(radius).toBeLessThan(15);

    const dismissed = dismissedRegions([{ id: 'x1', location: target.location!, radius: radius! }]);
    const second = checker.check(frame.cuboids, defaultDictionary, [], dismissed);
    // No box changed, yet the frame rules ran again because the dismissals did.
    expect(second.frameRules).toBe(true);
    const left = second.results.filter((r) => r.ruleId === 'unlabelledCluster');
    expect(left.some((r) => Math.hypot(r.location![0] - x, r.location![1] - y) <= radius!)).toBe(false);
    expect(left.length).toBeLessThan(missed.length);
    // Box results are untouched.
    expect(second.results.filter((r) => r.cuboidId !== null)).toEqual(first.results.filter((r) => r.cuboidId !== null));

    // Same dismissals, same boxes: nothing to re-run. Taking the mark back brings the finding back.
    expect(checker.check(frame.cuboids, defaultDictionary, [], dismissed).frameRules).toBe(false);
    const back = checker.check(frame.cuboids, defaultDictionary, [], []);
    expect(back.frameRules).toBe(true);
    expect(back.results.filter((r) => r.ruleId === 'unlabelledCluster')).toEqual(missed);
  });
});
