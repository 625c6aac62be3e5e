import { describe, expect, it } from 'vitest';
import { caseOnlyClasses, caseOnlyClassesText } from '../../../../src/domain/formats/caseOnlyClasses.ts';

describe('classes that differ from KITTI only in case', () => {
  it('finds each once with its KITTI spelling, and says why it matters', () => {
    const found = caseOnlyClasses(['Car', 'car', 'PEDESTRIAN', 'car', 'E_scooter', 'Cyclist']);
    expect(found).toEqual([
      { label: 'car', kitti: 'Car' },
      { label: 'PEDESTRIAN', kitti: 'Pedestrian' },
    ]);
    expect(caseOnlyClassesText(found)).toMatch(
      /^warning: classes "car" \(KITTI "Car"\), "PEDESTRIAN" \(KITTI "Pedestrian"\) differ from KITTI classes only in case/,
    );
    expect(caseOnlyClassesText([])).toBeNull();
  });
});
