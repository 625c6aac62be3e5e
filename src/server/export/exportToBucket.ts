import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { parseBucketUrl } from '../dataset/bucketUrl.ts';
import { bucketClient } from '../dataset/s3Client.ts';
import { S3Source } from '../dataset/S3Source.ts';
import { sourceFor } from '../dataset/sources.ts';
import { BucketSink } from './BucketSink.ts';
import type { ExportSink } from './ExportSink.ts';

/**
 * Runs an export into `s3://BUCKET/PREFIX` (`cuboid export DIR --out s3://...`). A bucket has no
 * rename, so the tree is written in place and the manifest (`manifest`, written last by the
 * exporters) marks it complete. A prefix that already holds one of `entries` is refused unless
 * `force`: then the old manifest is deleted first (an interrupted replacement never looks
 * complete), then every old object under the entries, then the new tree is written.
 * @throws Error naming the prefix and the entries found; DatasetUnavailableError for a bucket
 *   that cannot be listed or written
 */
export async function exportToBucket<T>(
  out: string,
  opts: { entries: readonly string[]; manifest: string; force: boolean },
  run: (sink: ExportSink) => Promise<T>,
): Promise<T> {
  const loc = parseBucketUrl(out);
  const target = sourceFor({ kind: 's3', root: loc.url, bucket: loc.bucket, prefix: loc.prefix }) as S3Source;
  await target.probe();
  const found: string[] = [];
  for (const entry of opts.entries) if ((await keysUnder(loc.bucket, `${loc.prefix}${entry}`, 1)).length > 0) found.push(entry);
  if (found.length > 0) {
    if (!opts.force) throw new BucketExportError(`${loc.url} already holds an export (${found.join(', ')}): pass --force to replace it`);
    await deleteKeys(loc.bucket, await keysUnder(loc.bucket, `${loc.prefix}${opts.manifest}`));
    for (const entry of found) await deleteKeys(loc.bucket, await keysUnder(loc.bucket, `${loc.prefix}${entry}`));
  }
  return run(new BucketSink(target));
}

/** An export target that is already taken (exit 2, like a usage error). */
export class BucketExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Keys starting with `prefix` (the entry itself, or under `prefix/`), at most `limit`. */
async function keysUnder(bucket: string, prefix: string, limit = Infinity): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await bucketClient().send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token !== undefined ? { ContinuationToken: token } : {}) }),
    );
    for (const o of page.Contents ?? []) {
      if (o.Key === undefined) continue;
      const rest = o.Key.slice(prefix.length);
      if (rest === '' || rest.startsWith('/')) keys.push(o.Key);
    }
    token = page.IsTruncated === true && keys.length < limit ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys.slice(0, limit);
}

async function deleteKeys(bucket: string, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    await bucketClient().send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }));
  }
}
