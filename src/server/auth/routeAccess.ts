import type { Role } from '../../domain/review/Role.ts';

/** Who may call a route: anyone (no session needed), or the listed roles. */
export type RouteAccess = 'public' | readonly Role[];

const ALL: readonly Role[] = ['annotator', 'reviewer', 'lead'];
const LEAD: readonly Role[] = ['lead'];

/**
 * The roles matrix: every route of the server, keyed `METHOD url-pattern` as Fastify registers it
 * (HEAD follows GET). Handlers refine some entries by assignment and content (a reviewer's PUT
 * may not change boxes; annotators resolve flags, reviewers close them). A route missing here is
 * lead-only, and `authorization.test.ts` fails until it is added.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'public',
  'GET /*': 'public',
  'GET /api/openapi.json': ALL,
  'GET /api/dataset': ALL,
  'GET /api/frames': ALL,
  'GET /api/tracks': ALL,
  'GET /api/poses': ALL,
  'GET /api/frames/:id/pose': ALL,
  'GET /api/frames/:id/expected-tracks': ALL,
  'GET /api/frames/:id/points': ALL,
  'GET /api/frames/:id/merged': ALL,
  'GET /api/frames/:id/image': ALL,
  'GET /api/frames/:id/calib': ALL,
  'GET /api/frames/:id/cameras': ALL,
  'GET /api/frames/:id/cameras/:camera/image': ALL,
  'GET /api/frames/:id/annotation': ALL,
  'PUT /api/frames/:id/annotation': ALL,
  'GET /api/frames/:id/label': ALL,
  'GET /api/frames/:id/checks': ALL,
  'GET /api/frames/:id/revisions': ALL,
  'GET /api/frames/:id/revisions/:revision': ALL,
  'GET /api/frames/:id/review': ALL,
  'GET /api/frames/:id/diff': ALL,
  'POST /api/frames/:id/submit': ['annotator', 'lead'],
  'POST /api/frames/:id/accept': ['reviewer', 'lead'],
  'POST /api/frames/:id/reject': ['reviewer', 'lead'],
  'POST /api/frames/:id/flags': ['reviewer', 'lead'],
  'PATCH /api/frames/:id/flags/:flagId': ALL,
  'PUT /api/frames/:id/assignment': LEAD,
  'GET /api/dictionary': ALL,
  'PUT /api/dictionary': LEAD,
  'GET /api/activity': LEAD,
  'GET /api/export.zip': LEAD,
  'POST /api/jobs/export': LEAD,
  'GET /api/jobs/:id': LEAD,
  'GET /api/jobs/:id/file': LEAD,
  'GET /api/metrics': LEAD,
  'GET /api/metrics.csv': LEAD,
  'GET /api/users': LEAD,
};

/** The access rule of a route (`url` as registered, e.g. `/api/frames/:id/annotation`). */
export function routeAccess(method: string, url: string): RouteAccess {
  const m = method === 'HEAD' ? 'GET' : method;
  return ROUTE_ACCESS[`${m} ${url}`] ?? LEAD;
}
