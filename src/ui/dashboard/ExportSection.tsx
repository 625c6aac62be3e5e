import { useState } from 'react';
import { EXPORT_FORMATS, FORMAT_TITLES, type ExportFormat } from '../../domain/formats/LabelFormats.ts';
import type { ExportScope } from '../../services/metricsQueries.ts';

export interface ExportSectionProps {
  /** The download link of each scope. */
  hrefFor: (scope: ExportScope) => string;
}

/** Leads' download of the labelled dataset as a KITTI training zip, accepted frames or all. */
export function ExportSection({ hrefFor }: ExportSectionProps) {
  const [format, setFormat] = useState<ExportFormat>('kitti');
  /** The scope's link with the chosen label format (the server's `format` query; KITTI when absent). */
  const href = (scope: ExportScope): string => {
    const base = hrefFor(scope);
    return format === 'kitti' ? base : `${base}${base.includes('?') ? '&' : '?'}format=${format}`;
  };
  return (
    <section className="metrics-export" aria-label="Export for training" data-testid="metrics-export">
      <h3>Export for training</h3>
      <p className="muted">
        A zip in the KITTI layout: <code>training/</code> with <code>velodyne</code> (point clouds as <code>.bin</code>), <code>calib</code>,{' '}
        <code>label_2</code> and <code>image_2</code> where a frame has an image, plus <code>ImageSets/train.txt</code> and <code>val.txt</code> (an 80/20
        split).
      </p>
      <label className="metrics-export-format">
        Format{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_TITLES[f]}
            </option>
          ))}
        </select>
      </label>
      <div className="metrics-export-links">
        <a className="primary" href={href('accepted')} download data-testid="export-accepted">
          Accepted frames only
        </a>
        <span className="muted">recommended: only frames a reviewer accepted</span>
        <a href={href('all')} download data-testid="export-all">
          All frames
        </a>
        <span className="muted">includes unreviewed and rejected work</span>
      </div>
    </section>
  );
}
