import type { DatasetSource, ListedFile } from './DatasetSource.ts';
import { isValidFrameId } from './frameId.ts';

const IMAGE_NAME = /\.(png|jpe?g)$/i;

interface Listed {
  stamp: string;
  files: Map<string, ListedFile>;
  warnings: string[];
}

/**
 * The image files of camera folders (`image_0/`, `image_03/0004/`), listed through the dataset's
 * source on first use and listed again when the folder's stamp changes, keyed by file stem. The
 * only source of camera image refs outside a sequence scan: a request names a camera, never a path.
 */
export class CameraFolders {
  private readonly listed = new Map<string, Promise<Listed>>();

  constructor(private readonly source: DatasetSource) {}

  /** The image of stem `stem` in `dir` (relative to the dataset), or undefined; with the warnings of the folder's listing. */
  async find(dir: string, stem: string): Promise<ListedFile | undefined> {
    return (await this.folder(dir)).files.get(stem);
  }

  private async folder(dir: string): Promise<Listed> {
    const stamp = await this.source.folderStamp(dir);
    const cached = this.listed.get(dir);
    if (cached !== undefined) {
      const done = await cached.catch(() => null);
      if (done !== null && done.stamp === stamp) return done;
    }
    const next = this.list(dir);
    this.listed.set(dir, next);
    next.catch(() => this.listed.delete(dir));
    return next;
  }

  private async list(dir: string): Promise<Listed> {
    const accept = (name: string) => IMAGE_NAME.test(name) && isValidFrameId(name.replace(IMAGE_NAME, ''));
    const out = await this.source.listFolder(dir, { accept, needSize: false });
    const files = new Map<string, ListedFile>();
    // PNG first (KITTI), then JPEG: the first of a shared stem wins.
    for (const f of [...out.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const stem = f.name.replace(IMAGE_NAME, '');
      if (!files.has(stem)) files.set(stem, f);
    }
    return { stamp: out.stamp, files, warnings: out.warnings };
  }
}
