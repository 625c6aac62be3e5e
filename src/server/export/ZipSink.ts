import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { openFrameStream } from '../dataset/frameFiles.ts';
import type { ExportSink, SourceFile } from './ExportSink.ts';

/**
 * An `ExportSink` that streams a zip archive (fflate) into `stream`: text is deflated, binary
 * files are stored as they are. Writes wait for the stream to drain, so a slow download does not
 * buffer the whole dataset in memory; a closed connection aborts the export.
 */
export class ZipSink implements ExportSink {
  readonly stream = new PassThrough();
  private readonly zip: Zip;
  private failed: Error | null = null;

  constructor() {
    this.zip = new Zip((err, chunk, final) => {
      if (err !== null) {
        this.failed = err;
        this.stream.destroy(err);
        return;
      }
      if (!this.stream.destroyed) this.stream.write(chunk);
      if (final) this.stream.end();
    });
  }

  async writeFile(relPath: string, data: string | Uint8Array): Promise<void> {
    this.check();
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const entry = typeof data === 'string' ? new ZipDeflate(relPath, { level: 6 }) : new ZipPassThrough(relPath);
    this.zip.add(entry);
    entry.push(bytes, true);
    await this.drain();
  }

  async copyFile(relPath: string, from: SourceFile): Promise<void> {
    this.check();
    const input = await openFrameStream(from, from.ref);
    const entry = new ZipPassThrough(relPath);
    this.zip.add(entry);
    for await (const chunk of input) {
      this.check();
      entry.push(chunk as Buffer);
      await this.drain();
    }
    entry.push(new Uint8Array(0), true);
    await this.drain();
  }

  async close(): Promise<void> {
    this.check();
    this.zip.end();
  }

  /** Stops the archive (on an export error): the download ends with an error, not a truncated zip that looks whole. */
  abort(err: Error): void {
    this.failed = err;
    this.zip.terminate();
    this.stream.destroy(err);
  }

  private check(): void {
    if (this.failed !== null) throw this.failed;
    if (this.stream.destroyed) throw new Error('ZipSink: the download was closed');
  }

  private async drain(): Promise<void> {
    if (this.stream.writableNeedDrain && !this.stream.destroyed) {
      // The listener of the event that did not come is removed (it would pile up, one per wait, on a slow reader).
      const done = new AbortController();
      try {
        await Promise.race([once(this.stream, 'drain', { signal: done.signal }), once(this.stream, 'close', { signal: done.signal })]);
      } finally {
        done.abort();
      }
    }
  }
}
