/**
 * Seeded-defect harness: takes a clean frame (points + ground-truth boxes), breaks one box at a
 * time in one of seven ways, runs every check, and scores whether the defect was caught and
 * whether clean boxes were flagged. LiDAR frame, metres.
 */
import { resultKey } from '../../../../src/domain/checks/CheckResult.ts';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import type { LabelRegion } from '../../../../src/domain/checks/CheckContext.ts';
import { createCheckContext } from '../../../../src/domain/checks/createCheckContext.ts';
import type { FrameAnalysis } from '../../../../src/domain/checks/frame/FrameAnalysis.ts';
import { runChecks } from '../../../../src/domain/checks/runChecks.ts';
import type { Cuboid, Vec3 } from '../../../../src/domain/types.ts';

export const DEFECTS = ['shifted', 'shrunk', 'grown', 'rotated', 'duplicated', 'deleted', 'wrongClass'] as const;
export type Defect = (typeof DEFECTS)[number];

const PEOPLE = new Set(['Pedestrian', 'Cyclist', 'Person_sitting']);

/** The frame's boxes with box `index` broken by `defect`; `ids` are the boxes the defect is on. */
export function applyDefect(boxes: readonly Cuboid[], index: number, defect: Defect, seed: number): { boxes: Cuboid[]; ids: string[]; removed: Cuboid | null } {
  const b = boxes[index];
  const out = boxes.slice();
  const scale = (k: number): Vec3 => [b.size[0] * k, b.size[1] * k, b.size[2] * k];
  switch (defect) {
    case 'shifted': {
      // 1.5 m in a seeded horizontal direction.
      const a = ((seed * 2654435761) % 360) * (Math.PI / 180);
      out[index] = { ...b, center: [b.center[0] + 1.5 * Math.cos(a), b.center[1] + 1.5 * Math.sin(a), b.center[2]] };
      return { boxes: out, ids: [b.id], removed: null };
    }
    case 'shrunk':
      out[index] = { ...b, size: scale(0.5) };
      return { boxes: out, ids: [b.id], removed: null };
    case 'grown':
      out[index] = { ...b, size: scale(2) };
      return { boxes: out, ids: [b.id], removed: null };
    case 'rotated':
      out[index] = { ...b, yaw: b.yaw + Math.PI / 2 };
      return { boxes: out, ids: [b.id], removed: null };
    case 'duplicated': {
      const copy: Cuboid = { ...b, id: `${b.id}-dup`, center: [b.center[0] + 0.1, b.center[1] - 0.05, b.center[2]] };
      out.splice(index + 1, 0, copy);
      return { boxes: out, ids: [b.id, copy.id], removed: null };
    }
    case 'deleted':
      out.splice(index, 1);
      return { boxes: out, ids: [], removed: b };
    case 'wrongClass':
      out[index] = { ...b, label: PEOPLE.has(b.label) ? 'Car' : 'Pedestrian' };
      return { boxes: out, ids: [b.id], removed: null };
  }
}

/** Whether a result flags the defect: on a defective box, or (deleted) a cluster where the box was. */
export function flagsDefect(r: CheckResult, ids: string[], removed: Cuboid | null): boolean {
  if (r.cuboidId !== null && ids.includes(r.cuboidId)) return true;
  if (removed !== null && r.location !== null) {
    const reach = Math.max(removed.size[0], removed.size[1]) / 2 + 1;
    return Math.hypot(r.location[0] - removed.center[0], r.location[1] - removed.center[1]) <= reach;
  }
  return false;
}

export interface DefectScore {
  /** Per defect: [caught as an error, caught as an error or warning, trials]. */
  byDefect: Record<Defect, [number, number, number]>;
  /** Clean boxes, and those with at least one error / warning on the clean frame. */
  cleanBoxes: number;
  cleanErrors: number;
  cleanWarnings: number;
  /** In the defect runs: untouched boxes given a new error not caused by the defect, over all untouched boxes. */
  collateralErrors: number;
  collateralBoxes: number;
  /** Which rules caught which defect (counts). */
  caughtBy: Record<Defect, Record<string, number>>;
}

export interface DefectFrame {
  id: string;
  positions: Float32Array;
  boxes: Cuboid[];
  analysis: FrameAnalysis;
  labelRegion?: LabelRegion;
}

const run = (f: DefectFrame, boxes: readonly Cuboid[]): CheckResult[] =>
  runChecks(createCheckContext({ frameId: f.id, positions: f.positions, cuboids: boxes, analysis: f.analysis, labelRegion: f.labelRegion }));

/** Applies every defect to every box of every frame and scores the checks. */
export function scoreDefects(frames: readonly DefectFrame[], debug?: (frameId: string, box: Cuboid, defect: Defect, hits: CheckResult[]) => void): DefectScore {
  const score: DefectScore = {
    byDefect: Object.fromEntries(DEFECTS.map((d) => [d, [0, 0, 0]])) as DefectScore['byDefect'],
    cleanBoxes: 0,
    cleanErrors: 0,
    cleanWarnings: 0,
    collateralErrors: 0,
    collateralBoxes: 0,
    caughtBy: Object.fromEntries(DEFECTS.map((d) => [d, {}])) as DefectScore['caughtBy'],
  };
  frames.forEach((f, fi) => {
    const clean = run(f, f.boxes);
    score.cleanBoxes += f.boxes.length;
    const errorBoxes = new Set(clean.filter((r) => r.severity === 'error').map((r) => r.cuboidId));
    const warnBoxes = new Set(clean.filter((r) => r.severity !== 'info' && r.cuboidId !== null).map((r) => r.cuboidId));
    score.cleanErrors += f.boxes.filter((b) => errorBoxes.has(b.id)).length;
    score.cleanWarnings += f.boxes.filter((b) => warnBoxes.has(b.id)).length;
    // Results the clean frame already has (a duplicate's copy counts as the original box).
    const keyOf = (r: CheckResult) => resultKey({ ...r, cuboidId: r.cuboidId?.replace(/-dup$/, '') ?? null, otherCuboidId: undefined });
    const cleanKeys = new Set(clean.map(keyOf));
    f.boxes.forEach((_, i) => {
      DEFECTS.forEach((defect, di) => {
        const { boxes, ids, removed } = applyDefect(f.boxes, i, defect, fi * 1000 + i * 10 + di);
        const results = run(f, boxes);
        // A result counts only when the clean frame did not already have it on that box.
        const hits = results.filter((r) => r.severity !== 'info' && flagsDefect(r, ids, removed) && !cleanKeys.has(keyOf(r)));
        if (debug) debug(f.id, f.boxes[i], defect, hits);
        const tally = score.byDefect[defect];
        tally[2]++;
        if (hits.some((r) => r.severity === 'error')) tally[0]++;
        if (hits.length > 0) tally[1]++;
        for (const id of new Set(hits.map((r) => r.ruleId))) score.caughtBy[defect][id] = (score.caughtBy[defect][id] ?? 0) + 1;
        const touched = new Set([...ids, f.boxes[i].id]);
        const untouched = boxes.filter((b) => !touched.has(b.id));
        score.collateralBoxes += untouched.length;
        const collateral = new Set(
          results
            .filter((r) => r.severity === 'error' && r.cuboidId !== null && !touched.has(r.cuboidId))
            .filter((r) => r.otherCuboidId === undefined || !touched.has(r.otherCuboidId))
            .filter((r) => !cleanKeys.has(keyOf(r)))
            .map((r) => r.cuboidId),
        );
        score.collateralErrors += collateral.size;
      });
    });
  });
  return score;
}

/** The score as a printable table. */
export function formatScore(title: string, s: DefectScore): string {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(0)} %`);
  const lines = [`${title}`, 'defect       errors   errors+warnings   trials   caught by'];
  let e = 0;
  let w = 0;
  let n = 0;
  for (const d of DEFECTS) {
    const [de, dw, dn] = s.byDefect[d];
    e += de;
    w += dw;
    n += dn;
    const by = Object.entries(s.caughtBy[d])
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`${d.padEnd(12)} ${pct(de, dn).padStart(6)}   ${pct(dw, dn).padStart(15)}   ${String(dn).padStart(6)}   ${by}`);
  }
  lines.push(`${'all'.padEnd(12)} ${pct(e, n).padStart(6)}   ${pct(w, n).padStart(15)}   ${String(n).padStart(6)}`);
  lines.push(
    `clean boxes with an error: ${s.cleanErrors}/${s.cleanBoxes} (${pct(s.cleanErrors, s.cleanBoxes)}), with a warning: ${s.cleanWarnings}/${s.cleanBoxes}`,
  );
  lines.push(`untouched boxes newly given an error in defect runs: ${s.collateralErrors}/${s.collateralBoxes} (${pct(s.collateralErrors, s.collateralBoxes)})`);
  return lines.join('\n');
}

/** Overall recall (errors or warnings, and errors only) over all defects. */
export function recall(s: DefectScore): { any: number; errors: number } {
  let e = 0;
  let w = 0;
  let n = 0;
  for (const d of DEFECTS) {
    e += s.byDefect[d][0];
    w += s.byDefect[d][1];
    n += s.byDefect[d][2];
  }
  return { any: w / n, errors: e / n };
}
