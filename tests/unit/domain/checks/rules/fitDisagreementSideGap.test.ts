import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../../src/domain/checks/FrameChecker.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { judgeBoxes } from '../../../../../src/domain/checks/rules/fitDisagreement.ts';
import { simBoxFindings } from '../simBoxFindings.ts';

describe('fitDisagreement: a vehicle box reaching past the side of its object seen from behind', () => {
  // A car 72 m ahead of the 64-beam scanner, driving away (17 returns on its rear). Moved 1 m to
  // its right, the box reaches past the object's right edge by more than a metre, a strip the
  // sensor sees empty. The gap an empty side needed grew by 1 % of the range (1.22 m here), as
  // for the ends, where a side seen at a grazing angle thins out; a rear seen head-on ends at a
  // sharp corner, so a side's gap grows by 0.5 % (0.86 m here).
  const { sim, box, findings, shifted } = simBoxFindings('hdl64', 3, 13, 'fitDisagreement');
  const index = sim.boxes.indexOf(box);
  const moved = shifted(-1);

  it('sees the strip past the right side empty, and warns', () => {
    expect(box.label).toBe('Car');
    expect(Math.hypot(box.center[0], box.center[1])).toBeGreaterThan(70);
    const analysis = new FrameChecker(sim.id, sim.positions, { ring: sim.ring }).analysis;
    const ctx = createCheckContext({ frameId: sim.id, positions: sim.positions, cuboids: moved, dictionary: defaultDictionary, analysis });
    const judged = judgeBoxes({ ...ctx, only: new Set([box.id]) }).find((j) => j.index === index);
    expect(judged?.judgement.gap[3]).toBeGreaterThan(0.86);
    expect(judged?.judgement.gap[3]).toBeLessThan(1.22);
    expect(judged?.emptyEnd).toEqual([false, false, false, true]);
    // The finding: the box off its object (the object also reaches past the left side) or reaching past it.
    const found = findings(moved);
    expect(found.map((f) => f.severity)).toEqual(['warning']);
    expect(found[0].message).toMatch(/off its object along its width|reaches 1\.\d m past its object at its right side/);
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(findings(sim.boxes)).toEqual([]);
  }, 30_000);
});
