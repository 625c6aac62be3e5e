import { Command, CommanderError } from 'commander';
import { commands } from './commands.ts';

/**
 * Runs the `cuboid` command line with the given arguments (without `node` and the script).
 * Returns the process exit code; every command is registered in `commands.ts`.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('cuboid')
    .description('Cuboid: LiDAR point-cloud annotation with built-in quality checks')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
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
      return err.exitCode;
    }
    process.stderr.write(`cuboid: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  return exitCode;
}
