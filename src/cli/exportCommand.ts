import fs from 'node:fs/promises';
import path from 'node:path';
import type { FrameStatus } from '../domain/document/FrameAnnotation.ts';
import { DirectorySink } from '../server/export/ExportSink.ts';
import { EXPORT_MANIFEST, exportDataset, type ExportSummary } from '../server/export/exportDataset.ts';
import { openWorkspace } from '../server/openWorkspace.ts';
import { parseStatuses } from '../server/export/parseStatuses.ts';
import type { RegisterCommand } from './commands.ts';
import { BIN_LAYOUT_HELP, parseBinLayoutOption } from './binLayoutOption.ts';

export interface ExportCommandOptions {
  out: string;
  split?: string;
  status?: string;
  seed?: string;
  bin?: boolean;
  state?: string;
  force?: boolean;
  /** `--bin-layout`: the layout of the dataset's raw `.bin` files. */
  binLayout?: string;
}

/**
 * Runs `cuboid export` without the command-line parsing: refuses an `OUT` that already holds an
 * export unless `force` (which removes the old `training/`, `ImageSets/` and manifest first).
 */
export async function runExport(dir: string, opts: ExportCommandOptions): Promise<ExportSummary> {
  const split = opts.split === undefined ? 0.8 : Number(opts.split);
  if (opts.split !== undefined && (opts.split.trim() === '' || !(split >= 0 && split <= 1))) {
    throw new Error(`--split ${JSON.stringify(opts.split)} must be a number from 0 to 1`);
  }
  let statuses: FrameStatus[] | undefined;
  if (opts.status !== undefined) {
    try {
      statuses = parseStatuses(opts.status);
    } catch (err) {
      throw new Error(`--${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const binLayout = parseBinLayoutOption(opts.binLayout);
  const out = path.resolve(opts.out);
  const old = ['training', 'ImageSets', EXPORT_MANIFEST].map((n) => path.join(out, n));
  const existing = (await Promise.all(old.map((p) => fs.stat(p).then(() => p, () => null)))).filter((p) => p !== null);
  if (existing.length > 0) {
    if (opts.force !== true) throw new Error(`${out} already holds an export (${existing.map((p) => path.basename(p)).join(', ')}): pass --force to replace it`);
    for (const p of existing) await fs.rm(p, { recursive: true, force: true });
  }
  const ws = await openWorkspace({
    dataDir: dir,
    ...(opts.state !== undefined ? { stateDir: opts.state } : {}),
    ...(binLayout !== undefined ? { binLayout } : {}),
  });
  try {
    return await exportDataset(ws.service, new DirectorySink(out), {
      split,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(statuses !== undefined ? { statuses } : {}),
      bin: opts.bin === true,
    });
  } finally {
    await ws.close();
  }
}

/** `cuboid export DIR --out OUT [--split 0.8] [--status accepted] [--seed S] [--bin] [--state DIR] [--force]`. */
export const registerExport: RegisterCommand = (program, setExitCode) => {
  program
    .command('export')
    .description('write a KITTI training/ tree and ImageSets/{train,val}.txt for the dataset')
    .argument('[dir]', 'the dataset folder', 'samples')
    .requiredOption('--out <dir>', 'output folder')
    .option('--split <fraction>', 'fraction of frames in train.txt', '0.8')
    .option('--status <list>', 'only frames with these statuses (comma-separated, e.g. accepted)')
    .option('--seed <seed>', 'seed of the deterministic train/val split', 'cuboid')
    .option('--bin', 'convert .pcd point clouds to KITTI .bin (x y z intensity float32)')
    .option('--state <dir>', 'folder of the database and label files (as given to serve)')
    .option('--force', 'replace an earlier export in --out')
    .option('--bin-layout <layout>', BIN_LAYOUT_HELP)
    .action(async (dir: string, opts: ExportCommandOptions) => {
      try {
        const s = await runExport(dir, opts);
        const out = path.resolve(opts.out);
        process.stdout.write(
          `exported ${s.frames} frames to ${out} (train ${s.train}, val ${s.val})` +
            (s.filteredOut > 0 ? `, ${s.filteredOut} left out by --status` : '') +
            '\n' +
            (s.syntheticCalib.length > 0 ? `  ${s.syntheticCalib.length} frames have no calib: wrote the no-camera synthetic calib (2D boxes are 0 0 0 0)\n` : '') +
            (s.emptyLabels.length > 0 ? `  ${s.emptyLabels.length} frames have no boxes (empty label files; OpenPCDet's info builder rejects those)\n` : '') +
            (s.converted.length > 0 ? `  converted ${s.converted.length} .pcd files to .bin\n` : '') +
            (s.rewrittenBins.length > 0 ? `  rewrote ${s.rewrittenBins.length} .bin files (${[...new Set(s.rewrittenBins.map((r) => r.layout))].join(', ')}) as KITTI xyzi\n` : '') +
            (s.labelsRepaired > 0 ? `  rewrote ${s.labelsRepaired} stale label files in the dataset\n` : ''),
        );
      } catch (err) {
        process.stderr.write(`cuboid export: ${err instanceof Error ? err.message : String(err)}\n`);
        setExitCode(1);
      }
    });
};
