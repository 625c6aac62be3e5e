import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { jobCreatedSchema, type JobStatusReply } from '../../../../src/domain/api/jobSchemas.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';
import { waitForJob } from '../fixtures/waitForJob.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const LABEL = 'Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59\n';

describe('background jobs in the SQLite mode (in this process)', () => {
  it('runs the dashboard export as a job: 202, progress up to 1, then the zip', async () => {
    server = await startTestServer({ fixture: { labels: { '000001': LABEL } } });
    const posted = await server.app.inject({ method: 'POST', url: '/api/jobs/export?bin=1&split=0.5', payload: {} });
    expect(posted.statusCode).toBe(202);
    const created = jobCreatedSchema.parse(posted.json());
    expect(posted.headers.location).toBe(`/api/jobs/${created.id}`);
    const seen: JobStatusReply[] = [];
    const done = await waitForJob(server.app, created.id, seen);
    expect(done.state).toBe('done');
    expect(done.progress).toBe(1);
    expect(done.attempts).toBe(1);
    expect(done.result).toMatchObject({ fileName: 'data-kitti.zip', frames: 3, skipped: 0 });
    for (let i = 1; i < seen.length; i++) expect(seen[i].progress).toBeGreaterThanOrEqual(seen[i - 1].progress);

    const file = await server.app.inject(`/api/jobs/${created.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="data-kitti.zip"');
    expect(Number(file.headers['content-length'])).toBe((done.result as { bytes: number }).bytes);
    const files = unzipSync(new Uint8Array(file.rawPayload));
    expect(new TextDecoder().decode(files['training/label_2/000001.txt'])).toBe(LABEL);
    expect(Object.keys(files)).toContain('training/velodyne/000002.bin');
  });

  it('refuses options sent in the body instead of ignoring them (they go in the query)', async () => {
    server = await startTestServer();
    const posted = await server.app.inject({ method: 'POST', url: '/api/jobs/export', payload: { format: 5 } });
    expect(posted.statusCode).toBe(400);
    expect(posted.json().detail).toMatch(/export options go in the query string/);
  });

  it('records a failed job with its error; the file route says why there is no file', async () => {
    server = await startTestServer();
    const posted = await server.app.inject({ method: 'POST', url: '/api/jobs/export?status=finished', payload: {} });
    expect(posted.statusCode).toBe(202);
    const { id } = jobCreatedSchema.parse(posted.json());
    const failed = await waitForJob(server.app, id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.error).toBe('invalid_query');
    expect(failed.error?.detail).toMatch(/finished/);
    const file = await server.app.inject(`/api/jobs/${id}/file`);
    expect(file.statusCode).toBe(409);
    expect(file.json()).toMatchObject({ error: 'job_not_done', state: 'failed' });
  });

  it('fails an export that would hold no frame, saying why (no frame accepted), instead of offering an empty zip', async () => {
    server = await startTestServer();
    const posted = await server.app.inject({ method: 'POST', url: '/api/jobs/export?status=accepted', payload: {} });
    const failed = await waitForJob(server.app, jobCreatedSchema.parse(posted.json()).id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.error).toBe('nothing_to_export');
    expect(failed.error?.detail).toBe('no frame has the status accepted (3 frames have another): nothing to export');
  });

  it('lists the frames an export skipped in its result, each with the file and why', async () => {
    server = await startTestServer({ fixture: { ids: ['000000', '000001'] } });
    fs.writeFileSync(path.join(server.dataDir, 'velodyne', '000001.bin'), new Uint8Array(20));
    const posted = await server.app.inject({ method: 'POST', url: '/api/jobs/export', payload: {} });
    const done = await waitForJob(server.app, jobCreatedSchema.parse(posted.json()).id);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ frames: 1, skipped: 1 });
    const [k] = (done.result as { skippedFrames: { frameId: string; file: string; reason: string }[] }).skippedFrames;
    expect(k).toMatchObject({ frameId: '000001', file: 'velodyne/000001.bin' });
    expect(k.reason).toMatch(/size 20 bytes is not a multiple of 16/);
  });

  it('answers 404 for an unknown job and 400 for an id that is not a UUID', async () => {
    server = await startTestServer();
    const unknown = await server.app.inject('/api/jobs/6f1c1f3e-2a4b-4c5d-8e9f-0a1b2c3d4e5f');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('job_not_found');
    const bad = await server.app.inject('/api/jobs/not-a-job');
    expect(bad.statusCode).toBe(400);
  });

  it('still answers navigator summaries and submit gates through the in-process runner', async () => {
    server = await startTestServer({ fixture: { labels: { '000001': LABEL } } });
    const summary = await server.app.inject('/api/frames/000001/checks');
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ frameId: '000001', revision: 0 });
    const doc = await server.app.inject('/api/frames/000001/annotation');
    expect(doc.statusCode).toBe(200);
    const submit = await server.app.inject({ method: 'POST', url: '/api/frames/000001/submit', payload: { overrides: [] } });
    // Checked (200 submitted, or 422 naming the check errors that need a reason): either way the gate ran.
    expect([200, 422]).toContain(submit.statusCode);
    if (submit.statusCode === 422) expect(submit.json().error).not.toMatch(/^job_/);
  });

  it('lists the job routes in the OpenAPI document', async () => {
    server = await startTestServer();
    const doc = (await server.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/jobs/export'] ?? {})).toContain('post');
    expect(Object.keys(doc.paths['/api/jobs/{id}'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/jobs/{id}/file'] ?? {})).toContain('get');
  });
});
