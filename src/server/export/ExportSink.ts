import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { SourceSpec } from '../dataset/DatasetSource.ts';
import { openFrameStream } from '../dataset/frameFiles.ts';

/** A dataset file to copy into an export: its ref, read through its frame's source. */
export interface SourceFile {
  source: SourceSpec;
  ref: string;
}

/**
 * Where an export goes: a folder (`cuboid export`), a zip stream (`GET /api/export.zip`) or a
 * bucket prefix (`cuboid export --out s3://BUCKET/PREFIX`, `BucketSink`).
 */
export interface ExportSink {
  /** Writes `data` at `relPath` (forward slashes, relative to the export root). */
  writeFile(relPath: string, data: string | Uint8Array): Promise<void>;
  /** Copies a dataset file (found by the dataset scan; read through its source, confined there) to `relPath`, byte for byte. */
  copyFile(relPath: string, from: SourceFile): Promise<void>;
  /** Finishes the export (the zip's central directory). */
  close(): Promise<void>;
}

/** An `ExportSink` writing into a folder, creating sub-folders as needed. */
export class DirectorySink implements ExportSink {
  readonly root: string;
  private readonly made = new Set<string>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async writeFile(relPath: string, data: string | Uint8Array): Promise<void> {
    await fs.writeFile(await this.target(relPath), data);
  }

  async copyFile(relPath: string, from: SourceFile): Promise<void> {
    const target = await this.target(relPath);
    await pipeline(await openFrameStream(from, from.ref), createWriteStream(target));
  }

  async close(): Promise<void> {}

  private async target(relPath: string): Promise<string> {
    const full = path.join(this.root, ...relPath.split('/'));
    const dir = path.dirname(full);
    if (!this.made.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    return full;
  }
}
