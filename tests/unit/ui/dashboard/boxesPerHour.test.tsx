import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../../src/domain/metrics/computeMetrics.ts';
import type { MetricsEvent } from '../../../../src/domain/metrics/MetricsReport.ts';
import { formatBoxesPerHour } from '../../../../src/ui/dashboard/formatMetrics.ts';
import { MetricsTable } from '../../../../src/ui/dashboard/MetricsTable.tsx';

const ev = (at: string, user: string, added: number): MetricsEvent => ({
  at,
  user,
  action: 'save',
  frameId: 'F1',
  detail: { added: { manual: added, fit: 0 } },
});

describe('boxes per hour', () => {
  it('shows a dash, not a rate, under a minute of active time', () => {
    expect(formatBoxesPerHour({ activeMs: 6_000, boxesPerHour: 1277 })).toBe('—');
    expect(formatBoxesPerHour({ activeMs: 59_999, boxesPerHour: 60 })).toBe('—');
    expect(formatBoxesPerHour({ activeMs: 60_000, boxesPerHour: 60 })).toBe('60.0');
    expect(formatBoxesPerHour({ activeMs: 120_000, boxesPerHour: null })).toBe('–');
  });

  it('the table explains the dash in the cell tooltip', () => {
    // 6 s between two saves: 2 boxes in 6 active seconds.
    const report = computeMetrics([ev('2024-05-01T09:00:00Z', 'ann', 1), ev('2024-05-01T09:00:06Z', 'ann', 1)]);
    const html = renderToStaticMarkup(<MetricsTable rows={report.users} total={report.total} />);
    expect(html).toContain('title="Too little active time (under 1 min) for a per-hour rate">—</td>');
    expect(html).not.toMatch(/>1200\.0</);
  });
});
