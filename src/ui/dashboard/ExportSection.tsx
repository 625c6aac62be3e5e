import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { JobStatusReply } from '../../domain/api/jobSchemas.ts';
import { EXPORT_FORMATS, FORMAT_TITLES, type ExportFormat } from '../../domain/formats/LabelFormats.ts';
import type { ExportScope } from '../../services/metricsQueries.ts';

export interface ExportSectionProps {
  /** The download link of each scope. */
  hrefFor: (scope: ExportScope) => string;
  /**
   * Runs the export as a background job (`services/exportJob.ts`): reports each state and resolves
   * with the zip's download URL. Absent: the links download directly (`GET /api/export.zip`).
   */
  runJob?: (href: string, onStatus: (status: JobStatusReply) => void, signal: AbortSignal) => Promise<string>;
}

/** What the section shows of the running export job. */
export type JobView =
  | { phase: 'starting' | 'queued' | 'running'; progress: number }
  | { phase: 'done'; url: string; fileName: string; frames?: number; skipped?: number; skippedFrames?: SkippedFrameView[] }
  | { phase: 'failed'; message: string };

/** Leads' download of the labelled dataset as a KITTI training zip, accepted frames or all. */
/** What the zip holds, per format (the same files as `cuboid export --format`, see the README). */
const EXPORT_DESCRIPTIONS: Record<ExportFormat, string> = {
  kitti:
    'A zip in the KITTI layout: training/ with velodyne (point clouds as .bin), calib, label_2 and image_2 where a frame has an image, plus ImageSets/train.txt and val.txt (80/20, whole sequences on one side, or a single drive split in time, so that no val frame has a near copy in train); nuScenes categories become KITTI classes (vehicle.car → Car).',
  'kitti-tracking':
    'A zip in the KITTI tracking layout: training/label_02/SEQ.txt (one line per box with its track id), calib/SEQ.txt, velodyne/SEQ/ and image_02/SEQ/; a frame whose calib differs starts a new sequence.',
  nuscenes:
    'A zip with nuScenes tables (v1.0-cuboid/*.json: samples, ego poses, instances per track, annotations), samples/LIDAR_TOP/*.pcd.bin and an empty map mask (maps/); boxes in the global frame when the dataset has ego poses; KITTI classes become nuScenes categories (Car → vehicle.car).',
  openlabel: 'One ASAM OpenLABEL 1.0.0 file (openlabel.json): one object per track, cuboids in the LIDAR_TOP frame, per-frame poses when the dataset has them.',
  openpcdet:
    'A zip for an OpenPCDet custom dataset: points/ID.npy (float32, N × 4), labels/ID.txt (x y z dx dy dz heading class) and ImageSets/train.txt and val.txt (80/20, sequences kept together).',
  mmdet3d:
    'A zip for an mmdetection3d custom dataset: points/ID.bin, labels/ID.txt, ImageSets/, and custom_infos_train.json / _val.json (mmengine annotation files; point ann_file at them).',
};

export function ExportSection({ hrefFor, runJob }: ExportSectionProps) {
  const [format, setFormat] = useState<ExportFormat>('kitti');
  const [job, setJob] = useState<JobView | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  /** With a job runner, a link starts the export job and the section shows its progress; the zip downloads when done. */
  const start = (e: MouseEvent<HTMLAnchorElement>): void => {
    if (runJob === undefined) return;
    e.preventDefault();
    if (job !== null && (job.phase === 'starting' || job.phase === 'queued' || job.phase === 'running')) return;
    const abort = new AbortController();
    running.current = abort;
    setJob({ phase: 'starting', progress: 0 });
    let fileName = 'export.zip';
    let counts: { frames?: number; skipped?: number; skippedFrames?: SkippedFrameView[] } = {};
    runJob(
      e.currentTarget.getAttribute('href') ?? '',
      (s) => {
        const name = (s.result as { fileName?: unknown } | undefined)?.fileName;
        if (typeof name === 'string') fileName = name;
        const { frames, skipped, skippedFrames } = (s.result ?? {}) as { frames?: unknown; skipped?: unknown; skippedFrames?: unknown };
        if (typeof frames === 'number' && typeof skipped === 'number') counts = { frames, skipped, skippedFrames: skippedFramesOf(skippedFrames) };
        if (s.state === 'queued' || s.state === 'running') setJob({ phase: s.state, progress: s.progress });
      },
      abort.signal,
    ).then(
      (url) => {
        if (abort.signal.aborted) return;
        setJob({ phase: 'done', url, fileName, ...counts });
        window.location.assign(url);
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setJob({ phase: 'failed', message: err instanceof Error ? err.message : String(err) });
      },
    );
  };
  /** The scope's link with the chosen label format (the server's `format` query; KITTI when absent). */
  const href = (scope: ExportScope): string => {
    const base = hrefFor(scope);
    return format === 'kitti' ? base : `${base}${base.includes('?') ? '&' : '?'}format=${format}`;
  };
  return (
    <section className="metrics-export" aria-label="Export for training" data-testid="metrics-export">
      <h3>Export for training</h3>
      <p className="muted" data-testid="export-description">
        {EXPORT_DESCRIPTIONS[format]}
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
        <a className="primary" href={href('accepted')} download onClick={start} data-testid="export-accepted">
          Accepted frames only
        </a>
        <span className="muted">recommended: only frames a reviewer accepted</span>
        <a href={href('all')} download onClick={start} data-testid="export-all">
          All frames
        </a>
        <span className="muted">includes unreviewed and rejected work</span>
      </div>
      {job !== null && <ExportJobStatus job={job} />}
    </section>
  );
}

/** A frame the export left out: the file at fault and why. */
export interface SkippedFrameView {
  frameId: string;
  file: string;
  reason: string;
}

/** The skipped frames of a job's result, or undefined when it has none in that shape. */
function skippedFramesOf(value: unknown): SkippedFrameView[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (k): k is SkippedFrameView =>
      typeof k === 'object' && k !== null && typeof k.frameId === 'string' && typeof k.file === 'string' && typeof k.reason === 'string',
  );
}

/** The export job's state: a progress bar while it waits or runs, the download link, or its error. */
export function ExportJobStatus({ job }: { job: JobView }) {
  if (job.phase === 'failed') {
    return (
      <p className="metrics-export-job error" role="alert" data-testid="export-job-error">
        Export failed: {job.message}
      </p>
    );
  }
  if (job.phase === 'done') {
    return (
      <div className="metrics-export-job done" data-testid="export-job-done">
        Export ready: <a href={job.url}>{job.fileName}</a>
        {job.frames !== undefined ? ` · ${job.frames} ${job.frames === 1 ? 'frame' : 'frames'}` : null}
        {job.skipped !== undefined && job.skipped > 0 ? (
          <span className="error">
            {' '}
            · {job.skipped} skipped{(job.skippedFrames?.length ?? 0) < job.skipped ? ' (cuboid_export.json in the zip lists every one and why)' : ':'}
          </span>
        ) : null}
        {job.skippedFrames !== undefined && job.skippedFrames.length > 0 ? (
          <ul className="metrics-export-skipped" data-testid="export-job-skipped">
            {job.skippedFrames.map((k) => (
              <li key={k.frameId}>
                frame {k.frameId}: {k.file}: {k.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  const percent = Math.round(job.progress * 100);
  const text = job.phase === 'running' ? `Exporting… ${percent} %` : job.phase === 'queued' ? 'Waiting for a worker…' : 'Starting the export…';
  return (
    <div className="metrics-export-job" role="status" data-testid="export-job-progress">
      <progress max={1} value={job.progress} aria-label="Export progress" /> <span>{text}</span>
    </div>
  );
}
