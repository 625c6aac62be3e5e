import fs from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './exitCodes.ts';

/**
 * A warning when `--state DIR` holds nothing `serve --state` saved (no folder, or no `cuboid.db`
 * and no `label_2`): the export or check then reads the dataset's own labels, and a mistyped path would
 * quietly leave out every edit saved under the right one. Null when it holds them. A new folder
 * is allowed (a read-only dataset is exported from its shipped labels that way), not silent.
 * @throws UsageError when DIR is a file
 */
export async function stateDirWarning(dir: string, command: 'export' | 'check'): Promise<string | null> {
  const abs = path.resolve(dir);
  const stat = await fs.stat(abs).catch(() => null);
  if (stat !== null && !stat.isDirectory()) throw new UsageError(`--state ${abs}: not a folder`);
  const held =
    stat === null
      ? []
      : await Promise.all(
          ['cuboid.db', 'label_2'].map((n) =>
            fs.stat(path.join(abs, n)).then(
              () => true,
              () => false,
            ),
          ),
        );
  if (held.some(Boolean)) return null;
  return (
    `--state ${abs} ${stat === null ? 'does not exist' : 'holds no cuboid.db and no label_2'}: the labels come from the dataset's own label_2, ` +
    `and nothing saved with serve --state elsewhere is in this ${command}`
  );
}
