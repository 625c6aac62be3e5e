import { describe, expect, it } from 'vitest';
import { conflictBoxRows, conflictBoxText } from '../../../src/ui/conflictBoxText.ts';
import { testCuboid } from '../../helpers/TestEditor.ts';

describe('the conflict dialog shows what each side did to the boxes both changed', () => {
  it('gives class, centre, size and heading of each side, or that it was deleted', () => {
    const mine = [testCuboid('a', { center: [10, 2, -0.9], yaw: Math.PI / 2 }), testCuboid('b')];
    const theirs = [testCuboid('a', { label: 'Van', center: [10.5, 2, -0.9], size: [5, 2, 2] })];
    expect(conflictBoxRows(['a', 'b', 'dontCare'], mine, theirs)).toEqual([
      { id: 'a', mine: 'Car at (10.00, 2.00, -0.90), 4.00 × 2.00 × 1.50 m, yaw 90.0°', theirs: 'Van at (10.50, 2.00, -0.90), 5.00 × 2.00 × 2.00 m, yaw 0.0°' },
      { id: 'b', mine: 'Car at (10.00, 0.00, -0.95), 4.00 × 2.00 × 1.50 m, yaw 0.0°', theirs: 'deleted' },
    ]);
    expect(conflictBoxText(undefined)).toBe('deleted');
  });
});
