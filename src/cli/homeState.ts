import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultStateDir, isBucketUrl } from '../server/dataset/bucketUrl.ts';
import { UsageError } from './exitCodes.ts';

/**
 * The state folder `serve --home-state` uses for a dataset: `~/.cuboid/state/NAME-HASH`, where NAME
 * is the dataset folder's name and HASH the first 8 hex digits of the SHA-256 of its absolute path
 * (two datasets of the same name keep separate state). Outside the dataset, so serving the
 * repository's `samples/` leaves its tracked files untouched.
 */
export function homeStateDir(dataDir: string, home: string = os.homedir()): string {
  // A bucket's state is always on this machine (see defaultStateDir).
  if (isBucketUrl(dataDir)) return defaultStateDir(dataDir, home);
  const abs = path.resolve(dataDir);
  const hash = createHash('sha256').update(abs).digest('hex').slice(0, 8);
  const name = path.basename(abs).replace(/[^\w.-]/g, '_') || 'dataset';
  return path.join(home, '.cuboid', 'state', `${name}-${hash}`);
}

/**
 * The state folder `--state DIR` or `--home-state` names (undefined: neither, the dataset's own).
 * @throws UsageError for both at once
 */
export function stateOption(dataDir: string, opts: { state?: string; homeState?: boolean }): string | undefined {
  if (opts.homeState === true && opts.state !== undefined) throw new UsageError('give --state DIR or --home-state, not both');
  return opts.homeState === true ? homeStateDir(dataDir) : opts.state;
}

/**
 * A warning when no state was named but `serve --home-state` (what `npm start` runs) keeps a
 * database for this dataset: the command would read or write the dataset's own, not the app's.
 */
export async function homeStateHint(dataDir: string, command: string, opts: { state?: string; homeState?: boolean; db?: string }): Promise<string | null> {
  if (opts.state !== undefined || opts.homeState === true || opts.db !== undefined) return null;
  const home = homeStateDir(dataDir);
  const kept = await fs.stat(path.join(home, 'cuboid.db')).then(
    () => true,
    () => false,
  );
  return kept ? `${home} holds the database serve --home-state (npm start) keeps for this dataset; this ${command} does not use it: add --home-state` : null;
}
