import { afterEach, describe, expect, it } from 'vitest';
import type { TrackFrame } from '../../../../src/domain/api/wireTypes.ts';
import type { FrameListItem } from '../../../../src/domain/document/FrameListItem.ts';
import { SHARED_KITTI, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const put = (s: TestServer, id: string, doc: unknown, base: number) =>
  s.app.inject({ method: 'PUT', url: `/api/frames/${id}/annotation`, payload: doc as object, headers: { 'if-match': `"${base}"` } });

describe('GET /api/tracks', () => {
  it('returns every saved frame’s tracked boxes in dataset order, and nothing else', async () => {
    server = await startTestServer();
    const car = (frame: number) => sampleCuboid(`car-${frame}`, { trackId: 'T1', center: [10 + frame, 2, -0.9] });
    expect((await put(server, '000002', sampleDoc('000002', [car(2), sampleCuboid('loose')]), 0)).statusCode).toBe(200);
    expect(
      (await put(server, '000000', sampleDoc('000000', [car(0), sampleCuboid('ped', { trackId: 'T2', label: 'Pedestrian', size: [0.8, 0.6, 1.7] })]), 0))
        .statusCode,
    ).toBe(200);
    const res = await server.app.inject('/api/tracks');
    expect(res.statusCode).toBe(200);
    const index = res.json() as TrackFrame[];
    expect(index.map((f) => [f.frameId, f.revision, f.cuboids.map((c) => `${c.id}:${c.trackId}`)])).toEqual([
      ['000000', 1, ['car-0:T1', 'ped:T2']],
      ['000002', 1, ['car-2:T1']],
    ]);
    expect(index[1].cuboids[0].center).toEqual([12, 2, -0.9]);
  });

  it('does not import shipped labels (they have no track ids)', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    expect((await server.app.inject('/api/tracks')).json()).toEqual([]);
    const frames = (await server.app.inject('/api/frames')).json() as FrameListItem[];
    expect(frames.every((f) => f.revision === 0)).toBe(true);
  });
});
