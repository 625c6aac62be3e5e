import type { FastifyRequest } from 'fastify';
import type { AnnotationService } from '../AnnotationService.ts';
import type { SessionUser } from '../auth/SessionUser.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { HttpError, quoteInput } from '../http/HttpError.ts';
import type { LoginRateLimit } from '../http/serverLimits.ts';
import type { ReviewService } from '../review/ReviewService.ts';
import type { DictionaryStorage } from '../review/DictionaryStore.ts';
import type { FrameCheckSummaries } from '../checks/FrameCheckSummaries.ts';
import type { UserStore } from '../storage/UserStore.ts';
import type { DatasetPoses } from '../dataset/datasetPoses.ts';
import type { TrackWindows } from '../checks/TrackWindows.ts';
import type { ExportFileReader } from '../export/exportFileReader.ts';

/** What every route module receives. */
export interface RouteContext {
  service: AnnotationService;
  /** The dataset's ego poses (read once, again when their files change): served, and merged by. */
  poses: DatasetPoses;
  /** The review loop (status, flags, submit gate) over `service`. */
  review: ReviewService;
  users: UserStore;
  /** The edge-case dictionary (one store shared by every route). */
  dictionaries: DictionaryStorage;
  /** The tracks a frame lacks, bridged from the frames around it (`trackGap`). */
  trackWindows: TrackWindows;
  /** Per-frame check summaries for the navigator. */
  checkSummaries: FrameCheckSummaries;
  /** Where the database lives, for `GET /api/dataset`. */
  stateDir: string;
  /** Login attempts allowed per client address and window. */
  loginRateLimit: LoginRateLimit;
  /** Where the zip export reads and converts point files: the check pool's threads. */
  fileReader: ExportFileReader;
}

/**
 * The user a request acts as (the auth hook has run: a route that is not public never sees a
 * request without one).
 */
export function userOf(request: FastifyRequest): SessionUser {
  const user = request.cuboidUser;
  if (user === null) throw new HttpError(401, 'unauthenticated', 'log in first: POST /api/session with your token');
  return user;
}

/**
 * The dataset frame named by the `:id` route parameter. Ids are checked against the strict
 * frame-id pattern and looked up in the scanned index; anything else is 404, so no request can make
 * the server open a path it did not find itself.
 */
export function frameFromParams(ctx: RouteContext, params: { id: string }): DatasetFrame {
  const { id } = params;
  const frame = ctx.service.dataset.get(id);
  if (frame === undefined) {
    throw new HttpError(404, 'frame_not_found', `no frame ${quoteInput(String(id))} in this dataset`);
  }
  return frame;
}
