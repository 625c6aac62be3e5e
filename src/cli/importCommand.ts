import path from 'node:path';
import { importLabels, type ImportSummary } from '../server/import/importLabels.ts';
import { importLabelFormat } from '../server/import/formats/importLabelFormat.ts';
import { IMPORT_FORMATS, isImportFormat } from '../domain/formats/LabelFormats.ts';
import { openWorkspace } from '../server/openWorkspace.ts';
import type { RegisterCommand } from './commands.ts';
import { UsageError, reportCommandError } from './exitCodes.ts';

export interface ImportCommandOptions {
  labels: string;
  minScore?: string;
  append?: boolean;
  state?: string;
  user?: string;
  /** A PostgreSQL database (`--db`) instead of the state folder's SQLite file. */
  db?: string;
  /** `--format`: `kitti` (default) or another of `IMPORT_FORMATS`. */
  format?: string;
}

/** Runs `cuboid import` without the command-line parsing. */
export async function runImport(dir: string, opts: ImportCommandOptions): Promise<ImportSummary> {
  let minScore: number | undefined;
  if (opts.minScore !== undefined) {
    minScore = Number(opts.minScore);
    if (opts.minScore.trim() === '' || !Number.isFinite(minScore)) {
      throw new UsageError(`--min-score ${JSON.stringify(opts.minScore)} is not a number`);
    }
  }
  const format = opts.format ?? 'kitti';
  if (!isImportFormat(format)) throw new UsageError(`--format ${JSON.stringify(format)} must be one of ${IMPORT_FORMATS.join(', ')}`);
  const ws = await openWorkspace({
    dataDir: dir,
    ...(opts.state !== undefined ? { stateDir: opts.state } : {}),
    ...(opts.db !== undefined ? { db: opts.db } : {}),
  });
  try {
    const importOpts = {
      ...(minScore !== undefined ? { minScore } : {}),
      mode: opts.append === true ? ('append' as const) : ('replace' as const),
      actor: opts.user ?? 'cli',
    };
    return format === 'kitti'
      ? await importLabels(ws.service, path.resolve(opts.labels), importOpts)
      : await importLabelFormat(ws.service, path.resolve(opts.labels), format, importOpts);
  } finally {
    await ws.close();
  }
}

/** `cuboid import DIR --labels LABELDIR [--min-score S] [--append] [--state DIR]`: model pre-labels. */
export const registerImport: RegisterCommand = (program, setExitCode) => {
  program
    .command('import')
    .description('import labels as editable pre-labels: KITTI label_2 files by default (e.g. model predictions with a score column), or another --format')
    .argument('[dir]', 'the dataset folder, or s3://BUCKET/PREFIX (endpoint and credentials from the AWS SDK environment)', 'samples')
    .requiredOption('--labels <path>', 'the labels: a folder of ID.txt KITTI files, or the export / file of --format')
    .option('--format <format>', `label format: ${IMPORT_FORMATS.join(', ')} (default kitti)`)
    .option('--min-score <s>', 'skip objects whose score is below this')
    .option('--append', "add the boxes to the frame's boxes instead of replacing them")
    .option('--state <dir>', 'folder of the database and label files (as given to serve)')
    .option('--db <url>', 'the PostgreSQL database given to serve --db (postgres://USER@HOST:PORT/DB)')
    .action(async (dir: string, opts: ImportCommandOptions) => {
      try {
        const s = await runImport(dir, opts);
        const boxes = s.imported.reduce((n, f) => n + f.boxes, 0);
        const below = s.imported.reduce((n, f) => n + f.belowScore, 0);
        process.stdout.write(
          `imported ${boxes} boxes into ${s.imported.length} frames` +
            (below > 0 ? ` (${below} below --min-score skipped)` : '') +
            '\n' +
            (s.unknownFrames.length > 0
              ? `  ${s.unknownFrames.length} files name no frame of the dataset: ${s.unknownFrames.slice(0, 5).join(', ')}${s.unknownFrames.length > 5 ? ', ...' : ''}\n`
              : '') +
            s.errors.map((e) => `  error ${e.error}\n`).join(''),
        );
        if (s.errors.length > 0) setExitCode(1);
      } catch (err) {
        setExitCode(reportCommandError('import', err, false));
      }
    });
};
