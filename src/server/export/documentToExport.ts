import type { FrameAnnotation, FrameStatus } from '../../domain/document/FrameAnnotation.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import type { ExportSource } from './ExportSource.ts';

/** A frame whose accepted revision was exported in place of a later one (a lead's edit after the accept). */
export interface AcceptedInstead {
  frameId: string;
  /** The revision written: the one a reviewer accepted. */
  revision: number;
  /** The frame's current revision, left out. */
  current: number;
}

/**
 * The document an export writes for `frame`: null when the status filter leaves it out. With a
 * filter that asks for accepted frames, an accepted frame changed since its accept (a lead may
 * edit it) is written as accepted, not as changed: `instead` says so.
 * @throws what `source.getAnnotation` throws (a bad label file, named)
 */
export async function documentToExport(
  source: ExportSource,
  frame: DatasetFrame,
  statuses: readonly FrameStatus[] | undefined,
): Promise<{ doc: FrameAnnotation; instead: AcceptedInstead | null } | null> {
  const current = await source.getAnnotation(frame);
  if (statuses === undefined) return { doc: current, instead: null };
  if (!statuses.includes(current.status)) return null;
  if (current.status !== 'accepted' || source.acceptedDocument === undefined) return { doc: current, instead: null };
  const accepted = await source.acceptedDocument(current);
  if (accepted === null) return { doc: current, instead: null };
  return { doc: accepted, instead: { frameId: frame.id, revision: accepted.revision, current: current.revision } };
}
