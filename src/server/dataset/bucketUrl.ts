import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** A dataset in an S3-compatible bucket: `s3://BUCKET/PREFIX`. */
export interface BucketLocation {
  bucket: string;
  /** The key prefix of the dataset, '' or ending in `/` (`runs/2024-05/`). */
  prefix: string;
  /** `s3://BUCKET/PREFIX` without a trailing slash: how the dataset is named to the user. */
  url: string;
}

/** True for a dataset argument naming a bucket (`s3://...`) rather than a folder. */
export function isBucketUrl(text: string): boolean {
  return /^s3:\/\//i.test(text);
}

/**
 * Parses `s3://BUCKET[/PREFIX]`. Bucket names follow S3's rules (3–63 of a-z 0-9 . -); the prefix
 * is kept as given, with one trailing `/` added.
 * @throws Error naming the URL and what is wrong with it
 */
export function parseBucketUrl(text: string): BucketLocation {
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/i.exec(text);
  if (m === null) throw new Error(`${JSON.stringify(text)} is not a bucket URL (expected s3://BUCKET/PREFIX)`);
  const bucket = m[1];
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new Error(`${JSON.stringify(text)}: ${JSON.stringify(bucket)} is not a bucket name (3-63 characters of a-z, 0-9, '.' and '-')`);
  }
  const raw = (m[2] ?? '').replace(/\/+$/, '');
  if (raw.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    if (raw !== '') throw new Error(`${JSON.stringify(text)}: the prefix may not hold empty, '.' or '..' parts`);
  }
  const prefix = raw === '' ? '' : `${raw}/`;
  return { bucket, prefix, url: `s3://${bucket}${raw === '' ? '' : `/${raw}`}` };
}

/**
 * Where the database of a dataset goes when no state folder is given: `DATA/.cuboid` for a
 * folder; for a bucket (which holds no database) `~/.cuboid/state/s3-BUCKET-PREFIX-HASH` on this
 * machine, HASH the first 8 hex digits of the SHA-256 of the URL.
 */
export function defaultStateDir(dataDir: string, home: string = os.homedir()): string {
  if (!isBucketUrl(dataDir)) return path.join(path.resolve(dataDir), '.cuboid');
  const { url } = parseBucketUrl(dataDir);
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 8);
  const name = url.slice('s3://'.length).replace(/[^\w.-]/g, '_');
  return path.join(home, '.cuboid', 'state', `s3-${name}-${hash}`);
}
