import { migratePostgres, type MigrationReport } from '../server/storage/migratePostgres.ts';
import { assertReachable, checkPostgresUrl, createPool, redactUrl } from '../server/storage/postgresConnection.ts';
import { POSTGRES_MIGRATIONS } from '../server/storage/postgresMigrations.ts';
import type { RegisterCommand } from './commands.ts';
import { reportCommandError } from './exitCodes.ts';

/**
 * Applies the pending schema migrations of a PostgreSQL database (what `serve --db` also does on
 * start), e.g. before rolling out a new release to replicas one by one.
 * @throws StorageOpenError for a bad URL, an unreachable database or a schema from a newer Cuboid
 */
export async function migrateDatabase(url: string): Promise<MigrationReport> {
  checkPostgresUrl(url);
  const pool = createPool(url, { max: 1 });
  try {
    await assertReachable(pool, url);
    return await migratePostgres(pool, url, POSTGRES_MIGRATIONS);
  } finally {
    await pool.end();
  }
}

/** `cuboid db migrate --db URL`: brings a PostgreSQL database to this release's schema. */
export const registerDb: RegisterCommand = (program, setExitCode) => {
  const db = program.command('db').description("manage a team's PostgreSQL database");
  db.command('migrate')
    .description('apply pending schema migrations (serve --db does this on start)')
    .requiredOption('--db <url>', 'the database, postgres://USER@HOST:PORT/DB')
    .action(async (opts: { db: string }) => {
      try {
        const report = await migrateDatabase(opts.db);
        const names = new Map(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name]));
        process.stdout.write(
          `${redactUrl(opts.db)}: schema version ${report.versions.at(-1) ?? 0}` +
            (report.applied.length === 0 ? ', up to date\n' : `\n${report.applied.map((v) => `  applied ${v}: ${names.get(v) ?? ''}\n`).join('')}`),
        );
      } catch (err) {
        setExitCode(reportCommandError('db migrate', err, false));
      }
    });
};
