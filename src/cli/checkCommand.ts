import type { Severity } from '../domain/checks/CheckResult.ts';
import { checkDataset } from './checkDataset.ts';
import type { DatasetCheckReport } from './checkDataset.ts';
import type { RegionMode } from '../server/checks/checkFrameInput.ts';
import type { RegisterCommand } from './commands.ts';
import { BIN_LAYOUT_HELP, parseBinLayoutOption } from './binLayoutOption.ts';
import { reportCommandError } from './exitCodes.ts';
import { printDatasetWarnings } from './datasetWarnings.ts';
import { DATASET_KINDS } from './datasetHelp.ts';
import { stateDirWarning } from './stateDirWarning.ts';
import { homeStateHint, stateOption } from './homeState.ts';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * `cuboid check DIR [--json] [--frame ID] [--dictionary FILE] [--region auto|camera|all]
 * [--quiet] [--strict] [--threads N] [--db URL | --state DIR]`: runs every pre-check over a dataset's stored labels (or its
 * label_2 files) on every core, prints a summary table and the results per frame, and exits 1
 * when any error exists (for CI). A frame that cannot be checked is reported (file and reason) and
 * skipped, and counts as an error; `--strict` stops at the first one instead (exit 2).
 */
export const registerCheck: RegisterCommand = (program, setExitCode) => {
  program
    .command('check')
    .description('run every pre-check over a dataset (stored labels, else label_2); exit 1 when errors exist')
    .argument('<dir>', `dataset folder (${DATASET_KINDS}), or s3://BUCKET/PREFIX`)
    .option('--json', 'print the full report as JSON')
    .option('--frame <id>', 'check only this frame')
    .option('--dictionary <file>', 'edge-case dictionary JSON (default: DIR/.cuboid/dictionary.json, else built-in)')
    .option('--region <mode>', 'where missed objects are searched: auto, camera (camera 2 view) or all', 'auto')
    .option('--quiet', 'print only the summary and the errors')
    .option('--bin-layout <layout>', BIN_LAYOUT_HELP)
    .option('--strict', 'stop at the first frame that cannot be checked (exit 2) instead of reporting it and going on')
    .option('--threads <n>', 'worker threads (default: every core)')
    .option('--db <url>', 'check the labels stored in this PostgreSQL database (postgres://USER@HOST:PORT/DB), as given to serve --db')
    .option('--state <dir>', 'folder of the database and dictionary (as given to serve --state; default DIR/.cuboid)')
    .option('--home-state', 'the database serve --home-state (npm start) keeps for this dataset in ~/.cuboid/state')
    .action(
      async (
        dir: string,
        opts: {
          json?: boolean;
          frame?: string;
          dictionary?: string;
          region: string;
          quiet?: boolean;
          binLayout?: string;
          strict?: boolean;
          threads?: string;
          db?: string;
          state?: string;
          homeState?: boolean;
        },
      ) => {
        try {
          if (!['auto', 'camera', 'all'].includes(opts.region)) {
            throw new Error(`--region must be auto, camera or all, got "${opts.region}"`);
          }
          const threads = opts.threads === undefined ? undefined : Number(opts.threads);
          if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
            throw new Error(`--threads must be a whole number of at least 1, got "${opts.threads}"`);
          }
          const state = stateOption(dir, opts);
          const hint = await homeStateHint(dir, 'check', opts);
          const stateWarning = state !== undefined ? await stateDirWarning(state, 'check') : null;
          const report = await checkDataset(dir, {
            frame: opts.frame,
            dictionary: opts.dictionary,
            region: opts.region as RegionMode,
            binLayout: parseBinLayoutOption(opts.binLayout),
            strict: opts.strict === true,
            ...(threads !== undefined ? { threads } : {}),
            ...(opts.db !== undefined ? { db: opts.db } : {}),
            ...(state !== undefined ? { stateDir: state } : {}),
          });
          if (stateWarning !== null) report.warnings.push(stateWarning);
          if (hint !== null) report.warnings.push(hint);
          // Under --json the warnings are in the report; else on stderr, one line each.
          if (opts.json !== true) printDatasetWarnings('check', report.warnings);
          process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheckReport(report, opts.quiet === true));
          setExitCode(report.totals.error > 0 ? 1 : 0);
        } catch (err) {
          // Every error that stops a check is exit 2 (findings are in the report); JSON under --json.
          setExitCode(reportCommandError('check', err, opts.json === true, 2));
        }
      },
    );
};

/** The text report: header, summary table by rule, then the results of each frame. */
export function formatCheckReport(report: DatasetCheckReport, quiet = false): string {
  const boxes = report.frames.reduce((s, f) => s + f.boxes, 0);
  const lines: string[] = [
    `cuboid check ${report.dataset}: ${report.frames.length} frame${report.frames.length === 1 ? '' : 's'}, ` +
      `${boxes} box${boxes === 1 ? '' : 'es'}, dictionary v${report.dictionary.version} (${report.dictionary.source})`,
    '',
    `${'rule'.padEnd(20)}${SEVERITIES.map((s) => `${s}s`.padStart(10)).join('')}`,
  ];
  for (const rule of Object.keys(report.byRule).sort()) {
    lines.push(`${rule.padEnd(20)}${SEVERITIES.map((s) => String(report.byRule[rule][s]).padStart(10)).join('')}`);
  }
  lines.push(`${'total'.padEnd(20)}${SEVERITIES.map((s) => String(report.totals[s]).padStart(10)).join('')}`);
  const show = (severity: Severity) => !quiet || severity === 'error';
  const unchecked = new Set(report.unchecked.map((u) => u.frameId));
  for (const f of report.frames) {
    const shown = f.results.filter((r) => show(r.severity));
    const seq = report.sequence.filter((r) => r.frameId === f.frameId && show(r.severity));
    const where = f.labelSource === 'none' ? 'no labels' : `${f.boxes} box${f.boxes === 1 ? '' : 'es'} from ${f.labelSource}`;
    // A frame that could not be checked has no counts to give ("0 points, 0 boxes" read as an empty frame).
    if (unchecked.has(f.frameId)) lines.push('', `frame ${f.frameId}: not checked`);
    else lines.push('', `frame ${f.frameId}: ${f.points} points, ${where}${f.cameraOnly ? ', missed objects searched in the camera view' : ''}`);
    if (f.calibProblem !== undefined) lines.push(`  calib not used (${f.calibProblem}): missed objects searched all around`);
    if (shown.length + seq.length === 0) lines.push(quiet ? '  no errors' : '  no findings');
    for (const r of [...shown, ...seq]) {
      const what = r.cuboidId !== null ? `box ${r.cuboidId}` : r.location !== null ? `at (${r.location[0].toFixed(1)}, ${r.location[1].toFixed(1)})` : '';
      lines.push(`  ${r.severity.padEnd(8)}${r.ruleId.padEnd(18)}${what.padEnd(16)} ${r.message}${r.dictionaryEntry ? `  [${r.dictionaryEntry}]` : ''}`);
    }
  }
  if (report.unchecked.length > 0) {
    lines.push('', `${report.unchecked.length} frame${report.unchecked.length === 1 ? '' : 's'} could not be checked (skipped; --strict stops at the first):`);
    for (const u of report.unchecked) lines.push(`  ${u.frameId}: ${u.message}`);
  }
  lines.push('', report.totals.error > 0 ? `${report.totals.error} error(s): exit 1` : 'no errors');
  return `${lines.join('\n')}\n`;
}
