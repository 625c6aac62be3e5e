import { describe, expect, it } from 'vitest';
import { simBoxFindings } from '../simBoxFindings.ts';

describe('fitDisagreement on a rider seen from ahead', () => {
  // A cyclist 25 m away riding along the line of sight of the 64-beam scanner (34 returns): its
  // returns are a narrow column whichever way a box is turned, too short for the heading refit to
  // judge. A box turned 30° across it is wider than the bicycle across the line of sight by
  // 0.4 m on either side, both margins in view.
  const { sim, box: rider, findings: acrossFindings, turned } = simBoxFindings('hdl64', 5, 21, 'fitDisagreement');

  it('flags the box turned 30° across the rider, and says why', () => {
    expect(rider.label).toBe('Cyclist');
    expect(Math.hypot(rider.center[0], rider.center[1])).toBeGreaterThan(20);
    for (const turn of [Math.PI / 6, -Math.PI / 6]) {
      const found = acrossFindings(turned(turn));
      expect(found.length, `turned ${turn > 0 ? '+' : '-'}30°`).toBe(1);
      expect(found[0].severity).not.toBe('info');
    }
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(acrossFindings(sim.boxes)).toEqual([]);
  }, 30_000);
});
