import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type GetObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { PassThrough, type Readable } from 'node:stream';
import { bucketClient, bucketEndpoint } from './s3Client.ts';
import { DatasetFileError } from './fileError.ts';
import { DatasetUnavailableError } from './sourceErrors.ts';
import type { DatasetSource, FolderList, ListOptions, ListedFile, OpenedFile, SourceSpec } from './DatasetSource.ts';

type S3Spec = Extract<SourceSpec, { kind: 's3' }>;

/** How long a folder listing of a bucket is trusted before the next request re-lists it (ms). */
export const BUCKET_RELIST_MS = 5_000;

/**
 * A dataset under a prefix of an S3-compatible bucket (`@aws-sdk/client-s3`, configured by the
 * AWS environment: see `bucketClient`). Refs are `s3://BUCKET/KEY` of keys a listing found. A
 * "folder" is a key prefix ending in `/`, listed one level deep (`Delimiter: '/'`); objects have
 * no links, so there is nothing to confine. Listings remember each object's size and ETag, so a
 * frame list needs no request per file, and are redone at most every `BUCKET_RELIST_MS`.
 *
 * Errors: a missing object is `DatasetFileError` `file_missing` naming it relative to the prefix;
 * a missing bucket, refused credentials or an endpoint that does not answer are
 * `DatasetUnavailableError` naming the bucket and the cause (503).
 */
export class S3Source implements DatasetSource {
  readonly spec: S3Spec;
  /** How long a listing is trusted (ms); `BUCKET_RELIST_MS` unless changed (0: re-list on every refresh, for tests). */
  relistMs = BUCKET_RELIST_MS;
  /** Keys per listing page (S3's most is 1,000; smaller in tests, to page). */
  pageSize = 1000;
  private stamps = 0;
  /** Each listed object's size and ETag, and when its folder was listed (ms). */
  private readonly listed = new Map<string, { size: number; etag: string; at: number }>();

  constructor(spec: S3Spec) {
    this.spec = spec;
  }

  ref(relPath: string): string {
    return `s3://${this.spec.bucket}/${this.spec.prefix}${relPath}`;
  }

  /** The key of a ref of this bucket. */
  key(ref: string): string {
    const head = `s3://${this.spec.bucket}/`;
    if (!ref.startsWith(head)) throw new Error(`S3Source: ${ref} is not in bucket ${this.spec.bucket}`);
    return ref.slice(head.length);
  }

  display(ref: string): string {
    const key = ref.startsWith(`s3://${this.spec.bucket}/`) ? this.key(ref) : ref;
    return key.startsWith(this.spec.prefix) ? key.slice(this.spec.prefix.length) : key.slice(key.lastIndexOf('/') + 1);
  }

  async isFolder(relDir: string): Promise<boolean> {
    const out = await this.call(() =>
      bucketClient().send(new ListObjectsV2Command({ Bucket: this.spec.bucket, Prefix: `${this.spec.prefix}${relDir}/`, MaxKeys: 1 })),
    );
    return (out.KeyCount ?? out.Contents?.length ?? 0) > 0;
  }

  /** A bucket has no cheap folder stamp: the stamp is the current `relistMs` period, so a listing is redone at most that often. */
  async folderStamp(_relDir: string): Promise<string> {
    return this.relistMs > 0 ? `t${Math.floor(Date.now() / this.relistMs)}` : `n${++this.stamps}`;
  }

  /**
   * Lists the objects directly under `PREFIX/relDir/` (paged, 1,000 keys a request). Objects
   * whose key ends in `/` (folder markers) are not files.
   * @throws DatasetUnavailableError when the bucket cannot be listed
   */
  async listFolder(relDir: string, opts: ListOptions): Promise<FolderList> {
    const stamp = await this.folderStamp(relDir);
    const dirPrefix = relDir === '' ? this.spec.prefix : `${this.spec.prefix}${relDir}/`;
    const files: ListedFile[] = [];
    const seen = new Set<string>();
    const at = Date.now();
    let token: string | undefined;
    do {
      const page = await this.call(() =>
        bucketClient().send(
          new ListObjectsV2Command({
            Bucket: this.spec.bucket,
            Prefix: dirPrefix,
            Delimiter: '/',
            MaxKeys: this.pageSize,
            ...(token !== undefined ? { ContinuationToken: token } : {}),
          }),
        ),
      );
      for (const obj of page.Contents ?? []) {
        if (obj.Key === undefined || obj.Key.endsWith('/')) continue;
        const name = obj.Key.slice(dirPrefix.length);
        if (!opts.accept(name)) continue;
        const ref = `s3://${this.spec.bucket}/${obj.Key}`;
        const size = obj.Size ?? 0;
        this.listed.set(ref, { size, etag: obj.ETag ?? '', at });
        seen.add(ref);
        files.push({ name, ref, bytes: size });
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    // An object gone from the folder is forgotten, so its readers ask the bucket (and hear it is missing).
    const folder = `s3://${this.spec.bucket}/${dirPrefix}`;
    for (const ref of this.listed.keys()) if (ref.startsWith(folder) && !ref.slice(folder.length).includes('/') && !seen.has(ref)) this.listed.delete(ref);
    return { stamp, files, warnings: [] };
  }

  async read(ref: string): Promise<Buffer> {
    const out = await this.get(ref);
    return Buffer.from(await (out.Body as NonNullable<GetObjectCommandOutput['Body']>).transformToByteArray());
  }

  async readPrefix(ref: string, length: number): Promise<Uint8Array> {
    if (length <= 0) return new Uint8Array(0);
    try {
      const out = await this.get(ref, `bytes=0-${length - 1}`);
      return await (out.Body as NonNullable<GetObjectCommandOutput['Body']>).transformToByteArray();
    } catch (err) {
      // An empty object has no byte 0.
      if ((err as { name?: string }).name === 'InvalidRange') return new Uint8Array(0);
      throw err;
    }
  }

  async signature(ref: string): Promise<string> {
    const hit = this.listed.get(ref);
    if (hit !== undefined) return `${ref}|${hit.size}|${hit.etag}`;
    try {
      const head = await this.head(ref);
      return `${ref}|${head.size}|${head.etag}`;
    } catch (err) {
      return `${ref}|error:${(err as Error).name}`;
    }
  }

  /** The size from a listing younger than `relistMs` (a frame list costs no request per object), else a HEAD. */
  async size(ref: string): Promise<number> {
    const hit = this.listed.get(ref);
    if (hit !== undefined && Date.now() - hit.at < this.relistMs) return hit.size;
    return (await this.head(ref)).size;
  }

  /**
   * One GET of the whole object: its size, ETag and body. Streaming the whole object uses that
   * body; a range drops it and asks for the range with `If-Match` on the ETag, so the bytes come
   * from the version whose size was announced. With `ranged` a HEAD takes the size and ETag
   * instead, and only the range is fetched.
   */
  async open(ref: string, opts: { ranged?: boolean } = {}): Promise<OpenedFile> {
    if (opts.ranged === true) return this.openRanged(ref);
    const out = await this.get(ref);
    const body = out.Body as unknown as Readable;
    const size = out.ContentLength ?? 0;
    const etag = out.ETag ?? `"${size.toString(16)}"`;
    let used = false;
    return {
      size,
      etag,
      lastModified: out.LastModified ?? null,
      stream: (start, end) => {
        used = true;
        if (start === 0 && end >= size - 1) return body;
        body.destroy();
        const pass = new PassThrough();
        this.get(ref, `bytes=${start}-${end}`, etag).then(
          (ranged) => (ranged.Body as unknown as Readable).on('error', (e) => pass.destroy(e)).pipe(pass),
          (err: unknown) => pass.destroy(err as Error),
        );
        return pass;
      },
      close: async () => {
        if (!used) body.destroy();
      },
    };
  }

  private async openRanged(ref: string): Promise<OpenedFile> {
    const out = await this.call(() => bucketClient().send(new HeadObjectCommand({ Bucket: this.spec.bucket, Key: this.key(ref) })), ref);
    const size = out.ContentLength ?? 0;
    const etag = out.ETag ?? `"${size.toString(16)}"`;
    return {
      size,
      etag,
      lastModified: out.LastModified ?? null,
      stream: (start, end) => {
        const pass = new PassThrough();
        this.get(ref, `bytes=${start}-${end}`, etag).then(
          (ranged) => (ranged.Body as unknown as Readable).on('error', (e) => pass.destroy(e)).pipe(pass),
          (err: unknown) => pass.destroy(err as Error),
        );
        return pass;
      },
      close: async () => {},
    };
  }

  /**
   * Stores `data` at `relPath` under the prefix (a label file, an export file).
   * @throws DatasetUnavailableError naming the bucket and the cause
   */
  async write(relPath: string, data: string | Uint8Array, contentType = 'application/octet-stream'): Promise<void> {
    await this.call(() =>
      bucketClient().send(
        new PutObjectCommand({
          Bucket: this.spec.bucket,
          Key: `${this.spec.prefix}${relPath}`,
          Body: typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
          ContentType: contentType,
        }),
      ),
    );
  }

  /** The object's text at `relPath`, or null when there is none. */
  async readText(relPath: string): Promise<string | null> {
    try {
      return (await this.read(this.ref(relPath))).toString('utf8');
    } catch (err) {
      if (err instanceof DatasetFileError && err.code === 'file_missing') return null;
      throw err;
    }
  }

  /** Checks the bucket can be listed (at start): @throws DatasetUnavailableError with the cause. */
  async probe(): Promise<void> {
    await this.call(() => bucketClient().send(new ListObjectsV2Command({ Bucket: this.spec.bucket, Prefix: this.spec.prefix, MaxKeys: 1 })));
  }

  private async head(ref: string): Promise<{ size: number; etag: string }> {
    const out = await this.call(() => bucketClient().send(new HeadObjectCommand({ Bucket: this.spec.bucket, Key: this.key(ref) })), ref);
    return { size: out.ContentLength ?? 0, etag: out.ETag ?? '' };
  }

  private get(ref: string, range?: string, ifMatch?: string): Promise<GetObjectCommandOutput> {
    return this.call(
      () =>
        bucketClient().send(
          new GetObjectCommand({
            Bucket: this.spec.bucket,
            Key: this.key(ref),
            ...(range !== undefined ? { Range: range } : {}),
            ...(ifMatch !== undefined ? { IfMatch: ifMatch } : {}),
          }),
        ),
      ref,
    );
  }

  /** Runs one request, turning its failure into a `DatasetFileError` (the object) or `DatasetUnavailableError` (the bucket). */
  private async call<T>(send: () => Promise<T>, ref?: string): Promise<T> {
    try {
      return await send();
    } catch (err) {
      throw await this.failure(err, ref);
    }
  }

  private async failure(err: unknown, ref: string | undefined): Promise<Error> {
    const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
    const name = e.name ?? 'Error';
    if (name === 'InvalidRange' || name === 'PreconditionFailed') return err as Error;
    const status = e.$metadata?.httpStatusCode;
    if (ref !== undefined && (name === 'NoSuchKey' || (name === 'NotFound' && status === 404))) {
      // A HEAD has no body: a 404 may mean the bucket is gone. Ask the bucket.
      if (name === 'NotFound' && !(await this.bucketExists())) return this.unavailable('NoSuchBucket', 'the bucket does not exist');
      return new DatasetFileError('file_missing', this.display(ref), 'missing (deleted since the dataset was listed)');
    }
    return this.unavailable(name === 'Error' && e.code !== undefined ? e.code : name, describe(e));
  }

  private async bucketExists(): Promise<boolean> {
    try {
      await bucketClient().send(new HeadBucketCommand({ Bucket: this.spec.bucket }));
      return true;
    } catch (err) {
      return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404;
    }
  }

  private unavailable(name: string, text: string): DatasetUnavailableError {
    return new DatasetUnavailableError(this.spec.root, `${name}: ${text} (endpoint ${bucketEndpoint()})`);
  }
}

/** The words of an SDK or network failure (`connect ECONNREFUSED 127.0.0.1:9`, `The specified bucket does not exist`). */
function describe(e: { message?: string; code?: string }): string {
  const text = (e.message ?? '').split('\n')[0].trim();
  if (text !== '' && text !== 'UnknownError') return text;
  return e.code ?? 'no answer';
}
