import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { CheckPool } from '../../../../src/server/checks/CheckPool.ts';
import { createSubmitChecker } from '../../../../src/server/review/checkFrameForSubmit.ts';
import { startAuthServer, type AuthTestServer } from '../fixtures/authServer.ts';
import { SHARED_KITTI, sampleCuboid } from '../fixtures/makeDataset.ts';

let s: AuthTestServer;
/** The submit gate's worker threads (the server's default gate, made here: the auth fixture passes every submit). */
let pool: CheckPool;
beforeAll(async () => {
  pool = new CheckPool({ threads: 1 });
  s = await startAuthServer({ ann: 'annotator' }, { dataDir: SHARED_KITTI, submitChecker: createSubmitChecker(pool) });
});
afterAll(async () => {
  await s?.close();
  await pool?.close();
});

describe('the submit gate on real KITTI data', () => {
  it('refuses a floating Car with no points until each of its errors carries a reason', async () => {
    const current = (await s.as('ann', '/api/frames/000002/annotation')).json() as FrameAnnotation;
    expect(current.cuboids.length).toBe(2);
    const ghost = sampleCuboid('ghost', { center: [30, 30, 6], size: [4.2, 1.8, 1.55] });
    const put = await s.as('ann', {
      method: 'PUT',
      url: '/api/frames/000002/annotation',
      payload: { ...current, cuboids: [...current.cuboids, ghost] },
      headers: { 'if-match': `"${current.revision}"` },
    });
    expect(put.statusCode).toBe(200);

    const refused = await s.as('ann', { method: 'POST', url: '/api/frames/000002/submit', payload: {} });
    expect(refused.statusCode).toBe(422);
    const errors = refused.json().errors as CheckResult[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.severity === 'error')).toBe(true);
    // 6 m up, 42 m away, the box is above the sensor's top beam: no return could be there, so an
    // empty box is no evidence (tooFewPoints only warns); the scan's extent refuses it.
    expect(errors.filter((e) => e.cuboidId === 'ghost').map((e) => e.ruleId)).toContain('outsideRange');
    // The ground-truth boxes of this frame pass: only the ghost is refused.
    expect(errors.every((e) => e.cuboidId === 'ghost')).toBe(true);

    const overrides = errors.map((e) => ({ ruleId: e.ruleId, cuboidId: e.cuboidId, reason: `checked by eye (${e.ruleId})` }));
    const ok = await s.as('ann', { method: 'POST', url: '/api/frames/000002/submit', payload: { overrides } });
    expect(ok.statusCode).toBe(200);
    const log = (await s.as('ann', '/api/frames/000002/review')).json().history as { action: string; detail: { overrides: unknown[]; checkErrors: number } }[];
    const submit = log.find((h) => h.action === 'submit')!;
    expect(submit.detail.checkErrors).toBe(errors.length);
    expect(submit.detail.overrides).toHaveLength(errors.length);
  });

  it('refuses an empty frame whose pedestrian was never boxed: a near-certain missed object is an error', async () => {
    const checker = createSubmitChecker(pool);
    const frame = s.app.cuboid.dataset.get('000000')!;
    const empty = { schemaVersion: 1, frameId: '000000', revision: 0, cuboids: [], dontCare: [], flags: [], dismissals: [], status: 'todo' } as FrameAnnotation;
    const { defaultDictionary } = await import('../../../../src/domain/checks/dictionary/defaultDictionary.ts');
    const results = await checker(frame, empty, defaultDictionary);
    // KITTI 000000's one labelled object: a pedestrian 8.4 m ahead of the camera, at LiDAR (8.7, −1.8).
    const missed = results.filter((r) => r.ruleId === 'unlabelledCluster' && r.severity === 'error');
    expect(missed.some((r) => r.location !== null && Math.hypot(r.location[0] - 8.7, r.location[1] + 1.8) < 1)).toBe(true);
    expect(results.every((r) => r.cuboidId === null)).toBe(true);
  });
});
