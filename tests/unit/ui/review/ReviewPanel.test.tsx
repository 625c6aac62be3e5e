import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewInfo } from '../../../../src/domain/api/wireTypes.ts';
import { emptyAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import type { AnnotationDiff } from '../../../../src/domain/review/diffAnnotations.ts';
import { PageContext } from '../../../../src/render/EditorContext.ts';
import { ReviewPanel } from '../../../../src/ui/review/ReviewPanel.tsx';
import { testPage } from '../../../helpers/testPage.ts';
import { signed, formatDYaw, formatOtherChanges } from '../../../../src/ui/review/formatDelta.ts';

const NONE = { edit: false, submit: false, accept: false, reject: false, reopen: false, flag: false, resolveFlags: false, closeFlags: false };

function info(over: Partial<ReviewInfo>): ReviewInfo {
  return {
    frameId: '000001',
    revision: 4,
    status: 'submitted',
    annotator: 'ann',
    reviewer: null,
    flags: { open: 1, resolved: 0, closed: 0 },
    submittedRevisions: [3],
    acceptedRevision: null,
    importedRevision: null,
    history: [
      {
        at: '2024-05-01T09:00:00Z',
        user: 'ann',
        action: 'submit',
        revision: 3,
        detail: { overrides: [{ ruleId: 'tooFewPoints', cuboidId: 'a', reason: 'far and occluded', message: 'Car box holds 2 points' }] },
      },
    ],
    can: NONE,
    ...over,
  };
}

const diff: AnnotationDiff & { frameId: string } = {
  frameId: '000001',
  fromRevision: 3,
  toRevision: 4,
  counts: { added: 0, removed: 0, changed: 1, unchanged: 0 },
  marks: { added: [{ id: 'd1', location: [8.5, -4.3, -1], radius: 1.2, label: 'Pedestrian', reason: 'a post', by: 'ann' }], removed: [] },
  boxes: [
    {
      cuboidId: 'a',
      change: 'changed',
      fromLabel: 'Car',
      toLabel: 'Van',
      classChanged: true,
      dPosition: [0.5, -0.25, 0],
      dDistance: Math.hypot(0.5, 0.25),
      dSize: [0.2, 0, -0.05],
      dYaw: -0.2,
      trackChanged: false,
      attributesChanged: [],
    },
  ],
};

const page = testPage({});
const appStore = page.store;

function render(over: Partial<ReviewInfo>): string {
  appStore.setState({
    currentFrameId: '000001',
    doc: {
      ...emptyAnnotation('000001'),
      flags: [
        {
          id: 'f1',
          cuboidId: null,
          location: [8.5, -4.25, -1],
          reason: 'every-object-boxed',
          comment: 'pedestrian',
          author: 'rev',
          state: 'open',
          createdAt: '2024-05-01T10:00:00Z',
        },
      ],
    },
  });
  appStore.getState().setReview({ frameId: '000001', info: info(over), diff, diffRange: {}, busy: null, error: null, pendingErrors: null });
  return renderToStaticMarkup(
    <PageContext.Provider value={page}>
      <ReviewPanel />
    </PageContext.Provider>,
  );
}

// A server render reads a store's initial state (useSyncExternalStore's server snapshot): show it the current one.
beforeEach(() => {
  vi.spyOn(appStore, 'getInitialState').mockImplementation(() => appStore.getState());
});
afterEach(() => {
  vi.restoreAllMocks();
  appStore.setState({ currentFrameId: null, doc: null });
});

describe('ReviewPanel (server render)', () => {
  it('shows a reviewer accept/reject only when the server allows it, the flags, the diff and the overrides', () => {
    const html = render({ can: { ...NONE, reject: true, flag: true, closeFlags: true } });
    expect(html).toContain('data-testid="review-reject"');
    expect(html).not.toContain('data-testid="review-accept"');
    expect(html).not.toContain('data-testid="review-submit"');
    expect(html).toContain('data-testid="flag-form"');
    expect(html).toContain('missed object at 8.5, -4.3, -1.0 m');
    expect(html).toContain('data-testid="flag-close"');
    expect(html).not.toContain('data-testid="flag-resolve"');
    expect(html).toContain('Car → Van');
    expect(html).toContain('+0.50 −0.25 0.00 m (0.56)');
    expect(html).toContain('l +0.20 w 0.00 h −0.05 m');
    expect(html).toContain('−11.5°');
    expect(html).toContain('far and occluded');
    expect(html).toContain('0 unchanged · 1 “not an object” mark made');
    expect(html).toMatch(/data-testid="diff-marks".*marked: not a Pedestrian at \(8\.5, -4\.3\).*a post.*ann/);
    expect(html).toContain('Open flags: close them to accept, or reject the frame.');
  });

  it('shows an annotator submit and resolve, and no reviewer controls', () => {
    const html = render({ status: 'rejected', can: { ...NONE, edit: true, submit: true, resolveFlags: true } });
    expect(html).toContain('Resubmit');
    expect(html).toContain('data-testid="flag-resolve"');
    expect(html).not.toContain('data-testid="flag-form"');
    expect(html).not.toContain('data-testid="review-reject"');
    expect(html).toContain('data-status="rejected"');
  });

  it('shows a rejected frame’s note, and who sent it back, at the top of the panel', () => {
    const reject = { at: '2024-05-01T10:00:00Z', user: 'rev', action: 'reject', revision: 3, detail: { comment: 'Front face is 0.3 m short' } };
    const html = render({ status: 'rejected', history: [...info({}).history, reject], can: { ...NONE, edit: true, resolveFlags: true } });
    expect(html).toContain('data-testid="review-reject-note"');
    expect(html).toContain('Sent back by rev: “Front face is 0.3 m short”');
    expect(html.indexOf('review-reject-note')).toBeLessThan(html.indexOf('review-history'));
    expect(render({ status: 'submitted' })).not.toContain('review-reject-note');
  });

  it('with a flag still open, an annotator is told to resolve it instead of being offered a resubmit', () => {
    const html = render({ status: 'rejected', can: { ...NONE, edit: true, resolveFlags: true } });
    expect(html).not.toContain('data-testid="review-submit"');
    expect(html).toContain('1 flag is still open: fix what it asks and resolve it, then resubmit.');
  });

  it('offers a lead a Reopen of an accepted frame, enabled once a flag says what to change', () => {
    const waiting = render({ status: 'accepted', flags: { open: 0, resolved: 0, closed: 2 }, can: { ...NONE, edit: true, flag: true, reopen: true } });
    expect(waiting).toMatch(
      /<button type="button" class="danger" disabled="" title="Flag what must change first" data-testid="review-reject">Reopen<\/button>/,
    );
    expect(waiting).toContain('To reopen it for the annotator, flag what must change');
    const ready = render({ status: 'accepted', can: { ...NONE, edit: true, flag: true, reopen: true, reject: true } });
    expect(ready).toMatch(/<button type="button" class="danger" data-testid="review-reject">Reopen<\/button>/);
  });

  it('offers the diff since import when the frame was imported', () => {
    const html = render({ importedRevision: 1, can: { ...NONE, flag: true } });
    expect(html).toContain('<option value="import">since import (r1)</option>');
    expect(render({ can: { ...NONE, flag: true } })).not.toContain('since import');
  });

  it('disables Submit with the reason when the frame’s points failed to load (the gate checks them)', () => {
    appStore.getState().setLoad({ status: 'error', frameId: '000001', error: '000001.bin: size 1000003 bytes is not a multiple of 16' });
    try {
      const html = render({ status: 'in_progress', flags: { open: 0, resolved: 0, closed: 0 }, can: { ...NONE, edit: true, submit: true } });
      expect(html).toMatch(/<button type="button" class="primary" disabled="" title="Submit needs the frame’s points[^"]*" data-testid="review-submit">/);
      expect(html).toContain('data-testid="review-submit-blocked"');
      expect(html).toContain('size 1000003 bytes is not a multiple of 16');
    } finally {
      appStore.getState().setLoad({ status: 'idle', frameId: null, error: null });
    }
    const loaded = render({ status: 'in_progress', flags: { open: 0, resolved: 0, closed: 0 }, can: { ...NONE, edit: true, submit: true } });
    expect(loaded).toMatch(/<button type="button" class="primary" data-testid="review-submit">/);
    expect(loaded).not.toContain('review-submit-blocked');
  });

  it('with a broken calib keeps Submit and says what waits for the calib, naming the file and line', () => {
    appStore.getState().setChecks({ frameId: '000001', calibProblem: 'parseKittiCalib (calib/000001.txt): line 2, field "P1": expected 12 values, found 3' });
    try {
      appStore.setState({ currentFrameId: '000001' });
      const html = render({ status: 'in_progress', flags: { open: 0, resolved: 0, closed: 0 }, can: { ...NONE, edit: true, submit: true } });
      expect(html).toMatch(/<button type="button" class="primary" data-testid="review-submit">/);
      expect(html).toContain('data-testid="review-calib-note"');
      expect(html).toContain('calib/000001.txt): line 2, field');
      expect(html).toContain('the label_2 file (camera coordinates)');
    } finally {
      appStore.getState().setChecks({ frameId: null, calibProblem: null });
    }
  });

  it('formats deltas with a real minus sign and no negative zero', () => {
    expect(signed(-0.004)).toBe('0.00');
    expect(signed(0.126)).toBe('+0.13');
    expect(formatDYaw({ ...diff.boxes[0], dYaw: Math.PI })).toBe('+180.0°');
  });

  it('names a change of track or attributes, which moves nothing, beside the class', () => {
    expect(formatOtherChanges(diff.boxes[0])).toBe('');
    const occluded = {
      ...diff.boxes[0],
      classChanged: false,
      dPosition: [0, 0, 0] as [number, number, number],
      trackChanged: true,
      attributesChanged: ['occluded'],
    };
    expect(formatOtherChanges(occluded)).toBe('track, occluded');
    const saved = diff.boxes;
    diff.boxes = [occluded];
    try {
      expect(render({})).toContain('· track, occluded');
    } finally {
      diff.boxes = saved;
    }
  });
});
