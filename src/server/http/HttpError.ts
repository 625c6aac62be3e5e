/** An error that becomes the JSON response `{error, detail, ...extra}` with `status`. */
export class HttpError extends Error {
  readonly status: number;
  readonly error: string;
  readonly detail: string;
  readonly extra: Record<string, unknown>;

  constructor(status: number, error: string, detail: string, extra: Record<string, unknown> = {}) {
    super(`${error}: ${detail}`);
    this.name = 'HttpError';
    this.status = status;
    this.error = error;
    this.detail = detail;
    this.extra = extra;
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: string;
  detail: string;
  [key: string]: unknown;
}

/** Quotes untrusted text for an error detail, cut to a readable length. */
export function quoteInput(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
