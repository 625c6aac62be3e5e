/**
 * The dataset's warnings (files the scan skipped, table rows left out, each naming the file, row or
 * field) as the commands print them: `serve` in its start-up block, `check` and `export` on stderr.
 */

/** One `warning  TEXT` line per warning, each after `prefix` (`serve`: two spaces; `check`, `export`: `cuboid CMD: `). */
export function formatDatasetWarnings(warnings: readonly string[], prefix: string): string {
  return warnings.map((w) => `${prefix}warning  ${w}\n`).join('');
}

/** Prints the dataset's warnings on stderr, one line each, as `cuboid COMMAND: warning  TEXT`. */
export function printDatasetWarnings(command: string, warnings: readonly string[]): void {
  if (warnings.length > 0) process.stderr.write(formatDatasetWarnings(warnings, `cuboid ${command}: `));
}
