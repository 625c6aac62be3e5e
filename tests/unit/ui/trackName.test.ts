import { describe, expect, it } from 'vitest';
import { trackName } from '../../../src/ui/trackName.ts';

describe('trackName', () => {
  it('names a generated id by its number', () => {
    expect(trackName('t1-0lhue7')).toBe('Track 1');
    expect(trackName('t23-ugv8le')).toBe('Track 23');
    expect(trackName('t007-abc')).toBe('Track 7');
  });

  it('shortens any other id to its first 8 characters', () => {
    expect(trackName('imported-track-42')).toBe('imported');
    expect(trackName('abc')).toBe('abc');
    expect(trackName('t12')).toBe('t12');
    expect(trackName('tx-123456789')).toBe('tx-12345');
  });
});
