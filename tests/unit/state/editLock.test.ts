import { describe, expect, it } from 'vitest';
import { editLockReason, editNoticeFor } from '../../../src/services/reviewService.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import type { ReviewInfo } from '../../../src/domain/api/wireTypes.ts';
import { createAppStore } from '../../../src/state/createAppStore.ts';

const info = (status: ReviewInfo['status'], can: Partial<ReviewInfo['can']>): ReviewInfo => ({
  frameId: '000001',
  revision: 3,
  status,
  annotator: 'ann',
  reviewer: 'rev',
  flags: { open: 0, resolved: 0, closed: 0 },
  submittedRevisions: [3],
  acceptedRevision: null,
  importedRevision: null,
  history: [],
  can: { edit: false, submit: false, accept: false, reject: false, reopen: false, flag: false, resolveFlags: false, closeFlags: false, ...can },
});

describe('edit lock', () => {
  it('refuses every box change while set, says why, and records no undo step', () => {
    const store = createAppStore();
    store.getState().loadDoc(emptyAnnotation('000001'));
    const before = store.getState().doc;
    store.getState().setEditLock('Frame 000001 is submitted and waits for review: its boxes are locked until the reviewer accepts or rejects it.');
    const changed = store.getState().applyDocChange((d) => ({ ...d, status: 'in_progress' }));
    expect(changed).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().ui.message?.text).toMatch(/submitted and waits for review/);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    store.getState().setEditLock(null);
    expect(store.getState().applyDocChange((d) => ({ ...d, status: 'in_progress' }))).toBe(true);
  });

  it('explains the lock by the frame’s review state and the caller’s role', () => {
    expect(editLockReason(info('in_progress', { edit: true }))).toBeNull();
    expect(editLockReason(info('submitted', {}))).toMatch(/submitted and waits for review/);
    expect(editLockReason(info('accepted', {}))).toMatch(/accepted: its boxes are locked/);
    expect(editLockReason(info('submitted', { flag: true, accept: true }))).toMatch(
      /^Reviewers do not edit boxes: flag what must change \(Review panel\), then accept or reject the frame\.$/,
    );
    expect(editLockReason(info('in_progress', { flag: true }))).toMatch(/Reviewers do not edit boxes/);
    expect(editLockReason(info('in_progress', {}))).toMatch(/assigned to someone else/);
  });

  it('tells a lead once, at the first change, that an accepted or submitted frame is changed unreviewed', () => {
    const accepted = { ...info('accepted', { edit: true, reopen: true }), acceptedRevision: 11 };
    expect(editNoticeFor(accepted)).toMatch(/Frame 000001 is accepted \(revision 11\): you change it as a lead, and nobody reviews the change/);
    expect(editNoticeFor(info('submitted', { edit: true }))).toMatch(/submitted and waits for review: you change it as a lead/);
    expect(editNoticeFor(info('in_progress', { edit: true }))).toBeNull();
    expect(editNoticeFor(info('accepted', {}))).toBeNull();
    const store = createAppStore();
    store.getState().loadDoc(emptyAnnotation('000001'));
    store.getState().setEditNotice(editNoticeFor(accepted));
    expect(store.getState().applyDocChange((d) => ({ ...d, status: 'accepted' as const, revision: 12 }))).toBe(true);
    expect(store.getState().ui.message).toMatchObject({ level: 'warning', text: expect.stringMatching(/nobody reviews the change/) });
    const shown = store.getState().ui.message?.id;
    expect(store.getState().applyDocChange((d) => ({ ...d, revision: 13 }))).toBe(true);
    expect(store.getState().ui.message?.id).toBe(shown);
  });
});
