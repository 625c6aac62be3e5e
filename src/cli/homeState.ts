import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defaultStateDir, isBucketUrl } from '../server/dataset/bucketUrl.ts';

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
