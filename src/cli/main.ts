import { Command, CommanderError } from 'commander';
import { cuboidVersion } from '../server/cuboidVersion.ts';
import { commands } from './commands.ts';
import { EXIT_USAGE, exitCodeFor, type JsonError } from './exitCodes.ts';

/**
 * Runs the `cuboid` command line with the given arguments (without `node` and the script).
 * Returns the process exit code (0 ok, 1 problems in the data, 2 usage or I/O error: see
 * `exitCodes.ts`); every command is registered in `commands.ts`. With `--json` anywhere in the
 * arguments, a usage error is printed as JSON on stdout like every other error.
 */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  let usageText = '';
  const program = new Command('cuboid')
    .description('Cuboid: LiDAR point-cloud annotation with built-in quality checks')
    .version(cuboidVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => {
        if (json) usageText += s;
        else process.stderr.write(s);
      },
    });
  let exitCode = 0;
  for (const register of commands) {
    register(program, (code) => {
      exitCode = code;
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      const code = exitCodeFor(err);
      if (json && code !== 0) writeJsonError(argv.find((a) => !a.startsWith('-')) ?? '', usageText.trim().replace(/^error: /, '') || err.message, code);
      return code;
    }
    // Commands catch their own errors; this is a bug or an error outside any command.
    const message = err instanceof Error ? err.message : String(err);
    if (json) writeJsonError('', message, EXIT_USAGE);
    else process.stderr.write(`cuboid: ${message}\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}

function writeJsonError(command: string, message: string, exitCode: number): void {
  const body: JsonError = { error: { command, message, exitCode } };
  process.stdout.write(`${JSON.stringify(body)}\n`);
}
