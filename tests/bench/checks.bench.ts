/**
 * Pre-checks: every single-frame rule on a synthetic street scan, as the checks worker runs them.
 * - "frame analysis": grid, ground, obstacle clusters and range image, built once per frame
 *   (`setFrame` in the worker);
 * - "all rules": object point counts plus every rule, with the frame analysis reused (what the
 *   worker does on the first check of a frame) — the target is ≤ 30 ms at 120k points × 100 boxes;
 * - "incremental": `FrameChecker.check` after one box moved 0.5 m (every later edit).
 * Reference = the same work done cold (frame analysis included), as a checker without the
 * worker's per-frame cache would.
 */
import { FrameChecker } from '../../src/domain/checks/FrameChecker.ts';
import { createCheckContext } from '../../src/domain/checks/createCheckContext.ts';
import { defaultDictionary } from '../../src/domain/checks/dictionary/defaultDictionary.ts';
import { analyzeFrame } from '../../src/domain/checks/frame/analyzeFrame.ts';
import { runChecks } from '../../src/domain/checks/runChecks.ts';
import type { Cuboid } from '../../src/domain/types.ts';
import type { BenchReport } from './BenchReport.ts';
import { measure } from './measure.ts';
import { syntheticCloud, syntheticStreetBoxes } from './syntheticCloud.ts';

/** Calls before timing: what the worker has done after a handful of edits. */
const WARM_CALLS = 25;

const CASES: { points: number; boxes: number; budgetMs?: number }[] = [
  { points: 120_000, boxes: 100, budgetMs: 30 },
  { points: 1_000_000, boxes: 200 },
];

/** Median CPU time (user + system, milliseconds) of `fn` over `runs` calls: less sensitive than wall time to other processes on a busy machine. */
function cpuMs(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

export async function run(report: BenchReport): Promise<void> {
  const table = report.table({
    title: 'Pre-checks (all rules)',
    reference: 'cold: frame analysis + all rules every time',
    columns: ['min', 'first', 'cpu', 'results', 'errors', 'budget'],
    nameWidth: 44,
  });
  for (const c of CASES) {
    const positions = syntheticCloud(c.points).positions;
    const boxes = syntheticStreetBoxes(c.boxes);
    const runs = c.points >= 1_000_000 ? 5 : 9;
    const analysis = measure(() => analyzeFrame(positions), { runs });
    const check = () =>
      runChecks(createCheckContext({ frameId: 'bench', positions, cuboids: boxes, dictionary: defaultDictionary, analysis: analysis.result }));
    // The worker re-runs the rules on every edit, so its code is optimized after the first few
    // edits of a session: time it warm, and show the very first call separately.
    const all = measure(check, { runs: runs * 2, warmupCalls: WARM_CALLS });
    const cold = measure(() => runChecks(createCheckContext({ frameId: 'bench', positions, cuboids: boxes, dictionary: defaultDictionary })), {
      runs: Math.min(runs, 5),
    });
    const checker = new FrameChecker('bench', positions);
    checker.check(boxes, defaultDictionary);
    let step = 0;
    const incremental = measure(
      () => {
        // Move one box back and forth by 0.5 m: a drag, committed.
        step++;
        const k = step % boxes.length;
        const moved: Cuboid[] = boxes.map((b, i) => (i === k ? { ...b, center: [b.center[0] + (step % 2 ? 0.5 : 0), b.center[1], b.center[2]] } : b));
        return checker.check(moved, defaultDictionary, [boxes[k].id]);
      },
      { runs: 15 },
    );
    const results = all.result.length;
    const errors = all.result.filter((r) => r.severity === 'error').length;
    const name = `${label(c.points)} pts × ${c.boxes} boxes`;
    const budget = c.budgetMs === undefined ? '' : `≤ ${c.budgetMs} ms ${all.medianMs <= c.budgetMs ? '✓' : '✗'} (median)`;
    const cpu = (fn: () => unknown, n: number) => `${cpuMs(fn, n).toFixed(1)} ms`;
    table.row(`${name}, frame analysis (once per frame)`, analysis.medianMs, null, {
      min: `${analysis.minMs.toFixed(1)} ms`,
      cpu: cpu(() => analyzeFrame(positions), 3),
    });
    table.row(`${name}, all rules (analysis reused)`, all.medianMs, cold.medianMs, {
      min: `${all.minMs.toFixed(1)} ms`,
      first: `${all.firstMs.toFixed(1)} ms`,
      cpu: cpu(check, runs),
      results,
      errors,
      budget,
    });
    table.row(`${name}, incremental (1 box moved)`, incremental.medianMs, all.medianMs, {
      min: `${incremental.minMs.toFixed(1)} ms`,
      results: incremental.result.results.length,
      budget: `${incremental.result.rechecked.length} boxes re-checked`,
    });
    if (c.budgetMs !== undefined) {
      // In a sequence: every box's track is expected here (bridged 0.1 m off), and 10 boxes are missing.
      const tracked = boxes.map((b, i) => ({ ...b, trackId: `t${i}` }));
      const expectedTracks = tracked.map((b) => ({
        trackId: b.trackId,
        label: b.label,
        box: { center: [b.center[0] + 0.1, b.center[1], b.center[2]] as Cuboid['center'], size: b.size, yaw: b.yaw },
        before: 'prev',
        after: 'next',
        span: 2,
      }));
      const present = tracked.filter((_, i) => i % 10 !== 0);
      const inSequence = measure(
        () =>
          runChecks(
            createCheckContext({ frameId: 'bench', positions, cuboids: present, dictionary: defaultDictionary, analysis: analysis.result, expectedTracks }),
          ),
        { runs: runs * 2, warmupCalls: WARM_CALLS },
      );
      const withinBudget = inSequence.medianMs <= c.budgetMs;
      table.row(
        `${name}, all rules in a sequence (${boxes.length} tracks around, ${boxes.length - present.length} missing)`,
        inSequence.medianMs,
        all.medianMs,
        {
          min: `${inSequence.minMs.toFixed(1)} ms`,
          results: inSequence.result.length,
          errors: inSequence.result.filter((r) => r.severity === 'error').length,
          budget: `≤ ${c.budgetMs} ms ${withinBudget ? '✓' : '✗'} (median)`,
        },
      );
    }
  }
  table.note('min = fastest wall time; cpu = median process CPU time per call. Medians include waiting for the CPU on a busy machine.');
  table.note(
    `all rules: timed after ${WARM_CALLS} warm-up calls (the worker after a few edits); first = the very first call, before the JIT has optimized the rules.`,
  );
  table.note('Boxes are placed at random over the street (some overlap, some are empty): many results are expected.');
  table.note('Incremental: reference = all rules on the frame; it re-checks the moved box and its neighbours only.');
  table.note('In a sequence: reference = all rules without the frames around; the difference is what the track rules (trackGap, offTrack) cost.');
}
