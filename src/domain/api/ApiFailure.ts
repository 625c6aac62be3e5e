/**
 * Why a request to the server failed, as a value the app can branch on (no message parsing). The
 * API client (`io/apiClient.ts`) builds one for every failed request; the autosave stores it in
 * the save slice and the status bar reads it (`ui/saveErrorText.ts`).
 */
export type ApiFailure =
  /** The request never got an answer (offline, server down, connection cut). */
  | { kind: 'network'; detail: string }
  /** The frame is submitted or accepted: edits are refused until it is reopened (423). */
  | { kind: 'locked'; status: 423; error: string; detail: string }
  /** The caller's role or assignment does not allow it (403; `detail` says why). */
  | { kind: 'forbidden'; status: 403; error: string; detail: string }
  /** The server is in trouble or asks to slow down (408, 429, 5xx): the same request may work later. */
  | { kind: 'unavailable'; status: number; error: string; detail: string }
  /** Any other refusal (4xx): the request itself is wrong, sending it again will not help. */
  | { kind: 'refused'; status: number; error: string; detail: string }
  /** Not an HTTP failure at all (a bug or an unexpected exception); `detail` is its message. */
  | { kind: 'unexpected'; detail: string };

/** The failure of an answer with HTTP `status` and the server's `{error, detail}`. */
export function httpFailure(status: number, error: string, detail: string): ApiFailure {
  if (status === 423 || error === 'frame_locked') return { kind: 'locked', status: 423, error, detail };
  if (status === 403) return { kind: 'forbidden', status: 403, error, detail };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'unavailable', status, error, detail };
  return { kind: 'refused', status, error, detail };
}

/**
 * The one retry rule: whether sending the same request again later may succeed (no answer, or the
 * server's own trouble). The autosave retries exactly these; the status bar says "retrying" for them.
 */
export function isRetryable(failure: ApiFailure): boolean {
  return failure.kind === 'network' || failure.kind === 'unavailable' || failure.kind === 'unexpected';
}

/** One line for logs and tooltips: `error (status): detail`. */
export function failureLine(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'network':
      return `network: ${failure.detail}`;
    case 'unexpected':
      return failure.detail;
    default:
      return `${failure.error} (${failure.status}): ${failure.detail}`;
  }
}
