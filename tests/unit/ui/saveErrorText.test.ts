import { describe, expect, it } from 'vitest';
import { saveErrorText } from '../../../src/ui/saveErrorText.ts';

describe('saveErrorText', () => {
  it('explains a locked frame, which is not retried', () => {
    expect(saveErrorText('frame_locked (423): frame "000001": cannot save a submitted frame')).toEqual({
      reason: 'This frame is submitted or accepted; it is locked for editing',
      retrying: false,
    });
  });

  it('explains a refused edit', () => {
    expect(saveErrorText('forbidden (403): a reviewer cannot edit boxes')).toEqual({
      reason: 'You may not edit this frame (a reviewer cannot edit boxes)',
      retrying: false,
    });
    expect(saveErrorText('forbidden (403): ')).toEqual({ reason: 'You may not edit this frame', retrying: false });
  });

  it("shows other server errors' detail text, retried when the server is in trouble", () => {
    expect(saveErrorText('invalid_body (400): cuboids[0].size: expected 3 numbers')).toEqual({ reason: 'cuboids[0].size: expected 3 numbers', retrying: false });
    expect(saveErrorText('internal (500): disk full')).toEqual({ reason: 'disk full', retrying: true });
    expect(saveErrorText('network (0): Failed to fetch')).toEqual({ reason: 'The server cannot be reached', retrying: true });
  });

  it('knows nothing more about an error not in the API form', () => {
    expect(saveErrorText('Failed to fetch')).toEqual({ reason: null, retrying: true });
    expect(saveErrorText(null)).toEqual({ reason: null, retrying: true });
  });
});
