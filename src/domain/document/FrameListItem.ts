import type { FrameStatus } from './FrameAnnotation.ts';

/** One row of `GET /api/frames`: what the dataset holds for a frame and where its annotation stands. */
export interface FrameListItem {
  id: string;
  /** File name of the point cloud (`000001.bin`, `scan.pcd`), or null when the frame has none. */
  pointsFile: string | null;
  hasCalib: boolean;
  hasImage: boolean;
  hasLabel: boolean;
  /** From the PCD header or the .bin size; null when not cheaply known. */
  pointCount: number | null;
  status: FrameStatus;
  boxCount: number;
  revision: number;
  /** Review flags still open on a frame sent back (rejected); absent when none. */
  openFlags?: number;
  /** Why the frame's label file cannot be read (file, line, field), for a frame never saved; absent when it reads. */
  labelProblem?: string;
  /** Why the frame's calib file cannot be read (file, line, field: its labels cannot be placed or written); absent when it reads. */
  calibProblem?: string;
  /** The server's check summary of this revision, when it has computed one (see `GET /api/frames/:id/checks`). */
  checks?: { error: number; warning: number; info: number } | null;
}
