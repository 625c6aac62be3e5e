/**
 * Typed client of the Cuboid server's HTTP API (`src/server/routes`). Browser-safe: only `fetch`,
 * no Node APIs. Every failed request throws an `ApiError` carrying the server's `{error, detail}`;
 * a stale save is not an error but a `{ ok: false, conflict: true, current }` result.
 *
 * The wire types below mirror the server's responses; `tests/unit/io/apiClient.test.ts` runs this
 * client against a real server to keep them in step.
 */
import type { PosesResponse } from '../domain/poses/Pose.ts';
import type { CheckResult } from '../domain/checks/CheckResult.ts';
import type { ExpectedTrackBox } from '../domain/checks/CheckContext.ts';
import type { EdgeCaseDictionary } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { FrameAnnotation, FrameStatus, ReviewFlag } from '../domain/document/FrameAnnotation.ts';
import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import type { MetricsReport } from '../domain/metrics/MetricsReport.ts';
import type { MetricsCsvTable } from '../domain/metrics/metricsToCsv.ts';
import type { AnnotationDiff } from '../domain/review/diffAnnotations.ts';
import type { SubmitOverride } from '../domain/review/matchOverrides.ts';
import type { ActivityEntry, DatasetInfo, FrameCheckSummary, ReviewInfo, TrackFrame } from '../domain/api/wireTypes.ts';
import { httpFailure, type ApiFailure } from '../domain/api/ApiFailure.ts';
import type { CalibResponse, RevisionInfo, SessionInfo, UserInfo } from '../domain/api/replySchemas.ts';
import type { FrameCamerasResponse } from '../domain/api/cameraSchemas.ts';

export type { ActivityEntry, CalibResponse, DatasetInfo, ReviewInfo, RevisionInfo, SessionInfo, UserInfo };

/** A flag to add: on a box, or at a LiDAR-frame point (metres) for a missed object. */
export interface NewFlagInput {
  cuboidId?: string;
  location?: [number, number, number];
  /** Edge-case dictionary id. */
  reason: string;
  comment?: string;
}

/** Filters of `GET /api/metrics`: UTC days `YYYY-MM-DD` (inclusive) or ISO instants, a user, the idle gap in minutes. */
export interface MetricsQuery {
  from?: string;
  to?: string;
  user?: string;
  idleMinutes?: number;
}

export type SaveResult =
  { ok: true; doc: FrameAnnotation; labelWritten: boolean; labelError?: string } | { ok: false; conflict: true; current: FrameAnnotation };

export interface ExportZipOptions {
  split?: number;
  seed?: string;
  statuses?: readonly string[];
  bin?: boolean;
  points?: boolean;
  images?: boolean;
}

/** A request the server refused or that never reached it (`status` 0, `error` `'network'`). */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly detail: string;
  /** The whole JSON error body (for example `issues` of a 400). */
  readonly body: Record<string, unknown> | null;
  /** The same failure as a typed value (what the UI branches on). */
  readonly failure: ApiFailure;

  constructor(status: number, error: string, detail: string, body: Record<string, unknown> | null = null) {
    super(`${error} (${status}): ${detail}`);
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
    this.detail = detail;
    this.body = body;
    this.failure = status === 0 ? { kind: 'network', detail } : httpFailure(status, error, detail);
  }
}

/** The typed failure of anything a request threw: an `ApiError`'s own, else `unexpected` with its message. */
export function failureOf(err: unknown): ApiFailure {
  if (err instanceof ApiError) return err.failure;
  return { kind: 'unexpected', detail: err instanceof Error ? err.message : String(err) };
}

export interface ApiClientOptions {
  /** Origin (and optional prefix) of the server, e.g. `http://127.0.0.1:8787`; default same origin. */
  baseUrl?: string;
  /** The fetch to use; default the global one. */
  fetch?: typeof fetch;
}

export interface ApiClient {
  getDataset(signal?: AbortSignal): Promise<DatasetInfo>;
  listFrames(signal?: AbortSignal): Promise<FrameListItem[]>;
  getAnnotation(frameId: string, signal?: AbortSignal): Promise<FrameAnnotation>;
  /** Saves `doc` as the revision after `baseRevision` (sent as `If-Match`). */
  saveAnnotation(frameId: string, doc: FrameAnnotation, baseRevision: number, signal?: AbortSignal): Promise<SaveResult>;
  getCalib(frameId: string, signal?: AbortSignal): Promise<CalibResponse>;
  getLabelText(frameId: string, signal?: AbortSignal): Promise<string>;
  /** Every saved frame's tracked boxes, in dataset order (one request for the whole track index). */
  getTracks(signal?: AbortSignal): Promise<TrackFrame[]>;
  /** Every frame's ego pose (LiDAR → world) and sequence, by frame id; `{ frames: {} }` for a dataset without poses. */
  getPoses(signal?: AbortSignal): Promise<PosesResponse>;
  /** Where the tracks of the frames around this one are expected in it (`trackGap`, `offTrack`). */
  getExpectedTracks(frameId: string, signal?: AbortSignal): Promise<{ frameId: string; expectedTracks: ExpectedTrackBox[] }>;
  /** The server's check summary of the frame's current revision (422 `frame_unreadable` for a broken file). */
  getFrameChecks(frameId: string, signal?: AbortSignal): Promise<FrameCheckSummary>;
  listRevisions(frameId: string, signal?: AbortSignal): Promise<RevisionInfo[]>;
  getRevision(frameId: string, revision: number, signal?: AbortSignal): Promise<FrameAnnotation>;
  listActivity(query?: { frameId?: string; limit?: number }, signal?: AbortSignal): Promise<ActivityEntry[]>;
  /** URL of the raw point file (`.bin` or `.pcd`; the `X-Cuboid-Points-Format` header says which; `Range` works). */
  pointsUrl(frameId: string): string;
  /** The merged sweeps around a frame, streamed (`GET /api/frames/:id/merged`, `mergedWire`). */
  mergedUrl(frameId: string, sweeps: number, budget: number): string;
  /** Every merged point within a disc (BEV, the open frame's LiDAR frame), up to `budget` (`near=x,y,r`). */
  mergedNearUrl(frameId: string, sweeps: number, budget: number, disc: { x: number; y: number; radius: number }): string;
  /** Asks the server to merge a frame's sweeps ahead into its cache (`prefetch=1`); true when it started. */
  prefetchMerged(frameId: string, sweeps: number, budget: number): Promise<boolean>;
  /** Asks the server to read the sweeps around a frame ahead (`read=1`), so that turning sweeps on only moves and ranks them; true when it started. */
  readSweepsAhead(frameId: string, sweeps: number): Promise<boolean>;
  imageUrl(frameId: string): string;
  /** The frame's cameras with their projections (`GET /api/frames/:id/cameras`; 422 `calib_invalid` for a malformed calib). */
  getCameras(frameId: string, signal?: AbortSignal): Promise<FrameCamerasResponse>;
  /** URL of one camera's image (`image_3`, `CAM_FRONT`: a name `getCameras` listed). */
  cameraImageUrl(frameId: string, camera: string): string;
  exportZipUrl(opts?: ExportZipOptions): string;
  getSession(signal?: AbortSignal): Promise<SessionInfo>;
  /** Logs in with a token (the server sets the session cookie). 401 `invalid_token` for a wrong one. */
  login(token: string): Promise<SessionInfo>;
  logout(): Promise<void>;
  getReview(frameId: string, signal?: AbortSignal): Promise<ReviewInfo>;
  /** 422 `check_errors` (ApiError whose `body.errors` are the `CheckResult`s needing a reason). */
  submitFrame(frameId: string, overrides?: readonly SubmitOverride[]): Promise<FrameAnnotation>;
  acceptFrame(frameId: string): Promise<FrameAnnotation>;
  rejectFrame(frameId: string, comment?: string): Promise<FrameAnnotation>;
  addFlag(frameId: string, flag: NewFlagInput): Promise<{ flag: ReviewFlag; annotation: FrameAnnotation }>;
  setFlagState(frameId: string, flagId: string, state: ReviewFlag['state']): Promise<FrameAnnotation>;
  /** Per-box diff; defaults: from the first submitted revision to the accepted (else current) one. */
  getDiff(frameId: string, range?: { from?: number; to?: number }, signal?: AbortSignal): Promise<AnnotationDiff & { frameId: string }>;
  setAssignment(
    frameId: string,
    patch: { annotator?: string | null; reviewer?: string | null },
  ): Promise<{ frameId: string; annotator: string | null; reviewer: string | null }>;
  getDictionary(signal?: AbortSignal): Promise<{ dictionary: EdgeCaseDictionary; source: 'file' | 'default'; problem?: string }>;
  /** Saves the whole dictionary; its `version` must be the one edited (409 otherwise). */
  saveDictionary(dictionary: EdgeCaseDictionary): Promise<{ dictionary: EdgeCaseDictionary; source: 'file' }>;
  getMetrics(query?: MetricsQuery, signal?: AbortSignal): Promise<MetricsReport>;
  metricsCsvUrl(query?: MetricsQuery & { table?: MetricsCsvTable }): string;
  listUsers(signal?: AbortSignal): Promise<UserInfo[]>;
}

/** The check errors a refused submit lists (`ApiError.body.errors` of a 422 `check_errors`), or null. */
export function checkErrorsOf(err: unknown): CheckResult[] | null {
  if (!(err instanceof ApiError) || err.error !== 'check_errors') return null;
  const errors = err.body?.errors;
  return Array.isArray(errors) ? (errors as CheckResult[]) : null;
}

/**
 * Resolves in a new task. Opening a frame asks the server for half a dozen things (its boxes,
 * review, calib, tracks, the merge ahead) from store listeners and effects that run inside the
 * key press's task, after both React roots' renders; each fetch() took 5–15 ms of that task in
 * headless Chromium on two busy cores, and together they took it past 50 ms.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Builds a client for one server. */
export function createApiClient(opts: ApiClientOptions = {}): ApiClient {
  const base = (opts.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const frameUrl = (id: string, rest: string): string => `${base}/api/frames/${encodeURIComponent(id)}${rest}`;

  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    let res: Response;
    try {
      // A read starts in a task of its own (`nextTask`); writes at once (a save on leaving the page).
      if ((init.method ?? 'GET') === 'GET') await nextTask();
      if (init.signal?.aborted === true) throw init.signal.reason;
      res = await doFetch(url, init);
    } catch (err) {
      if (init.signal?.aborted === true) throw err;
      throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
    }
    return res;
  };

  const json = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
    const res = await request(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as T;
  };

  const send = <T>(method: string, url: string, body: unknown): Promise<T> =>
    json<T>(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  const metricsParams = (q: MetricsQuery = {}): URLSearchParams => {
    const params = new URLSearchParams();
    if (q.from !== undefined && q.from !== '') params.set('from', q.from);
    if (q.to !== undefined && q.to !== '') params.set('to', q.to);
    if (q.user !== undefined && q.user !== '') params.set('user', q.user);
    if (q.idleMinutes !== undefined) params.set('idle', String(q.idleMinutes));
    return params;
  };
  const withQuery = (url: string, params: URLSearchParams): string => {
    const qs = params.toString();
    return qs === '' ? url : `${url}?${qs}`;
  };

  return {
    getDataset: (signal) => json<DatasetInfo>(`${base}/api/dataset`, { signal }),
    listFrames: (signal) => json<FrameListItem[]>(`${base}/api/frames`, { signal }),
    getAnnotation: (frameId, signal) => json<FrameAnnotation>(frameUrl(frameId, '/annotation'), { signal }),
    getTracks: (signal) => json<TrackFrame[]>(`${base}/api/tracks`, { signal }),
    getPoses: (signal) => json<PosesResponse>(`${base}/api/poses`, { signal }),
    getExpectedTracks: (frameId, signal) => json<{ frameId: string; expectedTracks: ExpectedTrackBox[] }>(frameUrl(frameId, '/expected-tracks'), { signal }),
    getFrameChecks: (frameId, signal) => json<FrameCheckSummary>(frameUrl(frameId, '/checks'), { signal }),
    async saveAnnotation(frameId, doc, baseRevision, signal) {
      const res = await request(frameUrl(frameId, '/annotation'), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'If-Match': `"${baseRevision}"` },
        body: JSON.stringify(doc),
        signal,
      });
      if (res.status === 409) {
        const body = (await res.json()) as { current: FrameAnnotation };
        return { ok: false, conflict: true, current: body.current };
      }
      if (!res.ok) throw await toApiError(res);
      const body = (await res.json()) as { annotation: FrameAnnotation; labelWritten: boolean; labelError?: string };
      return {
        ok: true,
        doc: body.annotation,
        labelWritten: body.labelWritten,
        ...(body.labelError !== undefined ? { labelError: body.labelError } : {}),
      };
    },
    getCalib: (frameId, signal) => json<CalibResponse>(frameUrl(frameId, '/calib'), { signal }),
    async getLabelText(frameId, signal) {
      const res = await request(frameUrl(frameId, '/label'), { signal });
      if (!res.ok) throw await toApiError(res);
      return res.text();
    },
    listRevisions: (frameId, signal) => json<RevisionInfo[]>(frameUrl(frameId, '/revisions'), { signal }),
    getRevision: (frameId, revision, signal) => json<FrameAnnotation>(frameUrl(frameId, `/revisions/${revision}`), { signal }),
    listActivity(query = {}, signal) {
      const params = new URLSearchParams();
      if (query.frameId !== undefined) params.set('frameId', query.frameId);
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      const qs = params.toString();
      return json<ActivityEntry[]>(`${base}/api/activity${qs === '' ? '' : `?${qs}`}`, { signal });
    },
    pointsUrl: (frameId) => frameUrl(frameId, '/points'),
    mergedUrl: (frameId, sweeps, budget) => frameUrl(frameId, `/merged?sweeps=${sweeps}&budget=${budget}`),
    mergedNearUrl: (frameId, sweeps, budget, d) =>
      frameUrl(frameId, `/merged?sweeps=${sweeps}&budget=${budget}&near=${d.x.toFixed(2)},${d.y.toFixed(2)},${d.radius.toFixed(1)}`),
    prefetchMerged: async (frameId, sweeps, budget) =>
      (await request(frameUrl(frameId, `/merged?sweeps=${sweeps}&budget=${budget}&prefetch=1`))).status === 202,
    readSweepsAhead: async (frameId, sweeps) => (await request(frameUrl(frameId, `/merged?sweeps=${sweeps}&read=1`))).status === 202,
    imageUrl: (frameId) => frameUrl(frameId, '/image'),
    getCameras: (frameId, signal) => json<FrameCamerasResponse>(frameUrl(frameId, '/cameras'), { signal }),
    cameraImageUrl: (frameId, camera) => frameUrl(frameId, `/cameras/${encodeURIComponent(camera)}/image`),
    exportZipUrl(o = {}) {
      const params = new URLSearchParams();
      if (o.split !== undefined) params.set('split', String(o.split));
      if (o.seed !== undefined) params.set('seed', o.seed);
      if (o.statuses !== undefined && o.statuses.length > 0) params.set('status', o.statuses.join(','));
      for (const key of ['bin', 'points', 'images'] as const) {
        if (o[key] !== undefined) params.set(key, o[key] ? '1' : '0');
      }
      const qs = params.toString();
      return `${base}/api/export.zip${qs === '' ? '' : `?${qs}`}`;
    },
    getSession: (signal) => json<SessionInfo>(`${base}/api/session`, { signal }),
    login: (token) => send<SessionInfo>('POST', `${base}/api/session`, { token }),
    async logout() {
      const res = await request(`${base}/api/session`, { method: 'DELETE' });
      if (!res.ok) throw await toApiError(res);
    },
    getReview: (frameId, signal) => json<ReviewInfo>(frameUrl(frameId, '/review'), { signal }),
    submitFrame: (frameId, overrides = []) => send<FrameAnnotation>('POST', frameUrl(frameId, '/submit'), { overrides }),
    acceptFrame: (frameId) => send<FrameAnnotation>('POST', frameUrl(frameId, '/accept'), {}),
    rejectFrame: (frameId, comment = '') => send<FrameAnnotation>('POST', frameUrl(frameId, '/reject'), { comment }),
    addFlag: (frameId, flag) => send<{ flag: ReviewFlag; annotation: FrameAnnotation }>('POST', frameUrl(frameId, '/flags'), flag),
    setFlagState: (frameId, flagId, state) => send<FrameAnnotation>('PATCH', frameUrl(frameId, `/flags/${encodeURIComponent(flagId)}`), { state }),
    getDiff(frameId, range = {}, signal) {
      const params = new URLSearchParams();
      if (range.from !== undefined) params.set('from', String(range.from));
      if (range.to !== undefined) params.set('to', String(range.to));
      return json<AnnotationDiff & { frameId: string }>(withQuery(frameUrl(frameId, '/diff'), params), { signal });
    },
    setAssignment: (frameId, patch) =>
      send<{ frameId: string; annotator: string | null; reviewer: string | null }>('PUT', frameUrl(frameId, '/assignment'), patch),
    getDictionary: (signal) => json<{ dictionary: EdgeCaseDictionary; source: 'file' | 'default'; problem?: string }>(`${base}/api/dictionary`, { signal }),
    saveDictionary: (dictionary) => send<{ dictionary: EdgeCaseDictionary; source: 'file' }>('PUT', `${base}/api/dictionary`, dictionary),
    getMetrics: (query, signal) => json<MetricsReport>(withQuery(`${base}/api/metrics`, metricsParams(query)), { signal }),
    metricsCsvUrl(query = {}) {
      const params = metricsParams(query);
      if (query.table !== undefined) params.set('table', query.table);
      return withQuery(`${base}/api/metrics.csv`, params);
    },
    listUsers: (signal) => json<UserInfo[]>(`${base}/api/users`, { signal }),
  };
}

/** Turns an error response into an `ApiError`, reading `{error, detail}` when the body is JSON. */
async function toApiError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> | null = null;
  try {
    const text = await res.text();
    const parsed: unknown = text === '' ? null : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    body = null;
  }
  const error = typeof body?.error === 'string' ? body.error : `http_${res.status}`;
  const detail = typeof body?.detail === 'string' ? body.detail : res.statusText;
  return new ApiError(res.status, error, detail, body);
}

/** The same-origin client the app uses. */
export const api: ApiClient = createApiClient();
