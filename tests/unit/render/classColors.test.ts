import { describe, expect, it } from 'vitest';
import { CLASS_COLORS, classColor } from '../../../src/render/classColors.ts';

describe('class colours', () => {
  it('gives the KITTI classes theirs, and a team’s own classes a steady colour of their own, not Misc’s grey', () => {
    expect(classColor('Car')).toBe(CLASS_COLORS.Car);
    const bus = classColor('Bus');
    expect(bus).toBe(classColor('Bus'));
    expect(bus).not.toBe(CLASS_COLORS.Misc);
    expect(new Set(['Bus', 'E_scooter', 'Construction_vehicle_excavator_tracked', 'Trailer'].map(classColor)).size).toBeGreaterThan(1);
  });
});
