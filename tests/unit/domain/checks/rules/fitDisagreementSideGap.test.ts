import { describe, expect, it } from 'vitest';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { simBoxFindings } from '../simBoxFindings.ts';

describe('fitDisagreement: a vehicle box reaching past the side of its object seen from behind', () => {
  // A car 72 m ahead of the 64-beam scanner, driving away (17 returns on its rear). Moved 1 m to
  // its right, the box reaches 1.2 m past the object's right edge, a strip the sensor sees empty.
  // The gap an empty side needed grew by 1 % of the range (1.22 m here), as for the ends, where a
  // side seen at a grazing angle thins out; a rear seen head-on ends at a sharp corner, so a
  // side's gap grows by 0.5 % (0.86 m here).
  const { sim, box, findings } = simBoxFindings('hdl64', 3, 13, 'fitDisagreement');
  const moved = (d: number): Cuboid[] =>
    sim.boxes.map((b) =>
      b === box ? { ...b, center: [b.center[0] + d * Math.sin(b.yaw), b.center[1] - d * Math.cos(b.yaw), b.center[2]] as Cuboid['center'] } : b,
    );

  it('warns that the box reaches past its object at that side', () => {
    expect(box.label).toBe('Car');
    expect(Math.hypot(box.center[0], box.center[1])).toBeGreaterThan(70);
    const found = findings(moved(1));
    expect(found.map((f) => f.severity)).toEqual(['warning']);
    expect(found[0].message).toMatch(/reaches 1\.\d m past its object at its right side/);
  }, 30_000);

  it('says nothing of the right box', () => {
    expect(findings(sim.boxes)).toEqual([]);
  }, 30_000);
});
