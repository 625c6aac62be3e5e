import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../../src/domain/metrics/computeMetrics.ts';
import type { MetricsEvent } from '../../../../src/domain/metrics/MetricsReport.ts';
import { ExportSection } from '../../../../src/ui/dashboard/ExportSection.tsx';
import { exportZipHref } from '../../../../src/services/metricsQueries.ts';
import { MetricsCharts } from '../../../../src/ui/dashboard/MetricsCharts.tsx';

const save = (at: string, user: string, added: number): MetricsEvent => ({
  at,
  user,
  action: 'save',
  frameId: 'F1',
  detail: { added: { manual: added, fit: 0 } },
});

describe('export links', () => {
  it('offers accepted frames (as .bin) first, then every frame', () => {
    expect(exportZipHref('accepted')).toBe('/api/export.zip?status=accepted&bin=1');
    expect(exportZipHref('all')).toBe('/api/export.zip?bin=1');
    const html = renderToStaticMarkup(<ExportSection hrefFor={exportZipHref} />);
    expect(html.indexOf('Accepted frames only')).toBeLessThan(html.indexOf('All frames'));
    expect(html).toContain('href="/api/export.zip?status=accepted&amp;bin=1"');
    expect(html).toContain('ImageSets/train.txt');
  });
});

describe('metrics charts on a single day', () => {
  it('show the numbers as a table instead of one dot', () => {
    // Ten minutes of saves on one day: a real per-hour rate.
    const events = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => save(`2024-05-01T09:${String(m).padStart(2, '0')}:00Z`, 'ann', 1));
    const report = computeMetrics(events);
    const html = renderToStaticMarkup(<MetricsCharts daily={report.daily} />);
    expect(html).toContain('data-testid="single-day-boxes-per-hour"');
    expect(html).toContain('Only one day in this range: 2024-05-01');
    expect(html).toMatch(/ann<\/td><td>\d+\.\d<\/td>/);
  });
});
