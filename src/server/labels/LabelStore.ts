import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { S3Source } from '../dataset/S3Source.ts';
import { removeStaleTempLabels, writeLabelAtomic } from './writeLabelAtomic.ts';

/**
 * Where the server writes each frame's `label_2/ID.txt`, following the stored revision (the
 * database is the truth; a failed write leaves the frame dirty and `syncDirtyLabels` repairs it
 * on start, before an export and on a timer). A folder (`FolderLabelStore`) or a bucket prefix
 * (`BucketLabelStore`).
 */
export interface LabelStore {
  /** Where the labels go, for the user (`/data/label_2`, `s3://bucket/prefix/label_2`). */
  readonly where: string;
  /** The file or object of a frame, for messages. */
  describe(frameId: string): string;
  /** Writes `text` as the frame's label unless it already holds exactly that. @throws on failure */
  writeIfChanged(frameId: string, text: string): Promise<void>;
  /** Removes what a crashed writer left (temporary files); a no-op for a bucket. */
  cleanup(): Promise<void>;
}

/** Label files in a local folder, each replaced atomically (`writeLabelAtomic`). */
export class FolderLabelStore implements LabelStore {
  readonly where: string;

  constructor(dir: string) {
    this.where = dir;
  }

  describe(frameId: string): string {
    return path.join(this.where, `${frameId}.txt`);
  }

  async writeIfChanged(frameId: string, text: string): Promise<void> {
    const file = this.describe(frameId);
    const existing = await fs.readFile(file, 'utf8').catch(() => null);
    if (existing !== text) await writeLabelAtomic(file, text);
  }

  async cleanup(): Promise<void> {
    await removeStaleTempLabels(this.where);
  }
}

/**
 * Label objects `PREFIX/label_2/ID.txt` in the dataset's bucket. A PUT replaces an object whole
 * (readers see the old or the new text, never a mix), so there is no temporary object. The text
 * last written by this process is remembered by hash, so an unchanged label costs no request;
 * after a restart each dirty frame is written once.
 */
export class BucketLabelStore implements LabelStore {
  readonly where: string;
  private readonly source: S3Source;
  private readonly written = new Map<string, string>();

  constructor(source: S3Source) {
    this.source = source;
    this.where = source.ref('label_2');
  }

  describe(frameId: string): string {
    return this.source.ref(`label_2/${frameId}.txt`);
  }

  async writeIfChanged(frameId: string, text: string): Promise<void> {
    const hash = createHash('sha256').update(text).digest('hex');
    if (this.written.get(frameId) === hash) return;
    await this.source.write(`label_2/${frameId}.txt`, text, 'text/plain; charset=utf-8');
    this.written.set(frameId, hash);
  }

  async cleanup(): Promise<void> {}
}
