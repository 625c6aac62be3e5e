import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A throwaway PostgreSQL cluster: `url` reaches its `postgres` database as the superuser `cuboid`. */
export interface PgCluster {
  url: string;
  /** Stops the server and deletes its folder. */
  stop(): void;
}

/** The newest `initdb` of Debian's `postgresql` packages, or null when none is installed. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length === 0 ? null : path.join(root, versions[0], 'bin');
}

/** A TCP port nobody listens on right now (loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL cluster in a new temporary folder on a free loopback port (`initdb` +
 * `pg_ctl`, trust authentication, only 127.0.0.1 and a socket in the folder). PostgreSQL refuses
 * to run as root, so under root the cluster belongs to `nobody` (run through `runuser`).
 * `durable: false` (tests) turns fsync off; `true` keeps PostgreSQL's defaults (benchmarks).
 * @throws Error naming what to install when no `initdb` is found
 */
export async function startPgCluster(opts: { durable?: boolean } = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (bin === null) {
    throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install Debian's `postgresql` or set CUBOID_TEST_PG_URL");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (file: string, args: string[]): void => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'nobody', '--', file, ...args]] : [file, args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${path.basename(file)} failed (${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  };
  if (asRoot) execFileSync('chown', ['nobody:', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const settings = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (opts.durable !== true) settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-U', 'cuboid', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', settings.join(' '), '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://cuboid@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
