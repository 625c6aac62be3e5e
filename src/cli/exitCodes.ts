import { CommanderError } from 'commander';

/**
 * The exit codes of every `cuboid` command (README "Exit codes"):
 * 0 the command did its work and the data is fine (warnings allowed);
 * 1 the command ran and found problems in the data (check errors, a broken point file, frames an
 *   export or check had to skip, label files an import could not read);
 * 2 the command could not run or did not finish: a usage error (bad option or argument), an I/O
 *   error (a missing or unreadable folder, a read-only state folder, a port in use), or `--strict`
 *   stopping at the first frame it could not use.
 */
export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

/** A bad option or argument: exit 2, the message names the option. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Error classes (by name) that mean the command could not run or finish, whatever their message. */
const CANNOT_RUN = new Set([
  'UsageError',
  'WorkspaceError',
  'ServeError',
  'DatasetError',
  'DatasetSettingsError',
  'ExportFrameError',
  'StorageOpenError',
  'DatasetUnavailableError',
  'ExportJobError',
]);

/** The exit code for an error that stopped a command: 2 for usage and I/O errors, else 1 (bad data). */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  if (err instanceof Error && CANNOT_RUN.has(err.name)) return EXIT_USAGE;
  if (isSystemError(err)) return EXIT_USAGE;
  return EXIT_DATA;
}

/** A Node system error (ENOENT, EACCES, EISDIR, ...) from the file system or the network. */
function isSystemError(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException | null;
  return e instanceof Error && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.syscall === 'string';
}

/** The JSON printed on stdout under `--json` when a command fails. */
export interface JsonError {
  error: { command: string; message: string; exitCode: number };
}

/**
 * Prints a command's error, as `cuboid CMD: message` on stderr, or under `--json` as one
 * `JsonError` object on stdout (so a script reading stdout always gets JSON); returns the exit code
 * (`exitCodeFor(err)` unless the command decides it).
 */
export function reportCommandError(command: string, err: unknown, json: boolean, exitCode: number = exitCodeFor(err)): number {
  const message = err instanceof Error ? err.message : String(err);
  if (json) {
    const body: JsonError = { error: { command, message, exitCode } };
    process.stdout.write(`${JSON.stringify(body)}\n`);
  } else {
    process.stderr.write(`cuboid ${command}: ${message}\n`);
  }
  return exitCode;
}
