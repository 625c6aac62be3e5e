import { FRAME_STATUSES, type FrameStatus } from '../../domain/document/FrameAnnotation.ts';

/** Parses a comma-separated status list (`accepted,submitted`). @throws Error naming an unknown status. */
export function parseStatuses(text: string): FrameStatus[] {
  const out: FrameStatus[] = [];
  for (const s of text
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')) {
    if (!(FRAME_STATUSES as readonly string[]).includes(s)) {
      throw new Error(`status ${JSON.stringify(s.slice(0, 40))} is not one of ${FRAME_STATUSES.join(', ')}`);
    }
    out.push(s as FrameStatus);
  }
  if (out.length === 0) throw new Error('status: name at least one status');
  return out;
}
