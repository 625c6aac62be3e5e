/**
 * Client of the background-job routes (`POST /api/jobs/export`, `GET /api/jobs/:id`,
 * `GET /api/jobs/:id/file`). Browser-safe: only `fetch`. Failures throw an `ApiError` with the
 * server's `{error, detail}`, as `apiClient.ts` does.
 */
import type { JobCreatedReply, JobStatusReply } from '../domain/api/jobSchemas.ts';
import { ApiError } from './apiClient.ts';

export type { JobCreatedReply, JobStatusReply };

export interface JobClient {
  /** Queues the training export with the query of an `/api/export.zip?…` link (`status`, `bin`, `format`, …). */
  startExport(exportHref: string): Promise<JobCreatedReply>;
  getJob(id: string, signal?: AbortSignal): Promise<JobStatusReply>;
  /** Where a done job's file (the zip) is downloaded. */
  fileUrl(id: string): string;
}

/** Builds a job client for one server (`baseUrl` as `createApiClient`'s; default same origin). */
export function createJobClient(opts: { baseUrl?: string; fetch?: typeof fetch } = {}): JobClient {
  const base = (opts.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const call = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
    let res: Response;
    try {
      res = await doFetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
    } catch (err) {
      if (init.signal?.aborted === true) throw err;
      throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
    }
    const text = await res.text();
    let body: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = text === '' ? null : JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = null;
    }
    if (!res.ok) {
      const error = typeof body?.error === 'string' ? body.error : `http_${res.status}`;
      throw new ApiError(res.status, error, typeof body?.detail === 'string' ? body.detail : res.statusText, body);
    }
    return body as T;
  };
  return {
    startExport(exportHref) {
      const q = exportHref.indexOf('?');
      const query = q < 0 ? '' : exportHref.slice(q);
      return call<JobCreatedReply>(`${base}/api/jobs/export${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
    },
    getJob: (id, signal) => call<JobStatusReply>(`${base}/api/jobs/${encodeURIComponent(id)}`, signal !== undefined ? { signal } : {}),
    fileUrl: (id) => `${base}/api/jobs/${encodeURIComponent(id)}/file`,
  };
}
