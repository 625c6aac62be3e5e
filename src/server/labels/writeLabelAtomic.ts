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

/** Temporary label files are `.NAME.PID.HEX.tmp` (see `writeLabelAtomic`). */
const TEMP_LABEL = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** A temporary file older than this is stale whoever wrote it (no write takes an hour; PIDs get reused). */
export const TEMP_LABEL_MAX_AGE_MS = 3_600_000;

/** Whether a process with this id runs now (EPERM: it does, as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a crashed writer left in `dir` (`.ID.txt.PID.HEX.tmp`): those whose
 * writing process is gone, those of this process's id written before it started (a restarted
 * container often gets the same id), and any older than `maxAgeMs`. A file of another live
 * process is left alone (it may be mid-write). Returns how many were removed.
 */
export async function removeStaleTempLabels(dir: string, opts: { maxAgeMs?: number; now?: number } = {}): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  const now = opts.now ?? Date.now();
  const maxAge = opts.maxAgeMs ?? TEMP_LABEL_MAX_AGE_MS;
  const startedAt = now - process.uptime() * 1000;
  for (const name of names) {
    const m = TEMP_LABEL.exec(name);
    if (m === null) continue;
    const pid = Number(m[1]);
    const full = path.join(dir, name);
    try {
      const st = await fs.stat(full);
      const writerGone = pid === process.pid ? st.mtimeMs < startedAt : !processAlive(pid);
      if (!writerGone && now - st.mtimeMs <= maxAge) continue;
      await fs.rm(full, { force: true });
      removed++;
    } catch {
      // Already gone.
    }
  }
  return removed;
}
