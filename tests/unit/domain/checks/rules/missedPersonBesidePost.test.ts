import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../../src/domain/checks/FrameChecker.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { loadSampleFrame } from '../sampleDataset.ts';

describe('a missed person standing next to a post', () => {
  it('is carved out of the person-and-post cluster and reported where the person stands', () => {
    // Frame 000000 of the bundled samples: a pedestrian 9 m away stands 0.8 m from a 2 m post.
    // Without the person's box, the two are one 1.4 m cluster that scores a person at 0.45 (an
    // info, which N skips, pinned between them); the person's column scores a warning or more.
    const frame = loadSampleFrame('000000');
    const person = frame.cuboids.find((c) => c.label === 'Pedestrian' && Math.hypot(c.center[0] - 6.86, c.center[1] + 6.29) < 0.2);
    expect(person).toBeDefined();
    const rest = frame.cuboids.filter((c) => c !== person);
    const checker = new FrameChecker('000000', frame.positions);
    const found = checker
      .check(rest, defaultDictionary, [], [], [])
      .results.filter(
        (r) =>
          r.ruleId === 'unlabelledCluster' && r.location !== null && Math.hypot(r.location[0] - person!.center[0], r.location[1] - person!.center[1]) < 1.5,
      );
    expect(found.length).toBe(1);
    expect(found[0].severity).not.toBe('info');
    expect(found[0].suggestedLabel).toBe('Pedestrian');
    expect(Math.hypot(found[0].location![0] - person!.center[0], found[0].location![1] - person!.center[1])).toBeLessThan(0.3);
  });
});
