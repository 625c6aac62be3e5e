/**
 * Points in boxes: `pointsInCuboids` (grid index) against the naive every-point × every-box loop,
 * on a synthetic street scan with boxes placed like labelled objects.
 * Ratio = naive / ours. "incl. grid" builds the grid inside the timed call (first query on a
 * frame); "prebuilt grid" reuses one grid (every later query on the same frame).
 */
import { buildPointGrid } from '../../src/domain/geometry/PointGrid.ts';
import { pointsInCuboids } from '../../src/domain/geometry/pointsInCuboids.ts';
import { formatRatio } from './BenchReport.ts';
import type { BenchReport } from './BenchReport.ts';
import { measure, measureAll } from './measure.ts';
import { naivePointsInCuboids } from './naivePointsInCuboids.ts';
import { syntheticCloud, syntheticStreetBoxes } from './syntheticCloud.ts';

const SIZES = [120_000, 1_000_000];
const BOX_COUNTS = [50, 200];

function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

function sameCounts(a: Uint32Array, b: Uint32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export async function run(report: BenchReport): Promise<void> {
  const table = report.table({
    title: 'Points in boxes',
    reference: 'naive loop, every point × every box',
    columns: ['ratio (min)', 'grid build', 'in boxes', 'non-empty', 'check'],
    nameWidth: 36,
  });
  const allBoxes = syntheticStreetBoxes(Math.max(...BOX_COUNTS));
  for (const n of SIZES) {
    const positions = syntheticCloud(n).positions;
    const runs = n >= 1_000_000 ? 7 : 9;
    const grid = measure(() => buildPointGrid(positions), { runs });
    for (const k of BOX_COUNTS) {
      const boxes = allBoxes.slice(0, k);
      const { naive, full, pre } = measureAll(
        {
          naive: () => naivePointsInCuboids(positions, boxes),
          full: () => pointsInCuboids(positions, boxes),
          pre: () => pointsInCuboids(positions, boxes, { grid: grid.result }),
        },
        { runs },
      );
      const ok = sameCounts(naive.result, full.result.counts) && sameCounts(naive.result, pre.result.counts);
      const total = naive.result.reduce((s, v) => s + v, 0);
      const nonEmpty = naive.result.reduce((s, v) => s + (v > 0 ? 1 : 0), 0);
      const extra = { 'in boxes': total, 'non-empty': `${nonEmpty}/${k}`, check: ok ? '✓' : '✗ counts differ' };
      table.row(`${label(n)} pts × ${k} boxes, incl. grid`, full.medianMs, naive.medianMs, {
        'ratio (min)': formatRatio(naive.minMs / full.minMs),
        'grid build': `${grid.medianMs.toFixed(1)} ms`,
        ...extra,
      });
      table.row(`${label(n)} pts × ${k} boxes, prebuilt grid`, pre.medianMs, naive.medianMs, {
        'ratio (min)': formatRatio(naive.minMs / pre.minMs),
        ...extra,
      });
      if (!ok) table.note(`✗ ${label(n)} × ${k}: pointsInCuboids counts differ from the naive loop`);
    }
  }
  table.note('ratio = naive / ours from medians; ratio (min) from the fastest runs. Ours returns indices too, the naive loop only counts.');
  table.note('Counts from both are compared box by box (✓ = identical). grid build = buildPointGrid alone.');
}
