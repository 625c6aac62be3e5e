import { describe, expect, it } from 'vitest';
import { simBoxFindings } from '../simBoxFindings.ts';

describe('pointsOutsideBox: a far car whose rear the sensor samples sparsely', () => {
  // A car 75 m from the 64-beam scanner (frame 8 of the quality bench's sequence), 13 returns on
  // its rear, 0.22 m apart across it (0.17° columns). Moved 1 m sideways, 7 of them are left
  // outside, but 0.2 m voxels (a 0.3 m link) split the rear into pieces and none was reached: the
  // link now grows to 1.8 column spacings at the box's range (0.40 m there).
  const { sim, box: car, findings, shifted } = simBoxFindings('hdl64', 8, 6, 'pointsOutsideBox');

  it('flags the moved box for leaving its object outside', () => {
    expect(car.label).toBe('Car');
    expect(Math.hypot(car.center[0], car.center[1])).toBeGreaterThan(70);
    const found = findings(shifted(1));
    // A warning of its own; an error when the refit (fitDisagreement) agrees.
    expect(found).toHaveLength(1);
    expect(found[0].severity).not.toBe('info');
    expect(found[0].message).toMatch(/leaves 7 points of its object outside/);
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(findings(sim.boxes)).toEqual([]);
  }, 30_000);
});
