import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewInfo, ReviewStep } from '../../../src/domain/api/wireTypes.ts';
import type { ApiClient } from '../../../src/io/apiClient.ts';
import { testPage } from '../../helpers/testPage.ts';

const info = (status: ReviewInfo['status'], history: ReviewStep[]): ReviewInfo => ({
  frameId: '000001',
  revision: history.length + 1,
  status,
  annotator: 'ann',
  reviewer: 'rev',
  flags: { open: 0, resolved: 0, closed: 0 },
  submittedRevisions: [],
  acceptedRevision: null,
  importedRevision: null,
  history,
  can: { edit: true, submit: true, accept: false, reject: false, reopen: false, flag: false, resolveFlags: true, closeFlags: false },
});
const step = (action: string, user: string, detail: Record<string, unknown> = {}): ReviewStep =>
  ({ action, user, at: '2026-11-26T03:00:00Z', revision: 2, detail }) as unknown as ReviewStep;

afterEach(() => vi.restoreAllMocks());

describe('announcing other people’s review steps on the open frame', () => {
  it('says when the reviewer rejects, but not when a first save starts the frame', async () => {
    const replies = [
      info('todo', []),
      info('in_progress', []),
      info('rejected', [step('submit', 'ann'), step('reject', 'rev', { comment: 'the car is 40 cm too long' })]),
    ];
    const api: Partial<ApiClient> = {
      getReview: async () => replies.shift()!,
      getDiff: async () => ({ fromRevision: 0, toRevision: 0, boxes: [], counts: { added: 0, removed: 0, changed: 0, unchanged: 0 } }) as never,
    };
    const page = testPage(api);
    const appStore = page.store;
    appStore.getState().setCurrentFrame('000001');
    const show = vi.spyOn(appStore.getState(), 'showMessage');
    // Through the action registry, as the review panel asks.
    await page.editor.actions.run('loadReview', '000001');
    await page.editor.actions.run('loadReview', '000001');
    expect(show).not.toHaveBeenCalled();
    expect(appStore.getState().review.info?.status).toBe('in_progress');
    await page.editor.actions.run('loadReview', '000001');
    expect(show).toHaveBeenCalledWith(
      'rev rejected (fix the flagged boxes, resolve each flag, then resubmit) frame 000001: “the car is 40 cm too long”.',
      'warning',
    );
  });
});
