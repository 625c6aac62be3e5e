import { describe, expect, it } from 'vitest';
import { trackName } from '../../../../src/domain/sequence/trackName.ts';

describe('trackName', () => {
  it('names a generated id by its number', () => {
    expect(trackName('t1-0lhue7')).toBe('Track 1');
    expect(trackName('t23-ugv8le')).toBe('Track 23');
    expect(trackName('t007-abc')).toBe('Track 7');
  });

  it('names any other id by its first 8 characters', () => {
    expect(trackName('imported-track-42')).toBe('Track imported');
    expect(trackName('car-07')).toBe('Track car-07');
    expect(trackName('t12')).toBe('Track t12');
    expect(trackName('tx-123456789')).toBe('Track tx-12345');
  });
});
