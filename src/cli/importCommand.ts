import fs from 'node:fs/promises';
import path from 'node:path';
import { importLabels, type ImportSummary } from '../server/import/importLabels.ts';
import { importLabelFormat } from '../server/import/formats/importLabelFormat.ts';
import { IMPORT_FORMATS, isImportFormat } from '../domain/formats/LabelFormats.ts';
import { openWorkspace } from '../server/openWorkspace.ts';
import type { RegisterCommand } from './commands.ts';
import { UsageError, reportCommandError } from './exitCodes.ts';
import { homeStateHint, stateOption } from './homeState.ts';
import { plural } from '../domain/checks/formatNumber.ts';

export interface ImportCommandOptions {
  labels: string;
  minScore?: string;
  append?: boolean;
  state?: string;
  /** `--home-state`: the state folder `serve --home-state` (npm start) keeps for the dataset. */
  homeState?: boolean;
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
  // Before the workspace opens (which may create its database): a mistyped path is a usage error.
  const labels = await fs.stat(path.resolve(opts.labels)).catch(() => null);
  if (labels === null) throw new UsageError(`--labels ${opts.labels}: no such file or folder`);
  if (format === 'kitti' && !labels.isDirectory()) {
    throw new UsageError(`--labels ${opts.labels} is a file: --format kitti reads a folder of ID.txt label files (or a KITTI tree holding training/label_2)`);
  }
  const state = stateOption(dir, opts);
  const ws = await openWorkspace({
    dataDir: dir,
    ...(state !== undefined ? { stateDir: state } : {}),
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
    .option('--home-state', 'the database serve --home-state (npm start) keeps for this dataset in ~/.cuboid/state')
    .option('--db <url>', 'the PostgreSQL database given to serve --db (postgres://USER@HOST:PORT/DB)')
    .action(async (dir: string, opts: ImportCommandOptions) => {
      try {
        const hint = await homeStateHint(dir, 'import', opts);
        if (hint !== null) process.stderr.write(`cuboid import: warning  ${hint}\n`);
        const s = await runImport(dir, opts);
        process.stdout.write(formatImportSummary(s));
        // Nothing imported (no file named a frame, or none read) is a data problem too, not a silent 0.
        if (s.errors.length > 0 || s.imported.length === 0) setExitCode(1);
      } catch (err) {
        setExitCode(reportCommandError('import', err, false));
      }
    });
};

/** The report of `cuboid import`: boxes and frames, files that name no frame, errors; why nothing was imported. */
export function formatImportSummary(s: ImportSummary): string {
  const boxes = s.imported.reduce((n, f) => n + f.boxes, 0);
  const below = s.imported.reduce((n, f) => n + f.belowScore, 0);
  const unknown = s.unknownFrames;
  return (
    `imported ${plural(boxes, 'box', 'boxes')} into ${plural(s.imported.length, 'frame')}` +
    (below > 0 ? ` (${below} below --min-score skipped)` : '') +
    '\n' +
    (s.readFrom !== undefined ? `  read the label files in ${s.readFrom} (the folder given holds none)\n` : '') +
    (unknown.length > 0
      ? `  ${plural(unknown.length, 'file')} ${unknown.length === 1 ? 'names' : 'name'} no frame of the dataset: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', ...' : ''}\n`
      : '') +
    s.errors.map((e) => `  error ${e.error}\n`).join('') +
    (s.imported.length === 0 && s.errors.length === 0
      ? unknown.length > 0
        ? 'nothing imported: no label file is named after a frame of the dataset (ID.txt): exit 1\n'
        : 'nothing imported: no label file found: exit 1\n'
      : '')
  );
}
