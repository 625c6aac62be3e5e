import fs from 'node:fs/promises';
import path from 'node:path';
import type { DatasetSource, SourceSpec } from './DatasetSource.ts';
import { isBucketUrl, parseBucketUrl } from './bucketUrl.ts';
import { LocalSource } from './LocalSource.ts';
import { S3Source } from './S3Source.ts';

const bySpec = new Map<string, DatasetSource>();

/**
 * The reader of a source spec, one per spec in each thread (a bucket source keeps what its
 * listings learnt, so the main thread's scan and its readers share one).
 */
export function sourceFor(spec: SourceSpec): DatasetSource {
  const key = JSON.stringify(spec);
  let source = bySpec.get(key);
  if (source === undefined) {
    source = spec.kind === 'local' ? new LocalSource(spec) : new S3Source(spec);
    bySpec.set(key, source);
  }
  return source;
}

/** Thrown when the dataset argument names no dataset store; the message says what was expected. */
export class SourceOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceOpenError';
  }
}

/**
 * The source of a dataset argument: `s3://BUCKET/PREFIX` (the bucket is listed once, so an
 * unreachable one fails here, naming the cause) or a folder (absolute real path confined unless
 * `followSymlinks`).
 * @throws SourceOpenError for a missing folder or a bad bucket URL; DatasetUnavailableError for
 *   a bucket that cannot be listed
 */
export async function openSource(dataDir: string, opts: { followSymlinks?: boolean } = {}): Promise<DatasetSource> {
  if (isBucketUrl(dataDir)) {
    let loc;
    try {
      loc = parseBucketUrl(dataDir);
    } catch (err) {
      throw new SourceOpenError(`Dataset: ${(err as Error).message}`);
    }
    const source = sourceFor({ kind: 's3', root: loc.url, bucket: loc.bucket, prefix: loc.prefix }) as S3Source;
    await source.probe();
    return source;
  }
  const abs = path.resolve(dataDir);
  const st = await fs.stat(abs).catch(() => null);
  if (st === null || !st.isDirectory()) throw new SourceOpenError(`Dataset: ${abs} is not a folder`);
  const confinedTo = opts.followSymlinks === true ? null : await fs.realpath(abs);
  return sourceFor({ kind: 'local', root: abs, confinedTo });
}
