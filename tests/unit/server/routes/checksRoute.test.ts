import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { checkDataset } from '../../../../src/cli/checkDataset.ts';
import { countBySeverity } from '../../../../src/domain/checks/CheckResult.ts';
import type { FrameCheckSummary } from '../../../../src/domain/api/wireTypes.ts';
import type { FrameListItem } from '../../../../src/domain/document/FrameListItem.ts';
import { CheckPool } from '../../../../src/server/checks/CheckPool.ts';
import { FrameCheckSummaries } from '../../../../src/server/checks/FrameCheckSummaries.ts';
import { DictionaryStore } from '../../../../src/server/review/DictionaryStore.ts';
import { SHARED_KITTI, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/frames/:id/checks', () => {
  it('counts the same results as `cuboid check` on the shipped labels, without importing them', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const report = await checkDataset(SHARED_KITTI);
    for (const id of ['000000', '000001', '000002']) {
      const res = await server.app.inject(`/api/frames/${id}/checks`);
      expect(res.statusCode).toBe(200);
      const summary = res.json() as FrameCheckSummary;
      const expected = countBySeverity(report.frames.find((f) => f.frameId === id)!.results);
      expect(summary).toEqual({ frameId: id, revision: 0, dictionaryVersion: report.dictionary.version, ...expected, around: expect.any(String) });
      // The clean ground truth has no errors (FORMATS/issue: warnings only where questionable).
      expect(summary.error).toBe(0);
    }
    // Reading a summary imported nothing, and the list now carries each frame's counts.
    const frames = (await server.app.inject('/api/frames')).json() as FrameListItem[];
    for (const f of frames) {
      expect(f.revision).toBe(0);
      expect(f.checks).toEqual(countBySeverity(report.frames.find((r) => r.frameId === f.id)!.results));
    }
  });

  it('follows the revision: a save with a box too small for its class shows an error, and the list drops stale counts', async () => {
    server = await startTestServer({ fixture: { points: 200 } });
    const before = (await server.app.inject('/api/frames/000000/checks')).json() as FrameCheckSummary;
    expect(before).toMatchObject({ revision: 0, error: 0 });
    const tiny = sampleCuboid('tiny', { size: [0.4, 0.3, 0.3] });
    const put = await server.app.inject({
      method: 'PUT',
      url: '/api/frames/000000/annotation',
      payload: sampleDoc('000000', [tiny]),
      headers: { 'if-match': '"0"' },
    });
    expect(put.statusCode).toBe(200);
    const listed = ((await server.app.inject('/api/frames')).json() as FrameListItem[]).find((f) => f.id === '000000');
    expect(listed?.revision).toBe(1);
    expect(listed?.checks).toBeUndefined();
    const after = (await server.app.inject('/api/frames/000000/checks')).json() as FrameCheckSummary;
    expect(after.revision).toBe(1);
    expect(after.error).toBeGreaterThanOrEqual(1);
  });

  it('names the broken file (422) and answers 404 for an unknown frame', async () => {
    server = await startTestServer();
    fs.writeFileSync(path.join(server.dataDir, 'velodyne', '000001.bin'), new Uint8Array(21));
    const broken = await server.app.inject('/api/frames/000001/checks');
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ error: 'frame_unreadable' });
    expect(broken.json().detail).toContain('000001.bin');
    expect((await server.app.inject('/api/frames/999999/checks')).statusCode).toBe(404);
  });

  it('skips point files too large for a background check, saying why', async () => {
    server = await startTestServer({ fixture: { points: 200 } });
    const pool = new CheckPool({ threads: 1 });
    onTestFinished(() => pool.close());
    const summaries = new FrameCheckSummaries({
      annotations: server.app.cuboid.service,
      dictionaries: new DictionaryStore(server.stateDir),
      pool,
      maxBytes: 1000,
    });
    const frame = server.app.cuboid.service.dataset.get('000000')!;
    const summary = await summaries.get(frame);
    expect(summary.skipped).toMatch(/point file is .* MiB; open the frame/);
    expect(summary.error + summary.warning + summary.info).toBe(0);
  });
});
