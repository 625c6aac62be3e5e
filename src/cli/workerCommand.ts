import { runWorker } from '../server/jobs/runWorker.ts';
import { checkPostgresUrl, redactUrl } from '../server/storage/postgresConnection.ts';
import type { ExportTreeJobOutput } from '../server/jobs/JobRunner.ts';
import type { RegisterCommand } from './commands.ts';
import { runExport, type ExportCommandOptions } from './exportCommand.ts';
import { UsageError, reportCommandError } from './exitCodes.ts';

/** Parses `--concurrency N` (1..64). */
export function parseConcurrency(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 64) throw new UsageError(`--concurrency ${JSON.stringify(text)} must be a whole number from 1 to 64`);
  return n;
}

/**
 * `cuboid worker --db URL [--concurrency N]`: runs the background jobs (navigator check summaries,
 * submit gates of big frames, dashboard exports) that `cuboid serve --db URL` replicas queue,
 * until SIGINT or SIGTERM (running jobs finish first, up to 30 s). An unreachable database is one
 * line and exit 2.
 */
export const registerWorker: RegisterCommand = (program, setExitCode) => {
  program
    .command('worker')
    .description('run background jobs (checks, submit gates, exports) queued by `serve --db` replicas')
    .requiredOption('--db <url>', 'the team database, postgres://USER@HOST:PORT/DB')
    .option('--concurrency <n>', 'jobs of each kind at once (checks get as many threads); default the cores less one')
    .action(async (opts: { db: string; concurrency?: string }) => {
      try {
        checkPostgresUrl(opts.db);
        const concurrency = parseConcurrency(opts.concurrency);
        const worker = await runWorker({
          db: opts.db,
          ...(concurrency !== undefined ? { concurrency } : {}),
          log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
          // `cuboid export --job`: the command's own export, reading this worker's database.
          exportTree: async (input) => {
            const summary = await runExport(input.dataDir, { ...input.options, db: opts.db } as ExportCommandOptions);
            return { out: input.options.out, summary: summary as unknown as ExportTreeJobOutput['summary'] };
          },
        });
        process.stdout.write(
          `cuboid worker ${worker.id}: taking jobs from ${redactUrl(opts.db)}${concurrency !== undefined ? `, ${concurrency} of each kind at once` : ''}\n`,
        );
        const stop = (): void => {
          void worker.stop().finally(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        setExitCode(reportCommandError('worker', err, false));
      }
    });
};
