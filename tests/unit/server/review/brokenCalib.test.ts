import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';
import { sampleCuboid } from '../fixtures/makeDataset.ts';

/** A real KITTI line (a car ahead of the camera): camera coordinates, so reading it needs the calib. */
const LABEL = 'Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59\n';
/** Line 2 of this calib is short: P1 has 3 of its 12 values. */
const BROKEN_CALIB = 'P0: 7.215377e+02 0 6.095593e+02 0 0 7.215377e+02 1.728540e+02 0 0 0 1 0\nP1: 1 2 3\n';

let s: TestServer;
let goodCalib = '';
beforeAll(async () => {
  // 000001: no label_2 (boxes made in the app, LiDAR frame); 000002: a shipped label_2 file.
  s = await startTestServer({ fixture: { points: 300, labels: { '000002': LABEL } }, checks: { threads: 1 } });
  goodCalib = fs.readFileSync(path.join(s.dataDir, 'calib', '000001.txt'), 'utf8');
  for (const id of ['000001', '000002']) fs.writeFileSync(path.join(s.dataDir, 'calib', `${id}.txt`), BROKEN_CALIB);
});
afterAll(async () => s?.close());

const get = (url: string) => s.app.inject(url);
const post = (url: string, payload: object) => s.app.inject({ method: 'POST', url, payload });

describe('a frame whose calib file is broken', () => {
  it('still saves, checks and submits its LiDAR-frame boxes; the label_2 write waits for the calib and says why', async () => {
    const current = (await get('/api/frames/000001/annotation')).json() as FrameAnnotation;
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/frames/000001/annotation',
      payload: { ...current, cuboids: [sampleCuboid('a')] },
      headers: { 'if-match': `"${current.revision}"` },
    });
    expect(put.statusCode).toBe(200);
    // The save stands; label_2 is in camera coordinates, so the file is not written, and the reason names the file and line.
    expect(put.json().labelWritten).toBe(false);
    expect(put.json().labelError).toContain('calib/000001.txt');
    expect(put.json().labelError).toMatch(/line 2, field "P1"/);

    // The navigator's summary: checked (missed objects searched all around), not a 422.
    const summary = await get('/api/frames/000001/checks');
    expect(summary.statusCode).toBe(200);

    // The submit gate runs; any check error is overridden as an annotator would.
    let submit = await post('/api/frames/000001/submit', { overrides: [] });
    if (submit.statusCode === 422 && submit.json().error === 'check_errors') {
      const errors = submit.json().errors as CheckResult[];
      submit = await post('/api/frames/000001/submit', { overrides: errors.map((e) => ({ ruleId: e.ruleId, cuboidId: e.cuboidId, reason: 'seen' })) });
    }
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('submitted');

    // What needs the calib says so, naming the file and line: the label text and the calib itself.
    for (const url of ['/api/frames/000001/label', '/api/frames/000001/calib']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(422);
      expect(res.json().error, url).toBe('calib_invalid');
      expect(res.json().detail, url).toContain('calib/000001.txt');
      expect(res.json().detail, url).toMatch(/line 2/);
    }
  });

  it('cannot open a frame whose only labels are label_2 lines (camera coordinates): the error names the calib file and line', async () => {
    const res = await get('/api/frames/000002/annotation');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('calib_invalid');
    expect(res.json().detail).toContain('calib/000002.txt');
    expect(res.json().detail).toMatch(/line 2, field "P1"/);
  });

  it('writes the label file once the calib is fixed (the label retry timer’s pass)', async () => {
    const file = path.join(s.stateDir, 'label_2', '000001.txt');
    expect(fs.existsSync(file)).toBe(false);
    fs.writeFileSync(path.join(s.dataDir, 'calib', '000001.txt'), goodCalib);
    const label = await get('/api/frames/000001/label');
    expect(label.statusCode).toBe(200);
    expect(label.body).toMatch(/^Car /);
    const pass = await s.app.cuboid.service.syncDirtyLabels();
    expect(pass.written).toContain('000001');
    expect(fs.readFileSync(file, 'utf8')).toBe(label.body);
  });
});
