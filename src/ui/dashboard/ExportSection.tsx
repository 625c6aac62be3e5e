import type { ExportScope } from '../../services/metricsQueries.ts';

export interface ExportSectionProps {
  /** The download link of each scope. */
  hrefFor: (scope: ExportScope) => string;
}

/** Leads' download of the labelled dataset as a KITTI training zip, accepted frames or all. */
export function ExportSection({ hrefFor }: ExportSectionProps) {
  return (
    <section className="metrics-export" aria-label="Export for training" data-testid="metrics-export">
      <h3>Export for training</h3>
      <p className="muted">
        A zip in the KITTI layout: <code>training/</code> with <code>velodyne</code> (point clouds as <code>.bin</code>), <code>calib</code>,{' '}
        <code>label_2</code> and <code>image_2</code> where a frame has an image, plus <code>ImageSets/train.txt</code> and <code>val.txt</code> (an
        80/20 split).
      </p>
      <div className="metrics-export-links">
        <a className="primary" href={hrefFor('accepted')} download data-testid="export-accepted">
          Accepted frames only
        </a>
        <span className="muted">recommended: only frames a reviewer accepted</span>
        <a href={hrefFor('all')} download data-testid="export-all">
          All frames
        </a>
        <span className="muted">includes unreviewed and rejected work</span>
      </div>
    </section>
  );
}
