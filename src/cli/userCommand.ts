import { defaultStateDir, isBucketUrl } from '../server/dataset/bucketUrl.ts';
import fs from 'node:fs';
import path from 'node:path';
import { isRole, isValidUserName, ROLES, type Role } from '../domain/review/Role.ts';
import { createToken, hashToken, tokenLookupKey } from '../server/auth/tokens.ts';
import { SqliteStorage } from '../server/storage/SqliteStorage.ts';
import { PostgresStorage } from '../server/storage/PostgresStorage.ts';
import type { Storage } from '../server/storage/Storage.ts';
import { UserExistsError, type UserRecord } from '../server/storage/UserStore.ts';
import { UsageError, reportCommandError } from './exitCodes.ts';
import type { RegisterCommand } from './commands.ts';

export interface UserDbOptions {
  /** The dataset folder (its `.cuboid/cuboid.db` holds the users unless `state` is given). */
  data?: string;
  /** A PostgreSQL database (`--db postgres://USER@HOST:PORT/DB`): the users of every replica on it; then `data` is not needed. */
  db?: string;
  /** The state folder given to `serve --state`. */
  state?: string;
}

/** The database file `serve` uses for these options. */
export function userDbPath(opts: UserDbOptions): string {
  if (opts.data === undefined) throw new UsageError('give --data DIR (the dataset whose database holds the users) or --db URL (a PostgreSQL database)');
  // A bucket holds no database: its state is on this machine (see defaultStateDir).
  if (isBucketUrl(opts.data)) return path.join(path.resolve(opts.state ?? defaultStateDir(opts.data)), 'cuboid.db');
  const data = path.resolve(opts.data);
  if (!fs.existsSync(data) || !fs.statSync(data).isDirectory()) throw new UsageError(`--data ${data}: no such folder`);
  return path.join(path.resolve(opts.state ?? path.join(data, '.cuboid')), 'cuboid.db');
}

async function withStorage<T>(opts: UserDbOptions, fn: (storage: Storage) => Promise<T>): Promise<T> {
  const storage: Storage = opts.db !== undefined ? await PostgresStorage.open(opts.db) : SqliteStorage.open(userDbPath(opts));
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}

/**
 * Adds a user and returns their login token: 32 random bytes, base64url. Only a salted scrypt hash
 * of it is stored, so this is the one time it can be shown.
 */
export async function addUser(name: string, role: string, opts: UserDbOptions): Promise<{ user: UserRecord; token: string }> {
  if (!isValidUserName(name)) throw new UsageError(`user name ${JSON.stringify(name)}: use 1-64 letters, digits, "_", ".", "@" or "-"`);
  if (!isRole(role)) throw new UsageError(`--role ${JSON.stringify(role)}: expected one of ${ROLES.join(', ')}`);
  const token = createToken();
  const tokenHash = await hashToken(token);
  return withStorage(opts, async (storage) => {
    try {
      await storage.users.addUser({ name, role: role as Role, tokenLookup: tokenLookupKey(token), tokenHash });
    } catch (err) {
      if (err instanceof UserExistsError) throw new UsageError(`a user named "${name}" already exists (remove it first to issue a new token)`);
      throw err;
    }
    await storage.logActivity({ user: null, action: 'user_add', frameId: null, revision: null, detail: { name, role } });
    return { user: (await storage.users.getUser(name)) as UserRecord, token };
  });
}

/** The users of the dataset's database; none (and nothing created) when it has no database yet. */
export async function listUsers(opts: UserDbOptions): Promise<UserRecord[]> {
  if (opts.db === undefined && !fs.existsSync(userDbPath(opts))) return [];
  return withStorage(opts, (storage) => storage.users.listUsers());
}

/** Removes a user and ends their sessions. @throws Error when there is no such user */
export async function removeUser(name: string, opts: UserDbOptions): Promise<{ sessionsEnded: number }> {
  if (opts.db === undefined && !fs.existsSync(userDbPath(opts)))
    throw new UsageError(`no user named ${JSON.stringify(name)} (the dataset has no database yet)`);
  return withStorage(opts, async (storage) => {
    const ended = await storage.users.removeUser(name);
    if (ended === null) throw new UsageError(`no user named ${JSON.stringify(name)}`);
    await storage.logActivity({ user: null, action: 'user_remove', frameId: null, revision: null, detail: { name } });
    return { sessionsEnded: ended };
  });
}

/**
 * `cuboid user add NAME --role R --data DIR [--state DIR]` (prints the token once),
 * `cuboid user list --data DIR`, `cuboid user remove NAME --data DIR`; `--db URL` instead of
 * `--data DIR` for a PostgreSQL database.
 */
export const registerUser: RegisterCommand = (program, setExitCode) => {
  const user = program.command('user').description('manage users (annotator, reviewer, lead) and their login tokens');
  const fail = (verb: string, err: unknown) => {
    setExitCode(reportCommandError(`user ${verb}`, err, false));
  };
  const dbOptions = (cmd: ReturnType<typeof program.command>) =>
    cmd
      .option('--data <dir>', 'the dataset folder (its database holds the users)')
      .option('--db <url>', "a PostgreSQL database, postgres://USER@HOST:PORT/DB, instead of the dataset folder's")
      .option('--state <dir>', 'the state folder given to serve --state');

  dbOptions(user.command('add').description('add a user and print their login token (shown only once)').argument('<name>'))
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action(async (name: string, opts: UserDbOptions & { role: string }) => {
      try {
        const file = opts.db === undefined ? userDbPath(opts) : null;
        const fresh = file !== null && !fs.existsSync(file);
        const { user: added, token } = await addUser(name, opts.role, opts);
        process.stdout.write(
          `added ${added.role} "${added.name}" to ${file ?? 'the PostgreSQL database'}\n` +
            // A mistyped or missing --state makes a database no server reads: say so the first time.
            (fresh
              ? `  a new database: only a server started with ${opts.state !== undefined ? `--state ${opts.state}` : `no --state (cuboid serve ${opts.data})`} reads these users\n`
              : '') +
            `token: ${token}\n` +
            "This token is shown only once and cannot be recovered: give it to the user now (log in at the app's login page).\n",
        );
      } catch (err) {
        fail('add', err);
      }
    });

  dbOptions(user.command('list').description('list users and roles')).action(async (opts: UserDbOptions) => {
    try {
      const users = await listUsers(opts);
      if (users.length === 0) process.stdout.write('no users: the server runs single-user on loopback\n');
      for (const u of users) process.stdout.write(`${u.name.padEnd(24)} ${u.role.padEnd(9)} ${u.createdAt}\n`);
    } catch (err) {
      fail('list', err);
    }
  });

  dbOptions(user.command('remove').description('remove a user and end their sessions').argument('<name>')).action(async (name: string, opts: UserDbOptions) => {
    try {
      const { sessionsEnded } = await removeUser(name, opts);
      process.stdout.write(`removed "${name}"${sessionsEnded > 0 ? ` (${sessionsEnded} session${sessionsEnded === 1 ? '' : 's'} ended)` : ''}\n`);
    } catch (err) {
      fail('remove', err);
    }
  });
};
