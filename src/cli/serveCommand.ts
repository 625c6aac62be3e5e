import { DatasetPoses, posesWarnings } from '../server/dataset/datasetPoses.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../server/createServer.ts';
import { countPostgresUsers, PostgresStorage } from '../server/storage/PostgresStorage.ts';
import type { RegisterCommand } from './commands.ts';
import { userDbPath } from './userCommand.ts';
import { BIN_LAYOUT_HELP, parseBinLayoutOption } from './binLayoutOption.ts';
import { UsageError, reportCommandError } from './exitCodes.ts';
import { homeStateDir } from './homeState.ts';
import { formatDatasetWarnings } from './datasetWarnings.ts';
import { DATASET_KINDS } from './datasetHelp.ts';
import { isBucketUrl } from '../server/dataset/bucketUrl.ts';
import type { BinLayoutName } from '../domain/pointcloud/binLayouts.ts';
import type { BinLayoutSource } from '../domain/pointcloud/BinLayoutChoice.ts';
import { stopWithParent } from './stopWithParent.ts';
import { DictionaryStore } from '../server/review/DictionaryStore.ts';

/** Hosts the server may bind to without users (single-user mode). */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];
export const DEFAULT_PORT = 8787;
/** The built app, next to `src/`. */
export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

export interface ServeOptions {
  dataDir: string;
  stateDir?: string;
  port?: number;
  host?: string;
  distDir?: string | null;
  logger?: boolean | { level: string };
  /** The layout of the dataset's raw `.bin` files (`--bin-layout`). */
  binLayout?: BinLayoutName;
  /** Follow symbolic links out of the dataset folder (`--follow-symlinks`); default: reads stay inside it. */
  followSymlinks?: boolean;
  /** A PostgreSQL URL (`--db`): the database replicas share; default the SQLite file in the state folder. */
  db?: string;
}

/** Thrown for options the server refuses; the message is for the user. */
export class ServeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeError';
  }
}

/**
 * Opens the dataset and listens. On loopback without users it runs single-user (no login); with
 * users every request needs a session. Any other host is refused unless users exist (binding
 * beyond loopback without authentication would hand the dataset to the network); there the
 * `Host` check is off, since every request is authenticated. Returns the app and its URL
 * (`port: 0` picks a free port).
 */
export async function startServer(opts: ServeOptions): Promise<{ app: FastifyInstance; url: string }> {
  const host = opts.host ?? '127.0.0.1';
  const loopback = LOOPBACK_HOSTS.includes(host);
  const refuse = () =>
    new ServeError(
      `refusing to listen on ${host} without users: anyone on the network could read and change the dataset. ` +
        'Add a user first (`npx cuboid user add NAME --role lead --data DIR`), or serve on 127.0.0.1.',
    );
  // Checked before the workspace is opened, so that a refusal creates nothing.
  if (!loopback && (await countExistingUsers(opts)) === 0) throw refuse();
  const app = await createServer({
    dataDir: opts.dataDir,
    ...(opts.binLayout !== undefined ? { binLayout: opts.binLayout } : {}),
    ...(opts.stateDir !== undefined ? { stateDir: opts.stateDir } : {}),
    followSymlinks: opts.followSymlinks === true,
    // With --db, checks and exports are jobs for `cuboid worker` processes.
    // With --db (replicas of a team), a save answers at its commit; its label object follows (repaired on start if a replica dies first).
    ...(opts.db !== undefined ? { db: opts.db, jobs: 'queue' as const, labelWrites: 'after-ack' as const } : {}),
    distDir: opts.distDir === undefined ? DEFAULT_DIST_DIR : opts.distDir,
    logger: opts.logger ?? false,
    checks: { keepThread: true },
    ...(loopback ? {} : { allowedHosts: null, requireUsers: true }),
  });
  try {
    // A replica opens its database connections before it listens: no request waits for one to start.
    const storage = app.cuboid.storage;
    if (storage instanceof PostgresStorage) await storage.warm();
    await app.listen({ port: opts.port ?? DEFAULT_PORT, host });
  } catch (err) {
    await app.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ServeError(`port ${opts.port ?? DEFAULT_PORT} is already in use: pass --port N`);
    }
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (opts.port ?? DEFAULT_PORT);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { app, url: `http://${shownHost}:${port}` };
}

/** Users in the database `serve` would open (SQLite file or `--db`), without creating or migrating anything (0 when there is none). */
async function countExistingUsers(opts: ServeOptions): Promise<number> {
  if (opts.db !== undefined) return countPostgresUsers(opts.db);
  let file: string;
  try {
    file = userDbPath({ data: opts.dataDir, ...(opts.stateDir !== undefined ? { state: opts.stateDir } : {}) });
  } catch {
    return 0;
  }
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
    return table === undefined ? 0 : (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** How a `.bin` layout was decided, as `serve` prints it (the reasons follow among the warnings). */
const SOURCE_TEXT: Record<BinLayoutSource, string> = {
  flag: '--bin-layout',
  'dataset-file': 'cuboid.json',
  'file-name': '.pcd.bin name or dataset layout',
  detected: 'detected',
};

/** Parses a TCP port (0 = any free port). */
export function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d{1,5}$/.test(text) || n > 65535) throw new ServeError(`--port ${JSON.stringify(text)} is not a port number (0-65535)`);
  return n;
}

/** `cuboid serve [DIR] [--port N] [--host H] [--state DIR | --home-state] [--bin-layout L]`: serves a dataset and the app. */
export const registerServe: RegisterCommand = (program, setExitCode) => {
  program
    .command('serve')
    .description(`serve a dataset (${DATASET_KINDS}) and the annotation app`)
    .argument('[dir]', 'the dataset folder, or s3://BUCKET/PREFIX (endpoint and credentials from the AWS SDK environment)', 'samples')
    .option('--data <dir>', 'the dataset folder (instead of the argument)')
    .option('--port <n>', 'TCP port', String(DEFAULT_PORT))
    .option('--host <host>', 'interface to bind (beyond loopback only once users exist)', '127.0.0.1')
    .option('--state <dir>', 'folder for the database and label files (needed for a read-only dataset)')
    .option('--home-state', 'keep the database and label files in ~/.cuboid/state/NAME-HASH, outside the dataset (npm start serves samples/ so)')
    .option('--dist <dir>', 'the built app to serve', DEFAULT_DIST_DIR)
    .option('--bin-layout <layout>', BIN_LAYOUT_HELP)
    .option('--follow-symlinks', 'follow symbolic links that lead out of the dataset folder (default: such files are skipped)')
    .option('--db <url>', 'a PostgreSQL database, postgres://USER@HOST:PORT/DB, shared by every replica (default: STATE/cuboid.db)')
    .action(
      async (
        dir: string,
        opts: {
          data?: string;
          port: string;
          host: string;
          state?: string;
          homeState?: boolean;
          dist: string;
          binLayout?: string;
          followSymlinks?: boolean;
          db?: string;
        },
      ) => {
        try {
          const dataDir = isBucketUrl(opts.data ?? dir) ? (opts.data ?? dir) : path.resolve(opts.data ?? dir);
          if (opts.homeState === true && opts.state !== undefined) throw new UsageError('give --state DIR or --home-state, not both');
          const stateDir = opts.homeState === true ? homeStateDir(dataDir) : opts.state !== undefined ? path.resolve(opts.state) : undefined;
          const binLayout = parseBinLayoutOption(opts.binLayout);
          const { app, url } = await startServer({
            dataDir,
            port: parsePort(opts.port),
            ...(binLayout !== undefined ? { binLayout } : {}),
            host: opts.host,
            ...(stateDir !== undefined ? { stateDir } : {}),
            followSymlinks: opts.followSymlinks === true,
            ...(opts.db !== undefined ? { db: opts.db } : {}),
            distDir: path.resolve(opts.dist),
            logger: { level: 'warn' },
          });
          const ws = app.cuboid;
          const userCount = await ws.storage.users.countUsers();
          process.stdout.write(
            `Cuboid is serving ${ws.dataset.size} frames from ${dataDir} (${ws.dataset.layout} layout)\n` +
              `  labels   ${ws.labelsDir}\n  database ${ws.dbPath ?? ws.dbUrl ?? '(in memory)'}\n` +
              (ws.dbUrl !== null ? '  jobs     queued in the database: run `cuboid worker --db URL` (checks, big submits, exports)\n' : '') +
              (userCount > 0 ? `  users    ${userCount} (login required)\n` : '  users    none: single-user mode, no login\n') +
              ws.dataset
                .binLayouts()
                .map((l) => `  points   ${l.frames} .bin frame${l.frames === 1 ? '' : 's'} read as ${l.name} (${SOURCE_TEXT[l.source]})\n`)
                .join('') +
              formatDatasetWarnings([...ws.dataset.warnings, ...posesWarnings(await new DatasetPoses(ws.dataset).get())], '  ') +
              (await dictionaryWarning(ws.stateDir)) +
              `Open ${url}\n`,
          );
          const stop = (): void => {
            void app.close().finally(() => process.exit(0));
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          stopWithParent(stop);
        } catch (err) {
          setExitCode(reportCommandError('serve', err, false));
        }
      },
    );
};

/** The warning line for a `dictionary.json` in the state folder that does not read (the built-in rules are used meanwhile), or ''. */
async function dictionaryWarning(stateDir: string): Promise<string> {
  const { problem } = await new DictionaryStore(stateDir).load();
  return problem === undefined
    ? ''
    : `  warning  the team's rules do not read, so the built-in rules are used until the file is fixed or saved from the app: ${problem}\n`;
}
