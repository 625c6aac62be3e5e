import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { installAuth } from './auth/installAuth.ts';
import { installErrorHandling } from './http/errorHandler.ts';
import { installHostCheck } from './http/hostCheck.ts';
import { installOriginCheck } from './http/originCheck.ts';
import { installZodSchemas } from './http/zodRoutes.ts';
import { installServerTiming, markPhase, serverTimingEnabled } from './http/serverTiming.ts';
import { cuboidVersion } from './cuboidVersion.ts';
import { DEFAULT_LOGIN_RATE_LIMIT, DEFAULT_TIMEOUTS, type LoginRateLimit, type ServerTimeouts } from './http/serverLimits.ts';
import { openWorkspace, type Workspace, type WorkspaceOptions } from './openWorkspace.ts';
import { registerActivityRoute } from './routes/activityRoute.ts';
import { registerAnnotationRoutes } from './routes/annotationRoutes.ts';
import { registerCalibRoute } from './routes/calibRoute.ts';
import { registerCameraRoutes } from './routes/cameraRoutes.ts';
import { registerDictionaryRoutes } from './routes/dictionaryRoutes.ts';
import { registerChecksRoute } from './routes/checksRoute.ts';
import { registerTracksRoute } from './routes/tracksRoute.ts';
import { registerPosesRoute } from './routes/posesRoute.ts';
import { registerMergedRoute } from './routes/mergedRoute.ts';
import { MergePool } from './merge/MergePool.ts';
import { DatasetPoses } from './dataset/datasetPoses.ts';
import { TrackWindows } from './checks/TrackWindows.ts';
import { FrameCheckSummaries } from './checks/FrameCheckSummaries.ts';
import { CheckPool, type CheckPoolOptions } from './checks/CheckPool.ts';
import { poolFileReader } from './export/exportFileTask.ts';
import { registerExportRoute } from './routes/exportRoute.ts';
import { registerFileRoutes } from './routes/fileRoutes.ts';
import { registerFlagRoutes } from './routes/flagRoutes.ts';
import { registerFramesRoutes } from './routes/framesRoutes.ts';
import { registerLabelRoute } from './routes/labelRoute.ts';
import { registerMetricsRoutes } from './routes/metricsRoutes.ts';
import { registerReviewRoutes } from './routes/reviewRoutes.ts';
import type { RouteContext } from './routes/RouteContext.ts';
import { registerSessionRoutes } from './routes/sessionRoutes.ts';
import { registerStaticRoutes } from './routes/staticRoutes.ts';
import { registerUsersRoute } from './routes/usersRoute.ts';
import { createSubmitChecker, type SubmitChecker } from './review/checkFrameForSubmit.ts';
import { InProcessJobRunner } from './jobs/InProcessJobRunner.ts';
import { QueueJobRunner } from './jobs/QueueJobRunner.ts';
import { checkRunners } from './jobs/jobChecks.ts';
import type { JobRunner } from './jobs/JobRunner.ts';
import { registerJobRoutes } from './routes/jobRoutes.ts';
import { DictionaryStore } from './review/DictionaryStore.ts';
import { PostgresStorage } from './storage/PostgresStorage.ts';
import { ReviewService } from './review/ReviewService.ts';

export interface ServerOptions extends WorkspaceOptions {
  /** The built app to serve at `/` (`dist/`); null or absent = API only. */
  distDir?: string | null;
  /** Fastify logging; off by default (tests), the CLI turns warnings on. */
  logger?: boolean | { level: string };
  /** Body limit of every route except the annotation PUT, bytes. Default 64 KiB. */
  bodyLimit?: number;
  /**
   * `Host` names to answer (DNS-rebinding guard); default the loopback names. `null` answers any
   * host: for a server beyond loopback, where every request needs a session anyway.
   */
  allowedHosts?: readonly string[] | null;
  /**
   * Origins besides the server's own that may send state-changing requests (a proxy that rewrites
   * `Host`). Default none: see `http/originCheck.ts`.
   */
  allowedOrigins?: readonly string[];
  /** Time limits of the HTTP server (see `http/serverLimits.ts`); default `DEFAULT_TIMEOUTS`. */
  timeouts?: Partial<ServerTimeouts>;
  /** Login attempts per client address and window; default 10 a minute. */
  loginRateLimit?: LoginRateLimit;
  /** Serve nothing until users exist (set when listening beyond loopback). Default false. */
  requireUsers?: boolean;
  /** The submit gate's checks; default the dictionary's box rules on the frame's points (tests inject their own). */
  submitChecker?: SubmitChecker;
  /** The check pool (worker threads) of the navigator summaries and the submit gate: threads, time and size limits. */
  checks?: CheckPoolOptions;
  /**
   * Where background jobs run (navigator summaries, submit gates, exports): `in-process` (default:
   * this process's check pool) or `queue` (needs `db`: the PostgreSQL queue that `cuboid worker`
   * processes take jobs from; `cuboid serve --db` uses it).
   */
  jobs?: 'in-process' | 'queue';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The dataset, storage and annotation service this server runs on. */
    cuboid: Workspace;
  }
}

/**
 * Builds the Fastify app for one dataset: `/api/*` (session, frames, points, calib, image,
 * annotation, label, revisions, review, flags, diff, dictionary, activity, metrics, users,
 * export.zip) and, with `distDir`, the built app. Every route passes the role check of
 * `auth/routeAccess.ts`. Closing the app closes the storage. Does not listen: call `app.listen`
 * (or use `app.inject` in tests).
 */
export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  // Checks run in worker threads, never on the event loop; the same threads parse a nuScenes dataset's tables at the scan.
  const checkPool = new CheckPool(opts.checks);
  const workspace = await openWorkspace({ ...opts, runTask: (task) => checkPool.runDatasetTask(task) }).catch(async (err: unknown) => {
    await checkPool.close();
    throw err;
  });
  const t: ServerTimeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const app = Fastify({
    logger: opts.logger ?? false,
    requestTimeout: t.requestMs,
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    http: {
      requestTimeout: t.requestMs,
      headersTimeout: Math.min(t.headersMs, t.requestMs),
      keepAliveTimeout: t.keepAliveMs,
      connectionsCheckingInterval: t.checkIntervalMs,
    },
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    routerOptions: { maxParamLength: 256 },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: (err, _request, reply) => {
      // The router's own failures (bad percent-encoding, an overlong parameter) get our error shape too.
      const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
      void (reply as FastifyReply)
        .code(status)
        .type('application/json; charset=utf-8')
        .send({ error: status === 414 ? 'url_too_long' : 'bad_url', detail: err.message });
    },
  });
  // Bodies are JSON only: anything else is 415, not a string handed to the validators.
  app.removeContentTypeParser('text/plain');
  app.decorate('cuboid', workspace);
  // CUBOID_SERVER_TIMING=1 (the scale bench): phase timings in Server-Timing; first, so every hook is timed.
  const timing = serverTimingEnabled();
  if (timing) installServerTiming(app);
  app.addHook('onClose', async () => workspace.close());
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    return payload;
  });
  installErrorHandling(app);
  if (opts.allowedHosts !== null) installHostCheck(app, opts.allowedHosts);
  installOriginCheck(app, { allowedOrigins: opts.allowedOrigins ?? [] });
  // Files added, removed or renamed in a dataset folder are seen by the next request (a few stats).
  // A bucket is re-listed (one LIST per folder, at most every 5 s) beside the requests, never in
  // front of them: they are answered from the last listing, and new objects appear once the LIST
  // is back. (Awaited, every request of a re-list period waited for it: up to 1.5 s of a save's p99
  // under load in bench:scale, and a bucket outage's failing LIST in front of every save.)
  const relistBeside = workspace.dataset.source.spec.kind === 's3';
  const relistFailed = warnOnce('cuboid: re-listing the dataset failed');
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) {
      if (relistBeside) void workspace.dataset.refresh().catch(relistFailed);
      else await workspace.dataset.refresh();
    }
    if (timing) markPhase('refresh');
  });
  const users = workspace.storage.users;
  await installAuth(app, { users, requireUsers: opts.requireUsers === true });
  if (timing) app.addHook('onRequest', async () => markPhase('auth'));
  // Only routes that ask for it (the login) are limited.
  await app.register(rateLimit, { global: false });
  // With PostgreSQL the dictionary lives in the database (every replica reads a lead's edit).
  const fileDictionary = new DictionaryStore(workspace.stateDir);
  const dictionaries = workspace.storage instanceof PostgresStorage ? workspace.storage.dictionaryStore(fileDictionary) : fileDictionary;
  // Closing the app stops the check threads.
  app.addHook('onClose', async () => checkPool.close());
  // Jobs: in this process (the pool above), or queued in PostgreSQL for `cuboid worker` processes.
  let jobs: JobRunner;
  if (opts.jobs === 'queue') {
    if (opts.db === undefined) throw new Error('createServer: jobs "queue" needs db (a PostgreSQL URL)');
    jobs = await QueueJobRunner.open(opts.db).catch(async (err: unknown) => {
      await app.close();
      throw err;
    });
  } else {
    jobs = new InProcessJobRunner({ pool: checkPool, exportSource: workspace.service });
  }
  app.addHook('onClose', async () => jobs.close());
  const checks = checkRunners(jobs, checkPool);
  const poses = new DatasetPoses(workspace.service.dataset);
  const trackWindows = new TrackWindows(workspace.service, poses);
  const review = new ReviewService({
    annotations: workspace.service,
    dictionaries,
    checker: opts.submitChecker ?? createSubmitChecker(checks.submit, trackWindows),
  });
  const checkSummaries = new FrameCheckSummaries({ annotations: workspace.service, dictionaries, pool: checks.summaries, trackWindows });
  const ctx: RouteContext = {
    service: workspace.service,
    poses,
    trackWindows,
    review,
    users,
    stateDir: workspace.stateDir,
    dictionaries,
    checkSummaries,
    loginRateLimit: opts.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT,
    fileReader: poolFileReader((task) => checkPool.runExportFile(task)),
  };
  // Every route below is validated with its zod schemas and listed in GET /api/openapi.json.
  const api = await installZodSchemas(app, cuboidVersion());
  registerSessionRoutes(api, ctx);
  registerFramesRoutes(api, ctx);
  registerFileRoutes(api, ctx);
  registerCalibRoute(api, ctx);
  registerCameraRoutes(api, ctx);
  registerAnnotationRoutes(api, ctx);
  registerLabelRoute(api, ctx);
  registerChecksRoute(api, ctx);
  registerTracksRoute(api, ctx);
  registerPosesRoute(api, ctx);
  // Merged sweeps are read, moved and ranked in their own worker thread (not the checks').
  const mergePool = new MergePool();
  app.addHook('onClose', async () => mergePool.close());
  registerMergedRoute(api, ctx, mergePool, () => checkPool.holdChecks());
  registerActivityRoute(api, ctx);
  registerExportRoute(api, ctx);
  registerReviewRoutes(api, ctx);
  registerFlagRoutes(api, ctx);
  registerDictionaryRoutes(api, ctx);
  registerMetricsRoutes(api, ctx);
  registerUsersRoute(api, ctx);
  registerJobRoutes(api, { jobs, service: workspace.service, ...(opts.binLayout !== undefined ? { binLayout: opts.binLayout } : {}) });
  if (opts.distDir !== undefined && opts.distDir !== null) await registerStaticRoutes(app, opts.distDir);
  return app;
}

/** A warning for `err` on stderr, once per distinct message (a failure repeated on every request is said once). */
function warnOnce(prefix: string): (err: unknown) => void {
  const said = new Set<string>();
  return (err) => {
    const message = err instanceof Error ? err.message : String(err);
    if (said.has(message)) return;
    said.add(message);
    console.warn(`${prefix}: ${message}`);
  };
}
