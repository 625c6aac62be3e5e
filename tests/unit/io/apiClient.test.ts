import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, type ApiClient } from '../../../src/io/apiClient.ts';
import { SHARED_KITTI, sampleCuboid } from '../server/fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../server/fixtures/testServer.ts';

let server: TestServer;
let api: ApiClient;
beforeAll(async () => {
  server = await startTestServer({ dataDir: SHARED_KITTI });
  api = createApiClient({ baseUrl: `${await server.app.listen({ port: 0, host: '127.0.0.1' })}/` });
});
afterAll(async () => {
  await server.close();
});

describe('apiClient against a real server', () => {
  it('lists the dataset and its frames', async () => {
    expect((await api.getDataset()).layout).toBe('kitti');
    expect((await api.listFrames()).map((f) => f.id)).toEqual(['000000', '000001', '000002']);
  });

  it('loads, saves, conflicts and reads history', async () => {
    const doc = await api.getAnnotation('000002');
    expect(doc.revision).toBe(1);
    const edited = { ...doc, cuboids: [...doc.cuboids, sampleCuboid('mine')] };
    const saved = await api.saveAnnotation('000002', edited, doc.revision);
    expect(saved).toMatchObject({ ok: true, labelWritten: true, doc: { revision: 2 } });
    const stale = await api.saveAnnotation('000002', edited, doc.revision);
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.conflict && stale.current.revision).toBe(2);
    expect((await api.listRevisions('000002')).map((r) => r.source)).toEqual(['import', 'save']);
    expect((await api.getRevision('000002', 1)).cuboids).toHaveLength(2);
    expect((await api.listActivity({ frameId: '000002', limit: 1 }))[0].action).toBe('save');
    expect((await api.getLabelText('000002')).split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('gets calib and builds file URLs that work', async () => {
    const calib = await api.getCalib('000000');
    expect(calib.imageSize).toEqual([1224, 370]);
    const res = await fetch(api.pointsUrl('000000'), { headers: { range: 'bytes=0-15' } });
    expect(res.status).toBe(206);
    expect((await fetch(api.imageUrl('000000'))).headers.get('content-type')).toBe('image/png');
    expect(api.exportZipUrl({ split: 0.7, statuses: ['accepted', 'submitted'], points: false })).toMatch(
      /\/api\/export\.zip\?split=0\.7&status=accepted%2Csubmitted&points=0$/,
    );
  });

  it('throws a typed ApiError with the server error and detail', async () => {
    const err = await api.getAnnotation('../etc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 404, error: 'frame_not_found' });
    const bad = await api.saveAnnotation('000001', { ...(await api.getAnnotation('000001')), status: 'nope' as never }, 1).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400, error: 'invalid_annotation' });
    expect((bad as ApiError).detail).toMatch(/^status:/);
  });

  it('reports an unreachable server as status 0', async () => {
    const offline = createApiClient({ baseUrl: 'http://127.0.0.1:9' });
    await expect(offline.listFrames()).rejects.toMatchObject({ status: 0, error: 'network' });
  });
});
