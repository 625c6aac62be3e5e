import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Stats } from 'node:fs';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import type { OpenedFile } from '../dataset/DatasetSource.ts';
import { fsErrorReason, toDatasetFileError } from '../dataset/fileError.ts';
import { sourceFor } from '../dataset/sources.ts';
import { HttpError } from './HttpError.ts';
import { parseRange } from './parseRange.ts';

export interface SendFileOptions {
  contentType: string;
  /** Honour `Range` (206 / 416). Default false. */
  ranges?: boolean;
  cacheControl?: string;
  headers?: Record<string, string>;
  /**
   * The dataset folder the file belongs to: a failed open is then a `DatasetFileError` naming the
   * file relative to it (422). Without it (the app's own files) a failed open is 404.
   */
  root?: string;
}

/**
 * Streams a file of the app's own (`dist/`) the server found itself (never a path from the
 * request); see `sendOpened`. A failed open is 404, or with `root` a `DatasetFileError` (422).
 */
export async function sendFile(request: FastifyRequest, reply: FastifyReply, filePath: string, opts: SendFileOptions): Promise<FastifyReply> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch (err) {
    if (opts.root !== undefined) throw toDatasetFileError(err, opts.root) ?? err;
    throw new HttpError(404, 'file_missing', `${path.basename(filePath)}: ${fsErrorReason((err as NodeJS.ErrnoException).code)}`);
  }
  let st: Stats;
  try {
    st = await handle.stat();
  } catch (err) {
    await handle.close();
    throw err;
  }
  const opened: OpenedFile = {
    size: st.size,
    etag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`,
    lastModified: st.mtime,
    stream: (start, end) => handle.createReadStream({ start, end, autoClose: true }),
    close: () => handle.close(),
  };
  return sendOpened(request, reply, opened, opts);
}

/**
 * Streams one of a frame's files through its source (a local folder, confined; a bucket, proxied:
 * the bytes pass through the server, see the README's "Running for a team").
 * @throws DatasetFileError (422) for a missing or unreadable file; DatasetUnavailableError (503)
 */
export async function sendDatasetFile(
  request: FastifyRequest,
  reply: FastifyReply,
  frame: Pick<DatasetFrame, 'source'>,
  ref: string,
  opts: Omit<SendFileOptions, 'root'>,
): Promise<FastifyReply> {
  const ranged = opts.ranges === true && request.headers.range !== undefined;
  return sendOpened(request, reply, await sourceFor(frame.source).open(ref, { ranged }), opts);
}

/**
 * Sends an opened file: its size and ETag were fixed by the open, so `Content-Length` matches
 * what is sent even if the file is replaced meanwhile. With `ranges`, one `bytes=` range gives
 * 206 with `Content-Range`, an unsatisfiable one 416 with `Content-Range: bytes *\/size`, and an
 * `If-Range` that no longer matches the ETag gives the whole file.
 */
async function sendOpened(request: FastifyRequest, reply: FastifyReply, file: OpenedFile, opts: SendFileOptions): Promise<FastifyReply> {
  const { size, etag } = file;
  reply.header('Content-Type', opts.contentType);
  reply.header('ETag', etag);
  if (file.lastModified !== null) reply.header('Last-Modified', file.lastModified.toUTCString());
  reply.header('Cache-Control', opts.cacheControl ?? 'no-cache');
  for (const [k, v] of Object.entries(opts.headers ?? {})) reply.header(k, v);
  let start = 0;
  let end = size - 1;
  if (opts.ranges === true) {
    reply.header('Accept-Ranges', 'bytes');
    const ifRange = request.headers['if-range'];
    const rangeHeader = ifRange === undefined || ifRange === etag ? request.headers.range : undefined;
    const range = parseRange(rangeHeader, size);
    if (range.kind === 'unsatisfiable') {
      await file.close();
      reply.header('Content-Range', `bytes */${size}`);
      return reply
        .code(416)
        .type('application/json; charset=utf-8')
        .send({
          error: 'range_not_satisfiable',
          detail: `cannot serve range ${JSON.stringify(String(request.headers.range).slice(0, 80))} of a ${size}-byte file`,
        });
    }
    if (range.kind === 'partial') {
      start = range.start;
      end = range.end;
      reply.code(206);
      reply.header('Content-Range', `bytes ${start}-${end}/${size}`);
    }
  }
  const length = size === 0 ? 0 : end - start + 1;
  reply.header('Content-Length', String(length));
  if (request.method === 'HEAD' || length === 0) {
    await file.close();
    // An empty stream, not '': Fastify's HEAD handling recomputes Content-Length for strings only.
    return reply.send(Readable.from([]));
  }
  return reply.send(file.stream(start, end));
}
