import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import type { Storage } from '../storage/Storage.ts';

/**
 * The revision a reviewer last accepted, from a frame's activity (oldest first), when the frame is
 * accepted and that verdict is its last one (a reject after it leaves none); null otherwise.
 */
export function acceptedRevisionIn(log: readonly { action: string; revision: number | null }[], status: FrameAnnotation['status']): number | null {
  if (status !== 'accepted') return null;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.action === 'reject') return null;
    if (e.action === 'accept') return e.revision;
  }
  return null;
}

/**
 * The document as a reviewer accepted it, when `current` is accepted but changed since (a lead's
 * edit keeps the status): null when the current revision is the accepted one, or none is known.
 */
export async function acceptedDocumentOf(storage: Storage, current: FrameAnnotation): Promise<FrameAnnotation | null> {
  if (current.status !== 'accepted') return null;
  const revision = acceptedRevisionIn(await storage.listActivityRange({ frameId: current.frameId }), current.status);
  if (revision === null || revision === current.revision) return null;
  return storage.getRevision(current.frameId, revision);
}
