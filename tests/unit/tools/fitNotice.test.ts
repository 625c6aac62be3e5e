import { describe, expect, it } from 'vitest';
import { fitNotice } from '../../../src/tools/fit/fitNotice.ts';
import type { FitResult } from '../../../src/tools/EditorServices.ts';

const base: FitResult = { center: [10, 0, -1], size: [4, 1.7, 1.5], yaw: 0, pointCount: 120, headingCandidates: [0, Math.PI, Math.PI / 2, -Math.PI / 2] };

describe('fitNotice', () => {
  it('says nothing when the shape or the traffic side gave a confident box', () => {
    expect(fitNotice('Car', { ...base, confidence: 'high', headingSource: 'shape' })).toBeNull();
    expect(fitNotice('Car', { ...base, confidence: 'high', headingSource: 'lane' })).toBeNull();
  });

  it('says when a sparse object got a class-size box, and where the front came from', () => {
    expect(fitNotice('Car', { ...base, pointCount: 4, confidence: 'low', headingSource: 'default' })).toBe(
      'Fitted Car: only 4 returns: a Car-sized box around them, low confidence; check its size and place; front from no cue (front and back may be swapped: H turns it).',
    );
    expect(fitNotice('Car', { ...base, headingSource: 'motion' })).toBe('Fitted Car: front from its motion since the last frame.');
  });
});
