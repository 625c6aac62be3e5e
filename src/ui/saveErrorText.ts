import { failureLine, isRetryable, type ApiFailure } from '../domain/api/ApiFailure.ts';

/** A failed save as the status bar tells it. */
export interface SaveErrorText {
  /** Why, in words; null when nothing more is known than that it failed. */
  reason: string | null;
  /** Whether the autosave tries again by itself (the one rule: `isRetryable`). */
  retrying: boolean;
  /** The raw failure in one line, for the tooltip. */
  raw: string;
}

/**
 * Puts the save failure the autosave stored (`save.error`) into words for the user: a locked frame
 * (423), a refused edit (403, with the server's why) and a log-in the server now asks for (401)
 * get a sentence of their own, a lost connection says so, other server errors give their detail text.
 */
export function saveErrorText(failure: ApiFailure | null): SaveErrorText {
  if (failure === null) return { reason: null, retrying: true, raw: '' };
  const retrying = isRetryable(failure);
  const raw = failureLine(failure);
  const text = failure.detail.trim();
  switch (failure.kind) {
    case 'locked':
      return { reason: 'This frame is submitted or accepted; it is locked for editing', retrying, raw };
    case 'forbidden':
      return { reason: text === '' ? 'You may not edit this frame' : `You may not edit this frame (${text})`, retrying, raw };
    case 'network':
      return { reason: 'The server cannot be reached', retrying, raw };
    case 'unexpected':
      return { reason: null, retrying, raw };
    case 'refused':
      // The server started asking for log-ins (users were added) while this page was open.
      if (failure.status === 401)
        return { reason: 'This server now asks you to log in: reload the page and log in (your edits are kept in this browser and sent then)', retrying, raw };
      return { reason: text === '' ? null : text, retrying, raw };
    default:
      return { reason: text === '' ? null : text, retrying, raw };
  }
}
