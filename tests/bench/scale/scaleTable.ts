import type { EditAudit } from './verifyEdits.ts';

/** One backend's figures and audit. */
export interface BackendResult {
  name: string;
  saves: number;
  savesPerS: number;
  conflicts: number;
  saveP50: number;
  saveP99: number;
  opens: number;
  openP50: number;
  openP99: number;
  logins: number;
  errors: string[];
  audit: EditAudit;
  labels: { compared: number; differ: string[]; waitedMs: number };
  kill: { atS: number; victim: string; restartedAfterS: number; connectionFailures: number } | null;
}

/** Target: p99 of the acknowledged save round trip, ms. */
export const SAVE_P99_TARGET_MS = 150;

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '–');

/** Prints the summary table (one column per backend, targets with ✓/✗) and the first problems found. */
export function printScaleTable(
  results: BackendResult[],
  run: { annotators: number; frames: number; rampS: number; burstS: number; pauseMs: [number, number]; loadAverage: number[]; totalS: number },
): void {
  const rows: [string, ...string[]][] = [['', ...results.map((r) => r.name), 'target']];
  const add = (label: string, cells: string[], target = '') => rows.push([label, ...cells, target]);
  add(
    'annotators logged in',
    results.map((r) => String(r.logins)),
  );
  add(
    'frame opens (calib+points+annotation)',
    results.map((r) => String(r.opens)),
  );
  add(
    'frame open p50 / p99',
    results.map((r) => `${ms(r.openP50)} / ${ms(r.openP99)}`),
  );
  add(
    'saves acknowledged (per s)',
    results.map((r) => `${r.saves} (${r.savesPerS.toFixed(1)}/s)`),
  );
  add(
    '409 answers (merged and resent)',
    results.map((r) => String(r.conflicts)),
  );
  add(
    'save p50',
    results.map((r) => ms(r.saveP50)),
  );
  add(
    'save p99',
    results.map((r) => `${ms(r.saveP99)} ${mark(r.saveP99 <= SAVE_P99_TARGET_MS)}`),
    `≤ ${SAVE_P99_TARGET_MS} ms`,
  );
  add(
    'acknowledged saves lost',
    results.map((r) => `${r.audit.lost.length} of ${r.audit.acknowledged} ${mark(r.audit.lost.length === 0)}`),
    '0',
  );
  add(
    '  read at their own revision',
    results.map((r) => `${r.audit.readAtOwnRevision}`),
  );
  add(
    'duplicate revisions',
    results.map((r) => `${r.audit.duplicates.length} ${mark(r.audit.duplicates.length === 0)}`),
    '0',
  );
  add(
    'save revisions not 1..current',
    results.map((r) => `${r.audit.gaps.length} ${mark(r.audit.gaps.length === 0)}`),
    '0',
  );
  add(
    'label objects/files ≠ database',
    results.map((r) => `${r.labels.differ.length} of ${r.labels.compared} ${mark(r.labels.differ.length === 0)}`),
    '0',
  );
  add(
    '  waited for the label sync',
    results.map((r) => `${(r.labels.waitedMs / 1000).toFixed(1)} s`),
  );
  add(
    'other errors',
    results.map((r) => String(r.errors.length)),
  );
  add(
    'kill -9 of one replica',
    results.map((r) =>
      r.kill === null ? '–' : `at ${r.kill.atS} s, ${r.kill.restartedAfterS > 0 ? `back after ${r.kill.restartedAfterS.toFixed(1)} s` : 'not restarted'}`,
    ),
  );
  add(
    '  requests cut, resent elsewhere',
    results.map((r) => (r.kill === null ? '–' : String(r.kill.connectionFailures))),
  );
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => [...row[c]].length)));
  const line = (row: string[]) => row.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' │ ');
  const out: string[] = [];
  out.push('');
  out.push(
    `bench:scale — ${run.annotators} annotators on ${run.frames} frames (copies of the 3 KITTI scans), ${run.rampS} s ramp + ${run.burstS} s burst, ` +
      `a save every ${run.pauseMs[0] / 1000}–${run.pauseMs[1] / 1000} s each; load average ${run.loadAverage.map((l) => l.toFixed(1)).join(' ')}; ${run.totalS.toFixed(0)} s in all`,
  );
  out.push(line(rows[0]));
  out.push(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const row of rows.slice(1)) out.push(line(row));
  for (const r of results) {
    const groups = [r.audit.lost, r.audit.duplicates, r.audit.gaps, r.labels.differ, r.errors].filter((g) => g.length > 0);
    if (groups.length > 0) out.push(`${r.name}: first problems:\n  ${groups.flatMap((g) => g.slice(0, 4)).join('\n  ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
