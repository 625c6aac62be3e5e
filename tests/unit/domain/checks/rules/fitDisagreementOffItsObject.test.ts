import { describe, expect, it } from 'vitest';
import { offItsObject } from '../../../../../src/domain/checks/rules/offItsObject.ts';
import type { FitJudgement } from '../../../../../src/domain/checks/rules/judgeFit.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { simBoxFindings } from '../simBoxFindings.ts';

const car: Cuboid = {
  id: 'c',
  trackId: null,
  source: 'manual',
  label: 'Car',
  center: [20, 0, -1],
  size: [4.4, 1.8, 1.5],
  yaw: 0,
  attributes: { truncated: 0, occluded: 0 },
};

/** A refit seen from behind: both sides of the object in view; `beyond` / `gap` per face (front, rear, left, right). */
function judgement(range: number, beyond: number[], gap: number[]): FitJudgement {
  const t = 0.004 * range;
  const far = (a: number) => (beyond[2 * a] >= beyond[2 * a + 1] ? 2 * a + 1 : 2 * a);
  return {
    n: 15,
    range,
    turn: 0,
    sigma: 5,
    hugGain: 0,
    longAxisKnown: false,
    beyond: [...beyond, -0.3],
    countBeyond: [0, 0, 0, 0, 0],
    tolerance: [0.15 + t, 0.15 + t, 0.2 + t, 0.2 + t, 0.08 + 0.002 * range],
    atReach: [false, false, false, false, false],
    core: { n: 0, count: 0, beyond: -Infinity, spread: 0 },
    gap,
    slack: [gap[far(0)], gap[far(1)]],
    endsSeen: [false, true],
    outsideShare: 0.3,
    outside: 4,
  };
}

describe('fitDisagreement: a box off its object by less than a protrusion shows', () => {
  it('warns when the object reaches past one side and stops well short of the other', () => {
    // 72 m away: 0.43 m past the right side (tolerance 0.49 m), 1.1 m short of the left.
    const found = offItsObject(car, judgement(72, [-4, -0.07, -1.36, 0.43], [3.2, 0.04, 1.1, -0.9]));
    expect(found?.severity).toBe('warning');
    expect(found?.message).toMatch(/about 0\.8 m off its object along its width: .*0\.43 m beyond its right side and stops 1\.10 m short/);
  });

  it('leaves a box a few tenths off, and a box whose sides are not both seen', () => {
    // A careful label 0.3 m off (an Argoverse 2 car): under the half metre this weaker evidence needs.
    expect(offItsObject(car, judgement(15, [-0.2, -0.1, 0.24, -0.5], [0.1, 0.2, -0.24, 0.4]))).toBeNull();
    // The object inside the box on both sides.
    expect(offItsObject(car, judgement(72, [-4, -0.07, -0.36, -0.33], [3.2, 0.04, 0.1, 0.07]))).toBeNull();
    const sideOn = { ...judgement(72, [-4, -0.07, -1.36, 0.43], [3.2, 0.04, 1.1, -0.9]), endsSeen: [true, false] as [boolean, boolean] };
    expect(offItsObject(car, sideOn)).toBeNull();
  });

  it('flags a car 72 m away moved 1 m sideways in a simulated 64-beam frame, and not the right box', () => {
    // 15 returns on its rear, seen from behind: before, no rule said anything of the moved box.
    const { sim, box, findings, shifted } = simBoxFindings('hdl64', 7, 14, 'fitDisagreement');
    expect(box.label).toBe('Car');
    expect(Math.hypot(box.center[0], box.center[1])).toBeGreaterThan(70);
    const found = findings(shifted(1));
    expect(found.map((f) => f.severity)).toEqual(['warning']);
    expect(found[0].message).toMatch(/off its object along its width/);
    expect(findings(sim.boxes)).toEqual([]);
  }, 30_000);
});
