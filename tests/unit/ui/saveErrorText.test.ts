import { describe, expect, it } from 'vitest';
import { httpFailure } from '../../../src/domain/api/ApiFailure.ts';
import { ApiError, failureOf } from '../../../src/io/apiClient.ts';
import { saveErrorText } from '../../../src/ui/saveErrorText.ts';

describe('saveErrorText', () => {
  it('explains a locked frame, which is not retried', () => {
    expect(saveErrorText(httpFailure(423, 'frame_locked', 'frame "000001": cannot save a submitted frame'))).toMatchObject({
      reason: 'This frame is submitted or accepted; it is locked for editing',
      retrying: false,
    });
  });

  it('explains a refused edit', () => {
    expect(saveErrorText(httpFailure(403, 'forbidden', 'a reviewer cannot edit boxes'))).toMatchObject({
      reason: 'You may not edit this frame (a reviewer cannot edit boxes)',
      retrying: false,
    });
    expect(saveErrorText(httpFailure(403, 'forbidden', ''))).toMatchObject({ reason: 'You may not edit this frame', retrying: false });
  });

  it('says how to go on when the server started asking for log-ins while the page was open', () => {
    expect(saveErrorText(httpFailure(401, 'unauthenticated', 'log in first: POST /api/session with your token'))).toMatchObject({
      reason: 'This server now asks you to log in: reload the page and log in (your edits are kept in this browser and sent then)',
      retrying: false,
    });
  });

  it("shows other server errors' detail text, retried when the server is in trouble", () => {
    expect(saveErrorText(httpFailure(400, 'invalid_body', 'cuboids[0].size: expected 3 numbers'))).toMatchObject({
      reason: 'cuboids[0].size: expected 3 numbers',
      retrying: false,
    });
    expect(saveErrorText(httpFailure(500, 'internal', 'disk full'))).toEqual({ reason: 'disk full', retrying: true, raw: 'internal (500): disk full' });
    expect(saveErrorText(httpFailure(429, 'too_many', 'slow down')).retrying).toBe(true);
    expect(saveErrorText({ kind: 'network', detail: 'Failed to fetch' })).toMatchObject({ reason: 'The server cannot be reached', retrying: true });
  });

  it('reads the failure the API client attached to its error, not its message', () => {
    const err = new ApiError(423, 'frame_locked', 'locked');
    expect(failureOf(err)).toEqual({ kind: 'locked', status: 423, error: 'frame_locked', detail: 'locked' });
    expect(failureOf(new ApiError(0, 'network', 'Failed to fetch'))).toEqual({ kind: 'network', detail: 'Failed to fetch' });
    // Anything else is unexpected: retried, with its message in the tooltip only.
    expect(saveErrorText(failureOf(new TypeError('x is undefined')))).toEqual({ reason: null, retrying: true, raw: 'x is undefined' });
    expect(saveErrorText(null)).toMatchObject({ reason: null, retrying: true });
  });
});
