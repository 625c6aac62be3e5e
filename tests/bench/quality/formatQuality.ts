/**
 * Text tables of the quality bench: one compact block per profile (or real dataset) and a
 * summary of the key figures against the targets.
 */
import { DEFECT_IDS, EXCLUDED_REASON } from './defects.ts';
import { BUCKETS, CLICKS, figures, mean, median, MIN_RETURNS } from './QualityTally.ts';
import type { Bucket, QualityFigures, QualityTally } from './QualityTally.ts';

/** The targets (objects with ≥ 10 returns). */
export const TARGETS = {
  recallAny: 0.95,
  recallError: 0.8,
  cleanError: 0.02,
  cleanWarning: 0.05,
  falseMissedPerFrame: 0.5,
  carMedianBev: 0.9,
  carMean3d: 0.75,
  carMedianHeading: 2,
  carBackwards: 0.1,
  personMedianBev: 0.6,
} as const;

/** A share as a percentage: one decimal under 10 % (so 2.4 % is not shown as a passing 2 %). */
const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(Math.abs(v) < 0.1 && v !== 0 ? 1 : 0)} %` : '—');
const num = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const ratio = (a: number, n: number): number => (n === 0 ? NaN : a / n);
/** A figure with ✗ when it misses its target (nothing when it meets it or was not measured). */
const mark = (text: string, ok: boolean | null): string => (ok === false ? `${text} ✗` : text);
const atLeast = (v: number, t: number): boolean | null => (Number.isFinite(v) ? v >= t : null);
const atMost = (v: number, t: number): boolean | null => (Number.isFinite(v) ? v <= t : null);

function table(header: string[], rows: string[][], firstWidth: number): string[] {
  const widths = header.map((h, i) => Math.max(i === 0 ? firstWidth : 0, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const BUCKET_NAME: Record<Bucket, string> = { ge10: `≥${MIN_RETURNS} returns`, all: 'all boxes' };

/** The block of one tally: recall per defect, false flags, false missed objects, fit quality. */
export function formatTally(t: QualityTally, title: string): string {
  const out: string[] = [`\n### ${title}`];
  const ge = t.buckets.ge10;
  const all = t.buckets.all;
  out.push(
    `${t.frames} frames, ${all.cleanBoxes} boxes (${ge.cleanBoxes} with ≥${MIN_RETURNS} returns); ` +
      `time: frames ${(t.ms.frames / 1000).toFixed(1)} s, checks ${(t.ms.checks / 1000).toFixed(1)} s, fits ${(t.ms.fits / 1000).toFixed(1)} s`,
  );
  const rows = DEFECT_IDS.map((d) => {
    const g = ge.defects[d];
    const a = all.defects[d];
    const by = Object.entries(g.rules)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    return [
      d,
      mark(pct(ratio(g.error, g.n)), atLeast(ratio(g.error, g.n), TARGETS.recallError)),
      mark(pct(ratio(g.any, g.n)), atLeast(ratio(g.any, g.n), TARGETS.recallAny)),
      pct(ratio(a.error, a.n)),
      pct(ratio(a.any, a.n)),
      String(g.n),
      by,
    ];
  });
  rows.push(['target', `≥${pct(TARGETS.recallError)}`, `≥${pct(TARGETS.recallAny)}`, '', '', '', '']);
  out.push(...table(['recall', '≥10 err', '≥10 err+warn', 'all err', 'all err+warn', 'trials≥10', 'caught by (≥10, top 3)'], rows, 12));
  if (t.sequenceFrames > 0) out.push(sequenceLine(t));
  for (const bucket of BUCKETS) {
    const b = t.buckets[bucket];
    const rules = Object.entries(b.cleanRules)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 4)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    const e = ratio(b.cleanError, b.cleanBoxes);
    const w = ratio(b.cleanWarning, b.cleanBoxes);
    out.push(
      `clean boxes flagged (${BUCKET_NAME[bucket]}): error ${bucket === 'ge10' ? mark(pct(e), atMost(e, TARGETS.cleanError)) : pct(e)}, ` +
        `warning ${bucket === 'ge10' ? mark(pct(w), atMost(w, TARGETS.cleanWarning)) : pct(w)}${rules ? `  [${rules}]` : ''}`,
    );
  }
  const del = t.buckets.ge10.defects.delete;
  if (del.any > 0) {
    out.push(
      `deleted objects found (≥10 returns): the finding suggests the deleted box's class for ${del.classRight ?? 0} of ${del.any} (${pct(ratio(del.classRight ?? 0, del.any))})`,
    );
  }
  const fmPerFrame = ratio(t.falseMissed.error + t.falseMissed.warning, t.frames);
  out.push(
    `false missed objects per clean frame: warnings+errors ${mark(num(fmPerFrame), atMost(fmPerFrame, TARGETS.falseMissedPerFrame))} ` +
      `(target ≤${TARGETS.falseMissedPerFrame}), infos ${num(ratio(t.falseMissed.info, t.frames))}`,
  );
  for (const bucket of BUCKETS) {
    const b = t.buckets[bucket];
    const labels = Object.keys(b.fits).sort((x, y) => order(x) - order(y));
    const fitRows: string[][] = [];
    for (const label of labels) {
      for (const click of CLICKS) {
        const s = b.fits[label][click];
        fitRows.push([
          `${label} ${click}`,
          String(s.n),
          String(s.misses),
          num(median(s.bev)),
          num(mean(s.bev)),
          num(mean(s.iou3d)),
          num(median(s.headingDeg), 1),
          pct(ratio(s.backwards, s.headingDeg.length)),
        ]);
      }
    }
    out.push(`fit (${BUCKET_NAME[bucket]}; IoU 0 when the fit finds nothing; heading error mod 180°, backwards = >90° off):`);
    out.push(...table(['class click', 'n', 'no fit', 'med BEV', 'mean BEV', 'mean 3D', 'med head°', 'backw'], fitRows, 18).map((l) => `  ${l}`));
  }
  return out.join('\n');
}

/** The defects tried with the frames around given to the checks, the clean boxes then, and the clean frames' track findings. */
function sequenceLine(t: QualityTally): string {
  const g = t.buckets.ge10;
  const cells = DEFECT_IDS.map((d) => {
    const c = g.inSequence[d];
    return c.n === 0 ? `${d} —` : `${d} ${Math.round((100 * c.any) / c.n)}/${Math.round((100 * c.error) / c.n)}`;
  });
  const e = ratio(g.sequenceClean.error, g.sequenceClean.boxes);
  const w = ratio(g.sequenceClean.warning, g.sequenceClean.boxes);
  const track = ratio(t.falseTrack.error + t.falseTrack.warning, t.sequenceFrames);
  return (
    `in a sequence (${t.sequenceFrames} frames; the frames before and after boxed and given to the checks), ≥10 returns e+w/err %: ${cells.join(', ')}; ` +
    `clean boxes flagged: error ${mark(pct(e), atMost(e, TARGETS.cleanError))}, warning ${mark(pct(w), atMost(w, TARGETS.cleanWarning))}; ` +
    `track findings (gap, off track) warnings+errors per clean frame ${num(track)}, infos ${num(ratio(t.falseTrack.info, t.sequenceFrames))}`
  );
}

const CLASS_ORDER = ['Car', 'Van', 'Truck', 'Pedestrian', 'Person_sitting', 'Cyclist', 'Tram', 'Misc'];
function order(label: string): number {
  const i = CLASS_ORDER.indexOf(label);
  return i < 0 ? CLASS_ORDER.length : i;
}

/** One summary row's cells from figures (≥ 10 returns). */
function summaryCells(name: string, f: QualityFigures): string[] {
  return [
    name,
    String(f.frames),
    String(f.boxes),
    mark(`${pct(f.minRecallAny)} ${f.minRecallAnyDefect}`, atLeast(f.minRecallAny, TARGETS.recallAny)),
    mark(`${pct(f.minRecallError)} ${f.minRecallErrorDefect}`, atLeast(f.minRecallError, TARGETS.recallError)),
    mark(pct(f.cleanErrorShare), atMost(f.cleanErrorShare, TARGETS.cleanError)),
    mark(pct(f.cleanWarningShare), atMost(f.cleanWarningShare, TARGETS.cleanWarning)),
    mark(num(f.falseMissedPerFrame), atMost(f.falseMissedPerFrame, TARGETS.falseMissedPerFrame)),
    num(f.falseMissedInfoPerFrame),
    mark(num(f.carMedianBev), atLeast(f.carMedianBev, TARGETS.carMedianBev)),
    mark(num(f.carMean3d), atLeast(f.carMean3d, TARGETS.carMean3d)),
    mark(num(f.carMedianHeading, 1), atMost(f.carMedianHeading, TARGETS.carMedianHeading)),
    mark(pct(f.carBackwards), atMost(f.carBackwards, TARGETS.carBackwards)),
    mark(num(f.pedMedianBev), atLeast(f.pedMedianBev, TARGETS.personMedianBev)),
    mark(num(f.cycMedianBev), atLeast(f.cycMedianBev, TARGETS.personMedianBev)),
  ];
}

/** The summary table: one row per tally, objects with ≥ 10 returns, fits clicked at a random object point. */
export function formatSummary(rows: { name: string; tally: QualityTally }[]): string {
  const header = [
    'profile',
    'frames',
    'boxes≥10',
    'min recall e+w',
    'min recall err',
    'clean err',
    'clean warn',
    'false missed/fr',
    'info/fr',
    'car medBEV',
    'car mean3D',
    'car medHead°',
    'car backw',
    'ped medBEV',
    'cyc medBEV',
  ];
  const target = [
    'target',
    '',
    '',
    `≥${pct(TARGETS.recallAny)}`,
    `≥${pct(TARGETS.recallError)}`,
    `≤${pct(TARGETS.cleanError)}`,
    `≤${pct(TARGETS.cleanWarning)}`,
    `≤${TARGETS.falseMissedPerFrame}`,
    '',
    `≥${TARGETS.carMedianBev}`,
    `≥${TARGETS.carMean3d}`,
    `≤${TARGETS.carMedianHeading}`,
    `≤${pct(TARGETS.carBackwards)}`,
    `≥${TARGETS.personMedianBev}`,
    `≥${TARGETS.personMedianBev}`,
  ];
  const body = rows.map((r) => summaryCells(r.name, figures(r.tally, 'ge10')));
  const recallRows = rows.map((r) => [
    r.name,
    ...DEFECT_IDS.map((d) => {
      const c = r.tally.buckets.ge10.defects[d];
      if (c.n === 0) return '—';
      const any = c.any / c.n;
      const err = c.error / c.n;
      const miss = any < TARGETS.recallAny || err < TARGETS.recallError;
      return `${Math.round(100 * any)}/${Math.round(100 * err)}${miss ? ' ✗' : ''}`;
    }),
  ]);
  return [
    '\n## Summary — objects with ≥10 returns; recall = lowest over the 10 defect types (and which); fits clicked at a random object point; ✗ = misses the target',
    ...table(header, [target, ...body], 22),
    `\n## Recall per defect, objects with ≥10 returns: errors-or-warnings/errors-only in % (targets ≥${100 * TARGETS.recallAny}/≥${100 * TARGETS.recallError})`,
    ...table(['profile', ...DEFECT_IDS], recallRows, 22),
    `\n## In a sequence: the same defects with the frames before and after (boxed as the truth has them) given to the checks; objects with ≥10 returns, e+w/err % (targets ≥${100 * TARGETS.recallAny}/≥${100 * TARGETS.recallError}), clean boxes flagged (error / warning), track findings per clean frame`,
    ...table(
      ['profile', ...DEFECT_IDS, 'clean err/warn', 'track/fr'],
      rows.map((r) => {
        const g = r.tally.buckets.ge10;
        if (r.tally.sequenceFrames === 0) return [r.name, ...DEFECT_IDS.map(() => '—'), '—', '—'];
        return [
          r.name,
          ...DEFECT_IDS.map((d) => {
            const c = g.inSequence[d];
            if (c.n === 0) return '—';
            const any = c.any / c.n;
            const err = c.error / c.n;
            return `${Math.round(100 * any)}/${Math.round(100 * err)}${any < TARGETS.recallAny || err < TARGETS.recallError ? ' ✗' : ''}`;
          }),
          `${pct(ratio(g.sequenceClean.error, g.sequenceClean.boxes))} / ${pct(ratio(g.sequenceClean.warning, g.sequenceClean.boxes))}`,
          num(ratio(r.tally.falseTrack.error + r.tally.falseTrack.warning, r.tally.sequenceFrames)),
        ];
      }),
      22,
    ),
    `\nLeft out of the recall above: ${EXCLUDED_REASON}. Their figures (≥10 returns, e+w/err, trials):`,
    ...rows.map((r) => {
      const parts = Object.entries(r.tally.buckets.ge10.excluded).map(
        ([d, c]) => `${d} ${Math.round((100 * c.any) / Math.max(1, c.n))}/${Math.round((100 * c.error) / Math.max(1, c.n))} % of ${c.n}`,
      );
      return `  ${r.name}: ${parts.length > 0 ? parts.join(', ') : 'none'}`;
    }),
  ].join('\n');
}
