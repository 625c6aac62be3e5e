import type { AnnotationService } from '../AnnotationService.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { HttpError, quoteInput } from '../http/HttpError.ts';

/** What every route module receives. */
export interface RouteContext {
  service: AnnotationService;
  /** Where the database lives, for `GET /api/dataset`. */
  stateDir: string;
}

/**
 * The dataset frame named by the `:id` route parameter. Ids are checked against the strict
 * frame-id pattern and looked up in the scanned index; anything else is 404, so no request can make
 * the server open a path it did not find itself.
 */
export function frameFromParams(ctx: RouteContext, params: unknown): DatasetFrame {
  const id = (params as { id?: unknown } | null)?.id;
  const frame = typeof id === 'string' ? ctx.service.dataset.get(id) : undefined;
  if (frame === undefined) {
    throw new HttpError(404, 'frame_not_found', `no frame ${quoteInput(String(id))} in this dataset`);
  }
  return frame;
}

/** The acting user for the activity log: the `X-Cuboid-User` header when well-formed (unverified until users arrive). */
export function actorFrom(headers: Record<string, string | string[] | undefined>): string {
  const raw = headers['x-cuboid-user'];
  return typeof raw === 'string' && /^[\w.@-]{1,64}$/.test(raw) ? raw : 'local';
}
