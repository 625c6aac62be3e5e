import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import type { AnnotationDiff } from '../../../../src/domain/review/diffAnnotations.ts';
import type { ReviewInfo } from '../../../../src/server/review/reviewInfo.ts';
import { startAuthServer, type AuthTestServer } from '../fixtures/authServer.ts';
import { sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';

/** What the injected submit gate reports (the real one is tested on KITTI below). */
let checkResults: CheckResult[] = [];
const tooFewPoints = (cuboidId: string): CheckResult => ({
  ruleId: 'tooFewPoints',
  severity: 'error',
  cuboidId,
  location: null,
  message: `Car box ${cuboidId} holds 2 points; at 12 m a Car needs at least 10`,
  dictionaryEntry: 'classes.Car.minPoints',
});

let s: AuthTestServer;
const F = '000001';
beforeAll(async () => {
  s = await startAuthServer(
    { ann: 'annotator', ann2: 'annotator', rev: 'reviewer', rev2: 'reviewer', lea: 'lead' },
    { submitChecker: async () => checkResults },
  );
});
afterAll(async () => s?.close());

const doc = async (): Promise<FrameAnnotation> => (await s.as('lea', `/api/frames/${F}/annotation`)).json() as FrameAnnotation;
const info = async (user = 'lea'): Promise<ReviewInfo> => (await s.as(user, `/api/frames/${F}/review`)).json() as ReviewInfo;
const post = (user: string, step: string, payload: object = {}) => s.as(user, { method: 'POST', url: `/api/frames/${F}/${step}`, payload });
const save = async (user: string, cuboids = [sampleCuboid('a')]) => {
  const current = await doc();
  return s.as(user, {
    method: 'PUT',
    url: `/api/frames/${F}/annotation`,
    payload: { ...current, cuboids },
    headers: { 'if-match': `"${current.revision}"` },
  });
};
const flagState = (user: string, id: string, state: string) => s.as(user, { method: 'PATCH', url: `/api/frames/${F}/flags/${id}`, payload: { state } });

describe('the review loop: save → submit → reject → fix → resubmit → accept', () => {
  let flagId = '';

  it('the first save by an annotator starts the frame and assigns it to them', async () => {
    expect((await info()).status).toBe('todo');
    const res = await save('ann', [sampleCuboid('a'), sampleCuboid('b', { center: [20, -3, -0.9], source: 'fit' })]);
    expect(res.statusCode).toBe(200);
    expect(res.json().annotation.status).toBe('in_progress');
    expect(await info('ann')).toMatchObject({ status: 'in_progress', annotator: 'ann', reviewer: null, can: { edit: true, submit: true, accept: false } });
  });

  it('a submit with a check error needs a reason for it (422 listing the errors); the override is logged, never hidden', async () => {
    checkResults = [tooFewPoints('b'), { ...tooFewPoints('a'), severity: 'warning' }];
    const refused = await post('ann', 'submit', { overrides: [] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'check_errors', errors: [{ ruleId: 'tooFewPoints', cuboidId: 'b' }] });
    expect(refused.json().detail).toMatch(/^1 check error needs a reason to submit anyway; the first: Car box b holds 2 points/);
    const blank = await post('ann', 'submit', { overrides: [{ ruleId: 'tooFewPoints', cuboidId: 'b', reason: '  ' }] });
    expect(blank.statusCode).toBe(400);
    const wrongBox = await post('ann', 'submit', { overrides: [{ ruleId: 'tooFewPoints', cuboidId: 'a', reason: 'fine' }] });
    expect(wrongBox.statusCode).toBe(422);
    expect((await doc()).status).toBe('in_progress');

    const ok = await post('ann', 'submit', {
      overrides: [{ ruleId: 'tooFewPoints', cuboidId: 'b', reason: 'far car behind a hedge, 2 points is all there is' }],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('submitted');
    const submit = (await info('rev')).history.find((h) => h.action === 'submit')!;
    expect(submit).toMatchObject({
      user: 'ann',
      detail: {
        checkErrors: 1,
        checkWarnings: 1,
        annotator: 'ann',
        overrides: [{ ruleId: 'tooFewPoints', cuboidId: 'b', reason: 'far car behind a hedge, 2 points is all there is', message: tooFewPoints('b').message }],
      },
    });
    checkResults = [];
  });

  it('a submitted frame is locked for the annotator (423) and cannot be submitted twice (409)', async () => {
    const locked = await save('ann', []);
    expect([locked.statusCode, locked.json().error]).toEqual([423, 'frame_locked']);
    expect(locked.json().detail).toMatch(/waits for review/);
    const twice = await post('ann', 'submit');
    expect([twice.statusCode, twice.json().error]).toEqual([409, 'invalid_transition']);
    expect(twice.json().detail).toMatch(/already submitted/);
  });

  it('the reviewer must flag before rejecting; flags need a dictionary reason and a real box or a location', async () => {
    const bare = await post('rev', 'reject');
    expect([bare.statusCode, bare.json().error]).toEqual([422, 'flags_required']);
    const flag = (payload: object) => s.as('rev', { method: 'POST', url: `/api/frames/${F}/flags`, payload });
    expect((await flag({ cuboidId: 'a', reason: 'not-an-entry' })).json().detail).toMatch(/not an edge-case id/);
    expect((await flag({ cuboidId: 'zz', reason: 'box-fits-object' })).json().detail).toMatch(/has no box "zz"/);
    expect((await flag({ cuboidId: 'a', location: [1, 2, 3], reason: 'box-fits-object' })).statusCode).toBe(400);
    expect((await flag({ location: [1, 2], reason: 'every-object-boxed' })).statusCode).toBe(400);
    const onBox = await flag({ cuboidId: 'a', reason: 'box-fits-object', comment: 'the box is 30 cm too long at the rear' });
    expect(onBox.statusCode).toBe(201);
    expect(onBox.json().flag).toMatchObject({ cuboidId: 'a', location: null, author: 'rev', state: 'open', reason: 'box-fits-object' });
    flagId = onBox.json().flag.id;
    const missed = await flag({ location: [8.5, -4.25, -1], reason: 'every-object-boxed', comment: 'pedestrian by the pole' });
    expect(missed.json().annotation.flags).toHaveLength(2);
    const accept = await post('rev', 'accept');
    expect([accept.statusCode, accept.json().error]).toEqual([409, 'open_flags']);
  });

  it('reject sends the frame back to the same annotator and records the reviewer', async () => {
    const res = await post('rev', 'reject', { comment: 'two things to fix' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('rejected');
    expect(await info()).toMatchObject({ status: 'rejected', annotator: 'ann', reviewer: 'rev', flags: { open: 2, resolved: 0, closed: 0 } });
    const other = await save('ann2', []);
    expect([other.statusCode, other.json().error]).toEqual([403, 'not_assigned']);
    expect((await info('ann2')).can).toMatchObject({ edit: false, submit: false });
  });

  it('the annotator fixes the box (status stays rejected), resolves the flags and resubmits', async () => {
    const current = await doc();
    const fixed = current.cuboids.map((c) => (c.id === 'a' ? { ...c, center: [12.195678901, 2.5, -0.9] as const, size: [3.9, 1.8, 1.55] as const } : c));
    const extra = sampleCuboid('ped', { label: 'Pedestrian', center: [8.5, -4.25, -0.9], size: [0.6, 0.6, 1.7] });
    const res = await save('ann', [...fixed, extra]);
    expect(res.statusCode).toBe(200);
    expect(res.json().annotation.status).toBe('rejected');
    expect(res.json().annotation.flags).toHaveLength(2);
    // A flag still open: the frame cannot go back to review yet, and the server says why.
    expect((await info('ann')).can.submit).toBe(false);
    const early = await post('ann', 'submit');
    expect([early.statusCode, early.json().error]).toEqual([409, 'open_flags']);
    expect(early.json().detail).toMatch(/^2 review flags are still open: fix what they ask and resolve each one before submitting/);
    expect((await doc()).status).toBe('rejected');
    for (const f of (await doc()).flags) expect((await flagState('ann', f.id, 'resolved')).statusCode).toBe(200);
    expect((await info('ann')).can.submit).toBe(true);
    expect((await flagState('ann', flagId, 'resolved')).statusCode).toBe(409);
    const again = await post('ann', 'submit');
    expect(again.json().status).toBe('submitted');
  });

  it('the resubmitted frame goes back to the same reviewer, who accepts it; resolved flags close', async () => {
    const otherReviewer = await post('rev2', 'accept');
    expect([otherReviewer.statusCode, otherReviewer.json().error]).toEqual([403, 'not_assigned']);
    expect(otherReviewer.json().detail).toMatch(/reviewed by rev, who acted on it first: only rev or a lead may flag, accept or reject it/);
    expect((await info('rev2')).can.accept).toBe(false);
    expect((await info('rev')).can).toMatchObject({ accept: true, reject: false, closeFlags: true });
    const ok = await post('rev', 'accept');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('accepted');
    expect(ok.json().flags.map((f: { state: string }) => f.state)).toEqual(['closed', 'closed']);
    const locked = await save('ann', []);
    expect(locked.statusCode).toBe(423);
    expect((await post('rev', 'reject')).statusCode).toBe(409);
  });

  it('the history lists every step; the per-box diff shows what changed from the first submit to the accept', async () => {
    const i = await info('ann');
    expect(i.history.map((h) => `${h.action} ${h.user}`)).toEqual([
      'submit ann',
      'flag_add rev',
      'flag_add rev',
      'reject rev',
      'flag_update ann',
      'flag_update ann',
      'submit ann',
      'accept rev',
    ]);
    expect(i.submittedRevisions).toHaveLength(2);
    expect(i.acceptedRevision).toBe(i.revision);
    const diff = (await s.as('ann', `/api/frames/${F}/diff`)).json() as AnnotationDiff;
    expect(diff.fromRevision).toBe(i.submittedRevisions[0]);
    expect(diff.toRevision).toBe(i.acceptedRevision);
    expect(diff.counts).toEqual({ added: 1, removed: 0, changed: 1, unchanged: 1 });
    const a = diff.boxes.find((b) => b.cuboidId === 'a')!;
    expect(a.dPosition![0]).toBeCloseTo(-0.15, 9);
    expect(a.dSize![0]).toBeCloseTo(-0.3, 9);
    expect(a.dYaw).toBe(0);
    expect(diff.boxes.find((b) => b.cuboidId === 'ped')).toMatchObject({ change: 'added', toLabel: 'Pedestrian' });
    const explicit = (await s.as('rev', `/api/frames/${F}/diff?from=0&to=1`)).json() as AnnotationDiff;
    expect(explicit.counts.added).toBe(2);
    expect((await s.as('rev', `/api/frames/${F}/diff?from=99`)).statusCode).toBe(404);
    expect((await s.as('rev', `/api/frames/${F}/diff?from=-1`)).statusCode).toBe(400);
  });

  it('export --status accepted takes the review status; a lead can reopen an accepted frame', async () => {
    const zip = await s.as('lea', '/api/export.zip?status=accepted&points=0&images=0');
    expect(zip.statusCode).toBe(200);
    expect(zip.rawPayload.includes(Buffer.from(`training/label_2/${F}.txt`))).toBe(true);
    expect(zip.rawPayload.includes(Buffer.from('training/label_2/000002.txt'))).toBe(false);
    expect((await info('lea')).can).toMatchObject({ reopen: true, reject: false });
    expect((await info('rev')).can.reopen).toBe(false);
    const reopen = await post('lea', 'reject', { comment: 'wrong sequence' });
    expect(reopen.statusCode).toBe(422); // even a lead flags first
    await s.as('lea', { method: 'POST', url: `/api/frames/${F}/flags`, payload: { cuboidId: 'ped', reason: 'classes-only' } });
    expect((await post('lea', 'reject')).json().status).toBe('rejected');
  });

  it("the metrics see the loop: submits, overrides, flags, rejections and the reviewer's verdicts", async () => {
    const m = (await s.as('lea', '/api/metrics')).json() as { users: { user: string }[] };
    const row = (u: string) => m.users.find((r) => r.user === u) as Record<string, unknown>;
    expect(row('ann')).toMatchObject({
      submits: 2,
      checkOverrides: 1,
      submitsWithOverrides: 1,
      flagsReceived: 3,
      framesRejected: 2,
      boxesCreated: 3,
      boxesFit: 1,
    });
    expect(row('rev')).toMatchObject({ accepts: 1, rejects: 1, flagsRaised: 2 });
    expect(row('lea')).toMatchObject({ rejects: 1, flagsRaised: 1 });
    expect(typeof row('rev').turnaroundMeanMs).toBe('number');
    const csv = await s.as('lea', '/api/metrics.csv?table=day');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toMatch(/^day,user,active_minutes,/);
    expect((await s.as('lea', '/api/metrics?from=2999-01-01')).json().users).toEqual([]);
    expect((await s.as('lea', '/api/metrics?user=rev')).json().users.map((r: { user: string }) => r.user)).toEqual(['rev']);
    for (const q of ['from=yesterday', 'idle=0', 'user=a%20b', 'to=2024-13-45']) expect((await s.as('lea', `/api/metrics?${q}`)).statusCode).toBe(400);
    expect((await s.as('lea', '/api/metrics.csv?table=nope')).statusCode).toBe(400);
  });
});

describe('the first review action assigns the reviewer', () => {
  it('a flag claims the frame: another reviewer can then neither flag, close flags nor give a verdict', async () => {
    const G = '000002';
    const at = (user: string, method: string, url: string, payload?: object) =>
      s.as(user, { method: method as 'POST', url: `/api/frames/${G}/${url}`, payload: payload ?? {} });
    await s.as('lea', { method: 'PUT', url: `/api/frames/${G}/assignment`, payload: { annotator: null, reviewer: null } });
    const current = (await s.as('lea', `/api/frames/${G}/annotation`)).json() as FrameAnnotation;
    await s.as('lea', {
      method: 'PUT',
      url: `/api/frames/${G}/annotation`,
      payload: { ...current, cuboids: [sampleCuboid('g')] },
      headers: { 'if-match': `"${current.revision}"` },
    });
    expect((await at('lea', 'POST', 'submit')).statusCode).toBe(200);
    const first = await at('rev', 'POST', 'flags', { cuboidId: 'g', reason: 'box-fits-object' });
    expect(first.statusCode).toBe(201);
    expect(((await s.as('lea', `/api/frames/${G}/review`)).json() as ReviewInfo).reviewer).toBe('rev');
    const second = await at('rev2', 'POST', 'flags', { cuboidId: 'g', reason: 'box-fits-object' });
    expect([second.statusCode, second.json().error]).toEqual([403, 'not_assigned']);
    expect(second.json().detail).toMatch(/reviewed by rev, who acted on it first/);
    const close = await s.as('rev2', { method: 'PATCH', url: `/api/frames/${G}/flags/${first.json().flag.id}`, payload: { state: 'closed' } });
    expect(close.statusCode).toBe(403);
    expect((await at('rev2', 'POST', 'reject')).statusCode).toBe(403);
    expect(((await s.as('rev2', `/api/frames/${G}/review`)).json() as ReviewInfo).can).toMatchObject({ flag: false, reject: false, closeFlags: false });
    expect((await at('rev', 'POST', 'reject')).json().status).toBe('rejected');
  });
});

describe('assignment', () => {
  it('a lead can hand a frame to another annotator or reviewer (who must have that role)', async () => {
    const put = (payload: object) => s.as('lea', { method: 'PUT', url: `/api/frames/000002/assignment`, payload });
    expect((await put({ annotator: 'ann2', reviewer: 'rev2' })).json()).toEqual({ frameId: '000002', annotator: 'ann2', reviewer: 'rev2' });
    expect((await put({ annotator: 'rev' })).json().detail).toMatch(/not a user with the annotator or lead role/);
    expect((await put({ reviewer: null })).json()).toEqual({ frameId: '000002', annotator: 'ann2', reviewer: null });
    const current = (await s.as('ann', '/api/frames/000002/annotation')).json() as FrameAnnotation;
    const res = await s.as('ann', {
      method: 'PUT',
      url: '/api/frames/000002/annotation',
      payload: sampleDoc('000002'),
      headers: { 'if-match': `"${current.revision}"` },
    });
    expect(res.statusCode).toBe(403);
  });
});
