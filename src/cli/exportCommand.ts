import { randomBytes } from 'node:crypto';
import { caseOnlyClassesText } from '../domain/formats/caseOnlyClasses.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FrameStatus } from '../domain/document/FrameAnnotation.ts';
import { DirectorySink } from '../server/export/ExportSink.ts';
import { EXPORT_MANIFEST, exportDataset, type ExportSummary } from '../server/export/exportDataset.ts';
import { ReadOnlyExportSource } from '../server/export/ReadOnlyExportSource.ts';
import { parseStatuses } from '../server/export/parseStatuses.ts';
import { exportToBucket } from '../server/export/exportToBucket.ts';
import { isBucketUrl } from '../server/dataset/bucketUrl.ts';
import { EXPORT_FORMATS, isExportFormat } from '../domain/formats/LabelFormats.ts';
import { exportLabelFormat, formatWriter, type FormatExportSummary } from '../server/export/formats/exportLabelFormat.ts';
import type { RegisterCommand } from './commands.ts';
import { runExportAsJob } from './exportJob.ts';
import { convertedFormatsText } from '../server/export/kittiTreeConversions.ts';
import type { AcceptedInstead } from '../server/export/documentToExport.ts';
import { printDatasetWarnings } from './datasetWarnings.ts';
import { DATASET_KINDS } from './datasetHelp.ts';
import { BIN_LAYOUT_HELP, parseBinLayoutOption } from './binLayoutOption.ts';
import { stateDirWarning } from './stateDirWarning.ts';
import { intensitySentence, mixedKeptSentence } from '../server/export/intensityReport.ts';
import { homeStateHint, stateOption } from './homeState.ts';
import { SPLIT_BY, isSplitBy } from '../domain/formats/SplitBy.ts';
import { EXIT_DATA, EXIT_OK, UsageError, reportCommandError } from './exitCodes.ts';

export interface ExportCommandOptions {
  out: string;
  split?: string;
  /** `--split-by`: auto, sequence, time or frame (`splitExport`). */
  splitBy?: string;
  status?: string;
  seed?: string;
  /** `--bin` / `--no-bin`: convert `.pcd`, `.ply`, `.las` and `.laz` to KITTI `.bin` (default true; the kitti format only). */
  bin?: boolean;
  state?: string;
  /** `--home-state`: the state folder `serve --home-state` (npm start) keeps for the dataset. */
  homeState?: boolean;
  /** `--db`: the PostgreSQL database given to serve (read only). */
  db?: string;
  force?: boolean;
  /** `--strict`: stop at the first frame that cannot be exported, writing nothing. */
  strict?: boolean;
  /** `--bin-layout`: the layout of the dataset's raw `.bin` files. */
  binLayout?: string;
  /** `--format`: `kitti` (default) or another of `EXPORT_FORMATS`. */
  format?: string;
  /** `--intensity`: `scale` (default: to the format's full scale, KITTI 0..1, nuScenes 0..255) or `keep`. */
  intensity?: string;
}

/** A summary with the dataset's warnings (files the scan skipped, table rows left out), which `serve` prints too. */
type WithDatasetWarnings<T> = T & { warnings: string[] };

/** What an export leaves in `OUT`; everything else there is left alone. */
const EXPORT_ENTRIES = ['training', 'ImageSets', EXPORT_MANIFEST];

/**
 * Runs `cuboid export` without the command-line parsing. Reads the dataset without writing to it
 * (its database when there is one, else its `label_2`), builds the tree in a hidden folder beside
 * `OUT` and moves it into place only when complete, so a failed export leaves `OUT` as it was.
 * Refuses an `OUT` that already holds an export unless `force` (the old `training/`, `ImageSets/`
 * and manifest are then replaced, once the new ones are complete).
 * @throws UsageError for a bad option or an existing export; ExportFrameError with `strict`
 */
export async function runExport(dir: string, opts: ExportCommandOptions & { format?: 'kitti' }): Promise<WithDatasetWarnings<ExportSummary>>;
export async function runExport(dir: string, opts: ExportCommandOptions): Promise<WithDatasetWarnings<ExportSummary | FormatExportSummary>>;
export async function runExport(dir: string, given: ExportCommandOptions): Promise<WithDatasetWarnings<ExportSummary | FormatExportSummary>> {
  const state = stateOption(dir, given);
  const hint = await homeStateHint(dir, 'export', given);
  const { homeState: _home, ...rest } = given;
  const opts: ExportCommandOptions = { ...rest, ...(state !== undefined ? { state } : {}) };
  const format = opts.format ?? 'kitti';
  if (!isExportFormat(format)) throw new UsageError(`--format ${JSON.stringify(format)} must be one of ${EXPORT_FORMATS.join(', ')}`);
  const entries = format === 'kitti' ? EXPORT_ENTRIES : [...formatWriter(format, true).entries, EXPORT_MANIFEST];
  const split = opts.split === undefined ? 0.8 : Number(opts.split);
  if (opts.split !== undefined && (opts.split.trim() === '' || !(split >= 0 && split <= 1))) {
    throw new UsageError(`--split ${JSON.stringify(opts.split)} must be a number from 0 to 1`);
  }
  const splitBy = opts.splitBy ?? 'auto';
  if (!isSplitBy(splitBy)) throw new UsageError(`--split-by ${JSON.stringify(opts.splitBy)} must be one of ${SPLIT_BY.join(', ')}`);
  let statuses: FrameStatus[] | undefined;
  if (opts.status !== undefined) {
    try {
      statuses = parseStatuses(opts.status);
    } catch (err) {
      throw new UsageError(`--${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const binLayout = parseBinLayoutOption(opts.binLayout);
  const intensity = intensityOption(opts.intensity);
  const stateWarning = opts.state !== undefined ? await stateDirWarning(opts.state, 'export') : null;
  const extra = [stateWarning, hint].filter((w): w is string => w !== null);
  if (isBucketUrl(opts.out)) {
    // Into a bucket prefix: written in place, the manifest last (see exportToBucket).
    const from = await ReadOnlyExportSource.open({
      dataDir: dir,
      ...(opts.db !== undefined ? { db: opts.db } : {}),
      ...(opts.state !== undefined ? { stateDir: opts.state } : {}),
      ...(binLayout !== undefined ? { binLayout } : {}),
    });
    const common = {
      split,
      splitBy,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(statuses !== undefined ? { statuses } : {}),
      strict: opts.strict === true,
      intensity,
    };
    try {
      const summary = await exportToBucket<ExportSummary | FormatExportSummary>(
        opts.out,
        { entries, manifest: EXPORT_MANIFEST, force: opts.force === true },
        (sink) =>
          format === 'kitti' ? exportDataset(from, sink, { ...common, bin: opts.bin !== false }) : exportLabelFormat(from, sink, { ...common, format }),
      );
      return { ...summary, warnings: [...extra, ...from.dataset.warnings, ...kittiPosesWarnings(summary)] };
    } finally {
      await from.close();
    }
  }
  const out = path.resolve(opts.out);
  const outStat = await fs.stat(out).catch(() => null);
  if (outStat !== null && !outStat.isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder: give a folder for the export`);
  const existing = (
    await Promise.all(
      entries.map((n) =>
        fs.stat(path.join(out, n)).then(
          () => n,
          () => null,
        ),
      ),
    )
  ).filter((n) => n !== null);
  if (existing.length > 0 && opts.force !== true) {
    throw new UsageError(`${out} already holds an export (${existing.join(', ')}): pass --force to replace it`);
  }
  const source = await ReadOnlyExportSource.open({
    dataDir: dir,
    ...(opts.state !== undefined ? { stateDir: opts.state } : {}),
    ...(opts.db !== undefined ? { db: opts.db } : {}),
    ...(binLayout !== undefined ? { binLayout } : {}),
  });
  // Beside OUT, so the final renames stay on one file system.
  await fs.mkdir(path.dirname(out), { recursive: true });
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.cuboid-export-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const common = {
      split,
      splitBy,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(statuses !== undefined ? { statuses } : {}),
      strict: opts.strict === true,
      intensity,
    };
    const summary =
      format === 'kitti'
        ? await exportDataset(source, new DirectorySink(temp), { ...common, bin: opts.bin !== false })
        : await exportLabelFormat(source, new DirectorySink(temp), { ...common, format });
    await moveIntoPlace(temp, out, existing, entries);
    return { ...summary, warnings: [...extra, ...source.dataset.warnings, ...kittiPosesWarnings(summary)] };
  } finally {
    await source.close();
    await fs.rm(temp, { recursive: true, force: true });
  }
}

/** Why a `poses.txt` was not used, from a kitti export's summary (the other formats list it among their conversions). */
function kittiPosesWarnings(summary: ExportSummary | FormatExportSummary): string[] {
  return 'posesWarnings' in summary ? summary.posesWarnings : [];
}

/** Moves the finished tree from `temp` to `out`: the whole folder when `out` is new, else entry by entry. */
async function moveIntoPlace(temp: string, out: string, replaced: string[], entries: readonly string[] = EXPORT_ENTRIES): Promise<void> {
  const outExists = await fs.stat(out).then(
    () => true,
    () => false,
  );
  if (!outExists) {
    await fs.rename(temp, out);
    return;
  }
  for (const name of replaced) await fs.rm(path.join(out, name), { recursive: true, force: true });
  for (const name of entries) {
    const from = path.join(temp, name);
    if (
      await fs.stat(from).then(
        () => true,
        () => false,
      )
    )
      await fs.rename(from, path.join(out, name));
  }
}

/** The last line when no frame was exported (exit 1): what left them all out. */
function noFramesText(s: { frames: number; filteredOut: number; skipped: unknown[] }): string {
  if (s.frames > 0) return '';
  if (s.filteredOut > 0) return `no frame has the status --status asks for (${s.filteredOut} left out): the export holds no frame: exit 1\n`;
  return s.skipped.length > 0 ? '' : 'the dataset has no frame: the export holds none: exit 1\n';
}

/**
 * "skipped frame 000006: calib/000006.txt: field …": the parser's own "parseKittiCalib (000006.txt): "
 * is dropped when it names the same file, which the line names already.
 */
function skippedLine(k: { frameId: string; file: string; reason: string }): string {
  const m = /^[A-Za-z]+ \(([^()]+)\): /.exec(k.reason);
  const reason = m !== null && (k.file === m[1] || k.file.endsWith(`/${m[1]}`)) ? k.reason.slice(m[0].length) : k.reason;
  return `  skipped frame ${k.frameId}: ${k.file}: ${reason}\n`;
}

/** How train and val were split (when the export has frames to split). */
function splitNoteText(s: { frames: number; splitNote?: string }): string {
  return s.frames >= 1 && s.splitNote !== undefined && s.splitNote !== '' ? `  ${s.splitNote}\n` : '';
}

/** One line naming the accepted frames whose accepted revision was written, not a later edit. */
function acceptedInsteadText(list: AcceptedInstead[]): string {
  if (list.length === 0) return '';
  const named = list
    .slice(0, 5)
    .map((a) => `${a.frameId} (revision ${a.revision}, not ${a.current})`)
    .join(', ');
  const more = list.length > 5 ? `, … (${list.length})` : '';
  return `  ${list.length} accepted frame${list.length === 1 ? ' was' : 's were'} changed after the accept: wrote the accepted revision of ${named}${more}\n`;
}

/** The .bin files rewritten as KITTI xyzi (another layout, or points with a non-finite coordinate dropped). */
function rewrittenBinsText(r: ExportSummary['rewrittenBins']): string {
  if (r.length === 0) return '';
  const dropped = r.reduce((n, x) => n + x.dropped, 0);
  return (
    `  rewrote ${r.length} .bin file${r.length === 1 ? '' : 's'} (${[...new Set(r.map((x) => x.layout))].join(', ')}) as KITTI xyzi` +
    (dropped > 0
      ? `, dropping ${dropped} point${dropped === 1 ? '' : 's'} with a non-finite coordinate (${r
          .filter((x) => x.dropped > 0)
          .map((x) => x.frameId)
          .slice(0, 5)
          .join(', ')})`
      : '') +
    '\n'
  );
}

/** The report `cuboid export` prints: counts, then what the user should know about the tree. */
export function formatExportSummary(s: ExportSummary, out: string): string {
  const list = (ids: string[]): string => `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? `, … (${ids.length})` : ''}`;
  return (
    `exported ${s.frames} frame${s.frames === 1 ? '' : 's'} to ${out} (train ${s.train}, val ${s.val})` +
    (s.filteredOut > 0 ? `, ${s.filteredOut} left out by --status` : '') +
    '\n' +
    splitNoteText(s) +
    acceptedInsteadText(s.acceptedInstead) +
    s.skipped.map(skippedLine).join('') +
    (s.syntheticCalib.length > 0 ? `  ${s.syntheticCalib.length} frames have no calib: wrote the no-camera synthetic calib (2D boxes are 0 0 0 0)\n` : '') +
    (s.emptyLabels.length > 0 ? `  ${s.emptyLabels.length} frames have no boxes (empty label files; OpenPCDet's info builder rejects those)\n` : '') +
    (s.converted.length > 0
      ? `  converted ${s.converted.length} ${convertedFormatsText(s.converted)} file${s.converted.length === 1 ? '' : 's'} to KITTI .bin (x y z intensity float32; --no-bin copies them as they are)\n`
      : '') +
    rewrittenBinsText(s.rewrittenBins) +
    (s.intensityRescaled.length > 0 ? `  ${(intensitySentence(s.intensityRescaled, 1) ?? '').replace(/^points: /, '')}\n` : '') +
    (s.intensityKept.length > 1 ? `  ${(mixedKeptSentence(s.intensityKept) ?? '').replace(/^points: /, '')}\n` : '') +
    (s.calibFilled.length > 0
      ? `  ${s.calibFilled.length} calib${s.calibFilled.length === 1 ? '' : 's'} lacked matrices the readers take by line (${list(s.calibFilled.map((c) => `${c.frameId}: ${c.filled.join(' ')}`))}): wrote P2 for a missing P0, P1 or P3 and the identity for Tr_imu_to_velo\n`
      : '') +
    (s.noImage.length > 0
      ? `  warning: ${s.noImage.length} frame${s.noImage.length === 1 ? ' has' : 's have'} no image (${list(s.noImage)}): OpenPCDet's and mmdet3d's KITTI info builders open image_2/ID.png for every frame and stop there (their custom datasets need none: --format openpcdet or mmdet3d)\n`
      : '') +
    (s.jpegConverted.length > 0
      ? `  converted ${s.jpegConverted.length} JPEG image${s.jpegConverted.length === 1 ? '' : 's'} to PNG (${list(s.jpegConverted.map((i) => i.file))}): OpenPCDet and mmdet3d open image_2/ID.png\n`
      : '') +
    (s.classMapping.some((c) => c.to !== c.from)
      ? `  nuScenes categories written as KITTI classes: ${s.classMapping
          .filter((c) => c.to !== c.from)
          .map((c) => `${c.from}${c.because !== '' ? ` (${c.because})` : ''} → ${c.to} ×${c.boxes}`)
          .join(', ')} (cuboid_export.json lists every change)\n`
      : '') +
    (s.classCase.length > 0 ? `  ${caseOnlyClassesText(s.classCase)}\n` : '') +
    (s.nonNumericIds.length > 0
      ? `  warning: ${s.nonNumericIds.length} frame ids are not numbers (${list(s.nonNumericIds)}): mmdet3d's KITTI converter reads ImageSets ids as integers; OpenPCDet reads them as text\n`
      : '') +
    (s.skipped.length > 0 ? `${s.skipped.length} frame${s.skipped.length === 1 ? '' : 's'} skipped (--strict stops at the first, exit 2): exit 1\n` : '') +
    noFramesText(s)
  );
}

/** The report of an export in another format than KITTI: counts, conversions, skipped frames. */
export function formatLabelExportSummary(s: FormatExportSummary, out: string): string {
  return (
    `exported ${s.frames} frame${s.frames === 1 ? '' : 's'} (${s.boxes} box${s.boxes === 1 ? '' : 'es'}, classes ${s.classes.join(', ') || 'none'}) as ${s.format} to ${out} (train ${s.train}, val ${s.val})` +
    (s.filteredOut > 0 ? `, ${s.filteredOut} left out by --status` : '') +
    '\n' +
    splitNoteText(s) +
    acceptedInsteadText(s.acceptedInstead) +
    s.conversions.map((c) => `  ${c}\n`).join('') +
    s.skipped.map(skippedLine).join('') +
    (s.skipped.length > 0 ? `${s.skipped.length} frame${s.skipped.length === 1 ? '' : 's'} skipped (--strict stops at the first, exit 2): exit 1\n` : '') +
    noFramesText(s)
  );
}

/** `cuboid export DIR --out OUT [--split 0.8] [--status accepted] [--seed S] [--no-bin] [--strict] [--state DIR] [--force]`. */
export const registerExport: RegisterCommand = (program, setExitCode) => {
  program
    .command('export')
    .description(
      "write the dataset's labels as training data: a KITTI tree (training/, ImageSets/{train,val}.txt) by default, or another --format; reads the dataset, never writes to it",
    )
    .argument('[dir]', `the dataset folder (${DATASET_KINDS})`, 'samples')
    .requiredOption('--out <dir>', 'output folder')
    .option('--split <fraction>', 'fraction of frames in train.txt', '0.8')
    .option('--split-by <how>', `auto (default: whole sequences, else a drive split in time, else frame by frame), sequence, time or frame`)
    .option('--status <list>', 'only frames with these statuses (comma-separated, e.g. accepted)')
    .option('--seed <seed>', 'seed of the deterministic train/val split', 'cuboid')
    .option('--bin', 'kitti format: convert .pcd, .ply, .las and .laz point clouds to KITTI .bin (x y z intensity float32), the default')
    .option('--no-bin', 'kitti format: copy .pcd, .ply, .las and .laz point clouds as they are (OpenPCDet and mmdet3d read only .bin)')
    .option('--strict', 'stop at the first frame that cannot be exported (default: skip it and report it)')
    .option('--state <dir>', 'folder of the database (as given to serve --state)')
    .option('--home-state', 'the database serve --home-state (npm start) keeps for this dataset in ~/.cuboid/state')
    .option('--db <url>', 'the PostgreSQL database given to serve --db (postgres://USER@HOST:PORT/DB); only read')
    .option('--force', 'replace an earlier export in --out')
    .option('--bin-layout <layout>', BIN_LAYOUT_HELP)
    .option('--format <format>', `label format: ${EXPORT_FORMATS.join(', ')} (default kitti)`)
    .option(
      '--intensity <how>',
      "scale (default): intensities rescaled to the format's full scale (KITTI's 0..1 reflectance, nuScenes' 0..255); keep: as stored (the report says when the frames' scales differ)",
    )
    .option('--json', 'print the summary as JSON')
    .option('--job', 'with --db: queue the export for a `cuboid worker` (OUT: an s3:// prefix or a folder the workers share) and wait for it')
    .action(async (dir: string, opts: ExportCommandOptions & { json?: boolean; job?: boolean }) => {
      try {
        // With --job a worker runs the same export and answers the same summary.
        const s =
          opts.job === true
            ? ((await runExportAsJob(dir, opts, (line) => process.stderr.write(`${line}\n`))).summary as unknown as ExportSummary)
            : await runExport(dir, opts);
        const out = isBucketUrl(opts.out) ? opts.out : path.resolve(opts.out);
        // Under --json the warnings are in the summary; else on stderr, one line each (a worker's summary older than them has none).
        if (opts.json !== true) printDatasetWarnings('export', (s as Partial<WithDatasetWarnings<object>>).warnings ?? []);
        const text = 'format' in s ? formatLabelExportSummary(s, out) : formatExportSummary(s, out);
        process.stdout.write(opts.json === true ? `${JSON.stringify({ out, ...s }, null, 2)}\n` : text);
        // Nothing exported (every frame left out by --status, or skipped) is no training set.
        setExitCode(s.skipped.length > 0 || s.frames === 0 ? EXIT_DATA : EXIT_OK);
      } catch (err) {
        setExitCode(reportCommandError('export', err, opts.json === true));
      }
    });
};

/** `--intensity`: `scale` (the default) or `keep`. */
function intensityOption(value: string | undefined): 'scale' | 'keep' {
  if (value === undefined || value === 'scale' || value === 'keep') return value ?? 'scale';
  throw new UsageError(`--intensity ${JSON.stringify(value)} must be scale or keep`);
}
