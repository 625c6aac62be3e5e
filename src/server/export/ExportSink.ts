import fs from 'node:fs/promises';
import path from 'node:path';

/** Where an export goes: a folder (`cuboid export`) or a zip stream (`GET /api/export.zip`). */
export interface ExportSink {
  /** Writes `data` at `relPath` (forward slashes, relative to the export root). */
  writeFile(relPath: string, data: string | Uint8Array): Promise<void>;
  /** Copies the file at `srcPath` (found by the dataset scan) to `relPath`, byte for byte. */
  copyFile(relPath: string, srcPath: string): Promise<void>;
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

  async copyFile(relPath: string, srcPath: string): Promise<void> {
    await fs.copyFile(srcPath, await this.target(relPath));
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
