import { describe, expect, it } from 'vitest';
import type { FrameStatus } from '../../../../src/domain/document/FrameAnnotation.ts';
import { flagTransition } from '../../../../src/domain/review/flagTransitions.ts';
import { nextStatus, type ReviewEvent } from '../../../../src/domain/review/reviewTransitions.ts';
import type { Role } from '../../../../src/domain/review/Role.ts';

const STATUSES: FrameStatus[] = ['todo', 'in_progress', 'submitted', 'accepted', 'rejected'];

/** The full table: [status, event, role] → next status, or the failure kind. */
const EXPECTED: Record<ReviewEvent, Record<Role, Record<FrameStatus, FrameStatus | 'invalid' | 'forbidden'>>> = {
  save: {
    annotator: { todo: 'in_progress', in_progress: 'in_progress', submitted: 'invalid', accepted: 'invalid', rejected: 'rejected' },
    reviewer: { todo: 'forbidden', in_progress: 'forbidden', submitted: 'forbidden', accepted: 'forbidden', rejected: 'forbidden' },
    lead: { todo: 'in_progress', in_progress: 'in_progress', submitted: 'submitted', accepted: 'accepted', rejected: 'rejected' },
  },
  submit: {
    annotator: { todo: 'submitted', in_progress: 'submitted', submitted: 'invalid', accepted: 'invalid', rejected: 'submitted' },
    reviewer: { todo: 'forbidden', in_progress: 'forbidden', submitted: 'forbidden', accepted: 'forbidden', rejected: 'forbidden' },
    lead: { todo: 'submitted', in_progress: 'submitted', submitted: 'invalid', accepted: 'invalid', rejected: 'submitted' },
  },
  accept: {
    annotator: { todo: 'forbidden', in_progress: 'forbidden', submitted: 'forbidden', accepted: 'forbidden', rejected: 'forbidden' },
    reviewer: { todo: 'invalid', in_progress: 'invalid', submitted: 'accepted', accepted: 'invalid', rejected: 'invalid' },
    lead: { todo: 'invalid', in_progress: 'invalid', submitted: 'accepted', accepted: 'invalid', rejected: 'invalid' },
  },
  reject: {
    annotator: { todo: 'forbidden', in_progress: 'forbidden', submitted: 'forbidden', accepted: 'forbidden', rejected: 'forbidden' },
    reviewer: { todo: 'invalid', in_progress: 'invalid', submitted: 'rejected', accepted: 'invalid', rejected: 'invalid' },
    lead: { todo: 'invalid', in_progress: 'invalid', submitted: 'rejected', accepted: 'rejected', rejected: 'invalid' },
  },
};

const cases = (Object.keys(EXPECTED) as ReviewEvent[]).flatMap((event) =>
  (Object.keys(EXPECTED[event]) as Role[]).flatMap((role) => STATUSES.map((status) => [event, role, status, EXPECTED[event][role][status]] as const)),
);

describe('nextStatus', () => {
  it.each(cases)('%s by a %s from %s → %s', (event, role, status, expected) => {
    const r = nextStatus(status, event, role);
    if (expected === 'invalid' || expected === 'forbidden') {
      expect(r).toMatchObject({ ok: false, kind: expected });
      expect((r as { message: string }).message.length).toBeGreaterThan(10);
    } else {
      expect(r).toEqual({ ok: true, status: expected });
    }
  });

  it('explains a locked frame in words', () => {
    expect(nextStatus('submitted', 'save', 'annotator')).toMatchObject({ message: expect.stringMatching(/waits for review/) });
  });
});

describe('flagTransition', () => {
  it.each([
    ['open', 'resolved', 'annotator', true],
    ['open', 'resolved', 'lead', true],
    ['open', 'resolved', 'reviewer', 'forbidden'],
    ['open', 'closed', 'reviewer', true],
    ['resolved', 'closed', 'reviewer', true],
    ['resolved', 'closed', 'annotator', 'forbidden'],
    ['resolved', 'open', 'reviewer', true],
    ['closed', 'open', 'lead', true],
    ['closed', 'open', 'annotator', 'forbidden'],
    ['closed', 'resolved', 'annotator', 'invalid'],
    ['resolved', 'resolved', 'annotator', 'invalid'],
  ] as const)('%s → %s by a %s: %s', (from, to, role, expected) => {
    const r = flagTransition(from, to, role);
    if (expected === true) expect(r).toEqual({ ok: true });
    else expect(r).toMatchObject({ ok: false, kind: expected });
  });
});
