import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/domain/checks/CheckResult.ts';
import { ApiError, checkErrorsOf, createApiClient, type ApiClient } from '../../../src/io/apiClient.ts';
import { startAuthServer, type AuthTestServer } from '../server/fixtures/authServer.ts';
import { sampleCuboid, sampleDoc } from '../server/fixtures/makeDataset.ts';

let server: AuthTestServer;
let baseUrl = '';
let gate: CheckResult[] = [];
let ann: ApiClient;
let rev: ApiClient;
let lea: ApiClient;

/** A client with its own cookie jar, like one browser context. */
function browser(): ApiClient {
  let cookie = '';
  return createApiClient({
    baseUrl,
    fetch: async (input, init = {}) => {
      const headers = new Headers(init.headers);
      if (cookie !== '') headers.set('cookie', cookie);
      const res = await fetch(input, { ...init, headers });
      const set = res.headers.get('set-cookie');
      if (set !== null) cookie = set.split(';')[0].endsWith('=') ? '' : set.split(';')[0];
      return res;
    },
  });
}

beforeAll(async () => {
  server = await startAuthServer({ ann: 'annotator', rev: 'reviewer', lea: 'lead' }, { submitChecker: async () => gate });
  baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  ann = browser();
  rev = browser();
  lea = browser();
});
afterAll(async () => server.close());

describe('apiClient: sessions and the review loop against a real server', () => {
  it('logs in with a token and knows who it is; a wrong token is an ApiError 401', async () => {
    expect(await ann.getSession()).toEqual({ mode: 'auth', user: null });
    await expect(ann.listFrames()).rejects.toMatchObject({ status: 401, error: 'unauthenticated' });
    await expect(ann.login('x'.repeat(43))).rejects.toMatchObject({ status: 401, error: 'invalid_token' });
    expect((await ann.login(server.tokens.ann)).user).toEqual({ name: 'ann', role: 'annotator' });
    await rev.login(server.tokens.rev);
    await lea.login(server.tokens.lea);
    expect((await rev.getSession()).user).toEqual({ name: 'rev', role: 'reviewer' });
  });

  it('runs save → submit (with an override) → flag → reject → resolve → resubmit → accept → diff', async () => {
    const saved = await ann.saveAnnotation('000001', sampleDoc('000001', [sampleCuboid('a')]), 0);
    expect(saved.ok).toBe(true);
    gate = [{ ruleId: 'tooFewPoints', severity: 'error', cuboidId: 'a', location: null, message: 'few points', dictionaryEntry: null }];
    const refused = await ann.submitFrame('000001').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(checkErrorsOf(refused)?.map((e) => e.ruleId)).toEqual(['tooFewPoints']);
    expect(checkErrorsOf(new Error('x'))).toBeNull();
    expect((await ann.submitFrame('000001', [{ ruleId: 'tooFewPoints', cuboidId: 'a', reason: 'occluded' }])).status).toBe('submitted');
    gate = [];

    const { flag, annotation } = await rev.addFlag('000001', { cuboidId: 'a', reason: 'box-fits-object', comment: 'too wide' });
    expect(annotation.flags).toEqual([flag]);
    await expect(ann.acceptFrame('000001')).rejects.toMatchObject({ status: 403 });
    expect((await rev.rejectFrame('000001', 'see flag')).status).toBe('rejected');
    const review = await ann.getReview('000001');
    expect(review).toMatchObject({ status: 'rejected', annotator: 'ann', reviewer: 'rev', can: { edit: true, resolveFlags: true, accept: false } });

    const current = await ann.getAnnotation('000001');
    await ann.saveAnnotation('000001', { ...current, cuboids: [sampleCuboid('a', { size: [4.2, 1.6, 1.55] })] }, current.revision);
    expect((await ann.setFlagState('000001', flag.id, 'resolved')).flags[0].state).toBe('resolved');
    await ann.submitFrame('000001');
    expect((await rev.acceptFrame('000001')).status).toBe('accepted');
    const diff = await rev.getDiff('000001');
    expect(diff.boxes[0].dSize![1]).toBeCloseTo(-0.2, 9);
    expect((await rev.getDiff('000001', { from: 0, to: 1 })).counts.added).toBe(1);
  });

  it('reads the dictionary, metrics, CSV and users as a lead; others get 403', async () => {
    expect((await ann.getDictionary()).source).toBe('default');
    const report = await lea.getMetrics({ from: '2000-01-01', user: 'ann' });
    expect(report.users.map((u) => u.user)).toEqual(['ann']);
    expect(report.users[0]).toMatchObject({ submits: 2, framesRejected: 1, flagsReceived: 1, checkOverrides: 1 });
    const url = lea.metricsCsvUrl({ table: 'day', user: 'ann', idleMinutes: 10 });
    expect(url).toBe(`${baseUrl}/api/metrics.csv?user=ann&idle=10&table=day`);
    expect((await lea.listUsers()).map((u) => `${u.name}:${u.role}`)).toEqual(['ann:annotator', 'lea:lead', 'rev:reviewer']);
    await expect(rev.getMetrics()).rejects.toMatchObject({ status: 403, error: 'forbidden' });
    expect(await lea.setAssignment('000002', { annotator: 'ann' })).toEqual({ frameId: '000002', annotator: 'ann', reviewer: null });
  });

  it('logs out', async () => {
    await ann.logout();
    expect((await ann.getSession()).user).toBeNull();
    await expect(ann.listFrames()).rejects.toMatchObject({ status: 401 });
  });
});
