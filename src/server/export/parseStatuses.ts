import type { FrameStatus } from '../../domain/document/FrameAnnotation.ts';

export const FRAME_STATUSES: readonly FrameStatus[] = ['todo', 'in_progress', 'submitted', 'accepted', 'rejected'];

/** Parses a comma-separated status list (`accepted,submitted`). @throws Error naming an unknown status. */
export function parseStatuses(text: string): FrameStatus[] {
  const out: FrameStatus[] = [];
  for (const s of text.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
    if (!FRAME_STATUSES.includes(s as FrameStatus)) {
      throw new Error(`status ${JSON.stringify(s.slice(0, 40))} is not one of ${FRAME_STATUSES.join(', ')}`);
    }
    out.push(s as FrameStatus);
  }
  if (out.length === 0) throw new Error('status: name at least one status');
  return out;
}
