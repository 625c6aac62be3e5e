import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `filePath` with `text` so that a reader sees either the old or the new content, never a
 * mix, even if the process dies midway: the text goes to a temporary file in the same directory,
 * which is fsynced, renamed over the target (atomic on POSIX), and then the directory is fsynced so
 * the rename itself is durable. The directory is created if missing. On failure the temporary file
 * is removed and the error rethrown; the old file is untouched.
 */
export async function writeLabelAtomic(filePath: string, text: string): Promise<void> {
  const dir = path.dirname(filePath);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', 0o644);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, filePath);
  } catch (err) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/** fsyncs a directory so that a rename inside it survives a crash (a no-op where unsupported). */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Removes temporary files that a killed writer may have left in `dir` (older than `minAgeMs`). */
export async function removeStaleTempLabels(dir: string, minAgeMs = 0): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  const now = Date.now();
  for (const name of names) {
    if (!/^\..+\.\d+\.[0-9a-f]{12}\.tmp$/.test(name)) continue;
    const full = path.join(dir, name);
    try {
      const st = await fs.stat(full);
      if (minAgeMs > 0 && now - st.mtimeMs < minAgeMs) continue;
      await fs.rm(full, { force: true });
      removed++;
    } catch {
      // Already gone.
    }
  }
  return removed;
}
