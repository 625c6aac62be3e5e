import { describe, expect, it } from 'vitest';
import type { ReviewInfo } from '../../../src/domain/api/wireTypes.ts';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';

/** A reviewer's review state of the open frame: flags allowed. */
function reviewer(ed: TestEditor, canFlag = true): void {
  const frameId = ed.store.getState().doc!.frameId;
  const can = { edit: false, submit: false, accept: true, reject: false, reopen: false, flag: canFlag, resolveFlags: false, closeFlags: false };
  ed.store.getState().setReview({ frameId, info: { frameId, status: 'submitted', can } as unknown as ReviewInfo });
}

describe('Shift+F: a missed-object flag at the cursor', () => {
  it('takes the point under the cursor in the view, drops the selection and says what next', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a')] });
    reviewer(ed);
    ed.store.getState().select(['a']);
    ed.pointerMove([12.5, -3.25, -1.1], { kind: 'points', point: [12.5, -3.25, -1.1] }, 'main');
    expect(ed.keyDown('F', { shiftKey: true })).toBe(true);
    const s = ed.store.getState();
    expect(s.review.flagAt).toEqual({ frameId: s.doc!.frameId, at: [12.5, -3.25, -1.1] });
    expect(s.selectedIds).toEqual([]);
    expect(s.ui.message?.text).toMatch(/^Flag at \(12\.5, -3\.3, -1\.1\): choose its reason/);
    // Shift+F did not arm the fit tool.
    expect(ed.tools.toolId).toBe('select');
  });

  it('asks for a point in the 3D or top view first, and is not offered to whoever may not flag', () => {
    const ed = new TestEditor({ cuboids: [] });
    reviewer(ed);
    ed.keyDown('F', { shiftKey: true });
    expect(ed.store.getState().ui.message?.text).toMatch(/Point at the missed object/);
    expect(ed.store.getState().review.flagAt).toBeNull();
    const annotator = new TestEditor({ cuboids: [] });
    reviewer(annotator, false);
    annotator.pointerMove([1, 2, 0], { kind: 'ground' }, 'main');
    annotator.keyDown('F', { shiftKey: true });
    expect(annotator.store.getState().review.flagAt).toBeNull();
  });
});
