import type { S3Source } from '../dataset/S3Source.ts';
import { readFrameFile } from '../dataset/frameFiles.ts';
import type { ExportSink, SourceFile } from './ExportSink.ts';

/**
 * An `ExportSink` writing objects under a bucket prefix (`cuboid export --out s3://BUCKET/PREFIX`),
 * one PUT per file. A file to copy is read whole first (a point file is a few MiB; a PUT of a
 * buffer needs no chunked upload, which some S3-compatible servers store framed). A bucket has no
 * rename, so the export is not moved into place: `exportDataset` writes the manifest
 * `cuboid_export.json` last, and its presence marks a complete export.
 */
export class BucketSink implements ExportSink {
  private readonly target: S3Source;

  constructor(target: S3Source) {
    this.target = target;
  }

  async writeFile(relPath: string, data: string | Uint8Array): Promise<void> {
    await this.target.write(relPath, data, typeof data === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream');
  }

  async copyFile(relPath: string, from: SourceFile): Promise<void> {
    await this.target.write(relPath, await readFrameFile(from, from.ref));
  }

  async close(): Promise<void> {}
}
