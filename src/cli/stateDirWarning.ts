import fs from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './exitCodes.ts';

/**
 * A warning when the folder `--state DIR` holds nothing `serve --state` saved (no `cuboid.db` and
 * no `label_2`): the export or check then reads the dataset's own labels. Null when it holds them.
 * An empty folder is allowed (a read-only dataset is exported from its shipped labels that way),
 * not silent.
 * @throws UsageError when DIR does not exist (a mistyped path would quietly leave out every edit
 * saved under the right one) or is a file
 */
export async function stateDirWarning(dir: string, command: 'export' | 'check'): Promise<string | null> {
  const abs = path.resolve(dir);
  const stat = await fs.stat(abs).catch(() => null);
  if (stat !== null && !stat.isDirectory()) throw new UsageError(`--state ${abs}: not a folder`);
  // A folder that is not there is a mistyped path, never a choice: every saved edit would be left out.
  if (stat === null)
    throw new UsageError(
      `--state ${abs} does not exist: give the folder serve --state used (it holds cuboid.db), or leave --state out for the dataset's own labels`,
    );
  const held = await Promise.all(
    ['cuboid.db', 'label_2'].map((n) =>
      fs.stat(path.join(abs, n)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (held.some(Boolean)) return null;
  return (
    `--state ${abs} holds no cuboid.db and no label_2: the labels come from the dataset's own label_2, ` +
    `and nothing saved with serve --state elsewhere is in this ${command}`
  );
}
