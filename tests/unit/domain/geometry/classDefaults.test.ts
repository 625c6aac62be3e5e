import { describe, expect, it } from 'vitest';
import { CLASS_DEFAULTS, GENERIC_DEFAULTS, classDefaults } from '../../../../src/domain/geometry/classDefaults.ts';
import { KITTI_CLASSES } from '../../../../src/domain/types.ts';

describe('classDefaults', () => {
  it('has defaults for every KITTI class but DontCare, with length ≥ width', () => {
    for (const c of KITTI_CLASSES.filter((k) => k !== 'DontCare')) {
      const d = CLASS_DEFAULTS[c];
      expect(d, c).toBeDefined();
      expect(d.size[0]).toBeGreaterThanOrEqual(d.size[1]);
      expect(d.searchRadius).toBeGreaterThan(d.size[0] / 2);
    }
    expect(CLASS_DEFAULTS.Car.size).toEqual([3.9, 1.6, 1.56]);
  });

  it('matches names case-insensitively and falls back to the generic defaults', () => {
    expect(classDefaults('car')).toBe(CLASS_DEFAULTS.Car);
    expect(classDefaults('PEDESTRIAN')).toBe(CLASS_DEFAULTS.Pedestrian);
    expect(classDefaults('Vehicle')).toBe(GENERIC_DEFAULTS);
    expect(classDefaults(undefined)).toBe(GENERIC_DEFAULTS);
  });
});
