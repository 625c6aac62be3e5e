import { describe, expect, it } from 'vitest';
import { simBoxFindings } from '../simBoxFindings.ts';

describe('fitDisagreement on a cyclist ridden away from the sensor past a bollard', () => {
  // A cyclist 10 m behind the 64-beam scanner, riding away along the line of sight (216 returns):
  // its points run 1.2 m deep and 0.5 m across. A bollard 1.2 m behind its centre falls inside
  // the box grown by the margin once the box is turned 30°, and pulled the principal axis of
  // all the points in it 20° towards the box's: the turn looked like 10°, under the 12° that
  // warns. The refit now takes the rider's body alone (the part its points link up), whose axis
  // is the bicycle's length although it is shorter than the widest rider is wide plus 0.3 m.
  const { sim, box: rider, findings, turned } = simBoxFindings('hdl64', 4, 20, 'fitDisagreement');

  it('flags the box turned 30° either way as turned', () => {
    expect(rider.label).toBe('Cyclist');
    expect(Math.hypot(rider.center[0], rider.center[1])).toBeLessThan(12);
    for (const turn of [Math.PI / 6, -Math.PI / 6]) {
      const found = findings(turned(turn));
      expect(found.length, `turned ${turn > 0 ? '+' : '-'}30°`).toBe(1);
      expect(found[0].severity).not.toBe('info');
      expect(found[0].message).toMatch(/turned (2[5-9]|3\d)°/);
    }
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(findings(sim.boxes)).toEqual([]);
  }, 30_000);
});
