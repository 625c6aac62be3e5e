import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../../src/domain/metrics/computeMetrics.ts';
import type { MetricsEvent } from '../../../../src/domain/metrics/MetricsReport.ts';
import { formatDuration, formatPercent } from '../../../../src/ui/dashboard/formatMetrics.ts';
import { pivotDaily } from '../../../../src/ui/dashboard/MetricsCharts.tsx';
import { MetricsTable } from '../../../../src/ui/dashboard/MetricsTable.tsx';

const ev = (at: string, user: string, action: string, detail: Record<string, unknown> = {}): MetricsEvent => ({ at, user, action, frameId: 'F1', detail });
const report = computeMetrics([
  ev('2024-05-01T09:00:00Z', 'alice', 'save', { added: { manual: 1, fit: 3 } }),
  ev('2024-05-01T09:04:00Z', 'alice', 'save', { added: { manual: 0, fit: 2 } }),
  ev('2024-05-02T09:00:00Z', 'bob', 'save', { added: { manual: 2, fit: 0 } }),
  ev('2024-05-02T09:02:00Z', 'bob', 'save', { added: { manual: 1, fit: 0 } }),
  ev('2024-05-02T09:03:00Z', 'bob', 'submit', { boxCount: 3 }),
  ev('2024-05-02T09:05:00Z', 'rita', 'flag_add', { annotator: 'bob' }),
]);

describe('metrics dashboard pieces', () => {
  it('the table shows one row per user and the total, with units', () => {
    const html = renderToStaticMarkup(<MetricsTable rows={report.users} total={report.total} />);
    expect(html.match(/data-testid="metrics-row"/g)).toHaveLength(3);
    expect(html).toContain('data-user="alice"');
    // alice: 6 boxes (5 by fit) in 4 active minutes = 90 boxes/h.
    expect(html).toMatch(
      /<td>alice<\/td><td class="muted">–<\/td><td>4\.0 min<\/td><td>1<\/td><td>4\.0 min<\/td><td>6<\/td><td>0<\/td><td>83 %<\/td><td>40 s<\/td><td>90\.0<\/td>/,
    );
    expect(html).toContain('data-testid="metrics-total"');
    expect(renderToStaticMarkup(<MetricsTable rows={[]} total={report.total} />)).toContain('No activity');
  });

  it("shows correction work (Changed) and each user's role, annotators first and the lead apart", () => {
    const fixes = computeMetrics([
      ev('2024-05-03T09:00:00Z', 'lea', 'accept', { annotator: 'cora' }),
      ev('2024-05-03T09:00:00Z', 'cora', 'save', { added: { manual: 0, fit: 0 }, changed: 7, removed: 2 }),
      ev('2024-05-03T09:02:00Z', 'cora', 'save', { added: { manual: 0, fit: 0 }, changed: 3, removed: 0 }),
    ]);
    const html = renderToStaticMarkup(<MetricsTable rows={fixes.users} total={fixes.total} roles={{ cora: 'annotator', lea: 'lead' }} />);
    expect(html).toContain(
      '<th title="Existing boxes (imported pre-labels or earlier work) moved, resized, turned or relabelled; removed in brackets">Changed</th>',
    );
    expect(html).toMatch(
      /data-user="cora" data-role="annotator"><td>cora<\/td><td class="muted">annotator<\/td><td>2\.0 min<\/td><td>1<\/td><td>2\.0 min<\/td><td>0<\/td><td>10 \(2 removed\)<\/td>/,
    );
    expect(html.indexOf('data-user="cora"')).toBeLessThan(html.indexOf('data-user="lea"'));
    expect(html).toContain('data-user="lea" data-role="lead"><td>lea</td><td class="muted">lead</td>');
  });

  it('pivots daily rows into one chart row per day with a value per user (gaps stay gaps)', () => {
    const { data, users } = pivotDaily(report.daily, (r) => r.boxesPerHour);
    expect(users).toEqual(['alice', 'bob', 'rita']);
    expect(data).toEqual([
      { day: '2024-05-01', alice: 90 },
      { day: '2024-05-02', bob: 60, rita: null },
    ]);
    // bob: 1 flag on the 3 boxes he submitted.
    const rework = pivotDaily(report.daily, (r) => r.flagsPer100Boxes);
    expect(rework.data[1]).toEqual({ day: '2024-05-02', bob: 33.33, rita: null });
  });

  it('formats durations and shares', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(750_000)).toBe('12.5 min');
    expect(formatDuration(3_600_000 * 3 + 5 * 60_000)).toBe('3 h 05 min');
    expect(formatDuration(null)).toBe('–');
    expect(formatPercent(0.625)).toBe('62.5 %');
  });
});
