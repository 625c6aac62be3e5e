import type { FrameStatus } from '../document/FrameAnnotation.ts';
import type { Role } from './Role.ts';

/** What happens to a frame: a box edit (save), a submit, or a reviewer's verdict. */
export type ReviewEvent = 'save' | 'submit' | 'accept' | 'reject';

/** The roles allowed to cause each event at all (assignment is checked separately). */
export const REVIEW_EVENT_ROLES: Readonly<Record<ReviewEvent, readonly Role[]>> = {
  save: ['annotator', 'lead'],
  submit: ['annotator', 'lead'],
  accept: ['reviewer', 'lead'],
  reject: ['reviewer', 'lead'],
};

export type TransitionResult =
  | { ok: true; status: FrameStatus }
  /** `forbidden`: the role may never do this; `invalid`: not from this status (say why). */
  | { ok: false; kind: 'forbidden' | 'invalid'; message: string };

/**
 * The frame status machine of the review loop:
 *
 * ```
 * todo ──save──► in_progress ──submit──► submitted ──accept──► accepted
 *   └─────────────submit──────────────────▲   │                   │
 *                                          │ reject          reject (lead only: reopen)
 *            rejected ◄────────────────────┴───┘◄──────────────────┘
 *               └──save (stays rejected)──► submit ──► submitted (back to the same reviewer)
 * ```
 *
 * A save moves `todo` to `in_progress` and leaves other statuses as they are. Submitted and
 * accepted frames are locked against annotators' edits (a lead may still fix a box; the status
 * stays). A frame may be submitted straight from `todo` (pre-labels that need no change).
 */
export function nextStatus(status: FrameStatus, event: ReviewEvent, role: Role): TransitionResult {
  if (!REVIEW_EVENT_ROLES[event].includes(role)) {
    return { ok: false, kind: 'forbidden', message: `a ${role} may not ${event} a frame` };
  }
  switch (event) {
    case 'save':
      if (status === 'todo') return { ok: true, status: 'in_progress' };
      if ((status === 'submitted' || status === 'accepted') && role !== 'lead') {
        return {
          ok: false,
          kind: 'invalid',
          message:
            status === 'submitted'
              ? 'the frame is submitted and waits for review: edits are locked until a reviewer rejects it'
              : 'the frame is accepted: edits are locked (a lead can reopen it)',
        };
      }
      return { ok: true, status };
    case 'submit':
      if (status === 'todo' || status === 'in_progress' || status === 'rejected') return { ok: true, status: 'submitted' };
      return { ok: false, kind: 'invalid', message: `the frame is already ${status}` };
    case 'accept':
      if (status === 'submitted') return { ok: true, status: 'accepted' };
      return { ok: false, kind: 'invalid', message: `only a submitted frame can be accepted (this one is ${status})` };
    case 'reject':
      if (status === 'submitted') return { ok: true, status: 'rejected' };
      if (status === 'accepted' && role === 'lead') return { ok: true, status: 'rejected' };
      return {
        ok: false,
        kind: 'invalid',
        message: status === 'accepted' ? 'only a lead can reopen an accepted frame' : `only a submitted frame can be rejected (this one is ${status})`,
      };
  }
}
