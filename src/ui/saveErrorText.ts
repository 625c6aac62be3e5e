/** A failed save as the status bar tells it. */
export interface SaveErrorText {
  /** Why, in words; null when nothing more is known than that it failed. */
  reason: string | null;
  /** Whether the autosave tries again by itself (network trouble, 408, 429, 5xx). */
  retrying: boolean;
}

// The store keeps only the ApiError's message, `${error} (${status}): ${detail}` (io/apiClient.ts).
const API_MESSAGE = /^([\w-]+) \((\d{1,3})\): ([\s\S]*)$/;

/**
 * Reads the save error the autosave stored (`save.error`) into words for the user: a locked frame
 * (423) and a refused edit (403, with the server's why) get a sentence of their own, other server
 * errors their detail text. An error not in the API's message form is left unexplained.
 */
export function saveErrorText(error: string | null): SaveErrorText {
  const m = error === null ? null : API_MESSAGE.exec(error);
  if (!m) return { reason: null, retrying: true };
  const [, code, statusText, detail] = m;
  const status = Number(statusText);
  // Mirrors the autosave's retry rule, so the label does not promise a retry that never comes.
  const retrying = status === 0 || status === 408 || status === 429 || status >= 500;
  if (status === 423 || code === 'frame_locked') return { reason: 'This frame is submitted or accepted; it is locked for editing', retrying };
  const text = detail.trim();
  if (status === 403) return { reason: text === '' ? 'You may not edit this frame' : `You may not edit this frame (${text})`, retrying };
  if (status === 0) return { reason: 'The server cannot be reached', retrying };
  return { reason: text === '' ? null : text, retrying };
}
