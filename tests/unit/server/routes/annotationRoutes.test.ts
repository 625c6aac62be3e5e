import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { SHARED_KITTI, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';
import { TEST_BACKEND } from '../../../helpers/testDatabase.ts';

/** FORMATS.md §3.8: this LiDAR box with the frame-000001 calib gives exactly this label line. */
const WORKED_BOX = sampleCuboid('w', { center: [10, 2, -0.8], size: [4, 1.8, 1.5], yaw: 0.3 });
const WORKED_LINE = 'Car 0.00 0 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 9.71 -1.87\n';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function put(s: TestServer, id: string, doc: unknown, headers: Record<string, string> = {}) {
  return s.app.inject({ method: 'PUT', url: `/api/frames/${id}/annotation`, payload: doc as object, headers });
}

describe('GET /api/frames/:id/annotation', () => {
  it('gives an empty revision-0 document for a frame never saved', async () => {
    server = await startTestServer();
    const res = await server.app.inject('/api/frames/000000/annotation');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.json()).toMatchObject({ frameId: '000000', revision: 0, cuboids: [], dontCare: [], status: 'todo' });
  });

  it('imports a shipped label file on first open as revision 1, DontCare kept, and logs it', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/frames/000001/annotation');
    const doc = res.json() as FrameAnnotation;
    expect(doc.revision).toBe(1);
    expect(doc.cuboids.map((c) => [c.label, c.source])).toEqual([
      ['Truck', 'import'],
      ['Car', 'import'],
      ['Cyclist', 'import'],
    ]);
    // FORMATS.md §3.7: the Car's LiDAR centre.
    expect(doc.cuboids[1].center[0]).toBeCloseTo(58.780800999, 6);
    expect(doc.cuboids[1].center[2]).toBeCloseTo(-0.841110953, 6);
    expect(doc.dontCare).toHaveLength(4);
    const again = (await server.app.inject('/api/frames/000001/annotation')).json() as FrameAnnotation;
    expect(again.revision).toBe(1);
    const log = (await server.app.inject('/api/activity?frameId=000001')).json() as { action: string }[];
    expect(log.map((e) => e.action)).toEqual(['import']);
    // The label written to the state folder is byte-identical to the shipped one.
    expect(fs.readFileSync(path.join(server.stateDir, 'label_2', '000001.txt'), 'utf8')).toBe(
      fs.readFileSync(path.join(SHARED_KITTI, 'label_2', '000001.txt'), 'utf8'),
    );
  });

  it('answers 422 naming the line for an unreadable shipped label', async () => {
    server = await startTestServer({ fixture: { labels: { '000001': 'Car 0 0 0\n' } } });
    const res = await server.app.inject('/api/frames/000001/annotation');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'label_invalid' });
    expect(res.json().detail).toMatch(/000001\.txt.*line 1/);
  });
});

describe('PUT /api/frames/:id/annotation', () => {
  it('stores revision 1 and writes the expected KITTI line to label_2', async () => {
    server = await startTestServer();
    const res = await put(server, '000001', sampleDoc('000001', [WORKED_BOX]), { 'if-match': '"0"' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ labelWritten: true, annotation: { revision: 1, frameId: '000001' } });
    expect(fs.readFileSync(path.join(server.stateDir, 'label_2', '000001.txt'), 'utf8')).toBe(WORKED_LINE);
    const label = await server.app.inject('/api/frames/000001/label');
    expect(label.body).toBe(WORKED_LINE);
    expect(label.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('writes into the dataset label_2 by default (no --state)', async () => {
    server = await startTestServer({ stateInData: true });
    await put(server, '000001', sampleDoc('000001', [WORKED_BOX]), { 'if-match': '0' });
    expect(fs.readFileSync(path.join(server.dataDir, 'label_2', '000001.txt'), 'utf8')).toBe(WORKED_LINE);
    expect(fs.existsSync(path.join(server.dataDir, '.cuboid', 'cuboid.db'))).toBe(TEST_BACKEND === 'sqlite');
  });

  it('takes the base revision from the body too, and keeps full precision', async () => {
    server = await startTestServer();
    const doc = sampleDoc('000001', [sampleCuboid('a', { center: [1 / 3, Math.PI, -Math.E] })]);
    const res = await put(server, '000001', { ...doc, baseRevision: 0 });
    expect(res.statusCode).toBe(200);
    const back = (await server.app.inject('/api/frames/000001/annotation')).json() as FrameAnnotation;
    expect(back.cuboids[0].center).toEqual([1 / 3, Math.PI, -Math.E]);
  });

  it('answers a stale revision with 409 and the current document, storing nothing', async () => {
    server = await startTestServer();
    await put(server, '000001', sampleDoc('000001', [WORKED_BOX]), { 'if-match': '"0"' });
    const stale = await put(server, '000001', sampleDoc('000001', []), { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'conflict', current: { revision: 1, cuboids: [{ id: 'w' }] } });
    expect(fs.readFileSync(path.join(server.stateDir, 'label_2', '000001.txt'), 'utf8')).toBe(WORKED_LINE);
  });

  it('a client cannot build on revision 0 of a frame whose shipped label was never opened', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await put(server, '000000', sampleDoc('000000', []), { 'if-match': '"0"' });
    expect(res.statusCode).toBe(409);
    expect(res.json().current.cuboids[0].label).toBe('Pedestrian');
  });

  it('requires a base revision (428) and refuses contradictions (400)', async () => {
    server = await startTestServer();
    const none = await put(server, '000001', sampleDoc('000001'));
    expect(none.statusCode).toBe(428);
    expect(none.json().error).toBe('precondition_required');
    const both = await put(server, '000001', { ...sampleDoc('000001'), baseRevision: 1 }, { 'if-match': '"0"' });
    expect(both.statusCode).toBe(400);
  });

  it('refuses a document for another frame', async () => {
    server = await startTestServer();
    const res = await put(server, '000001', sampleDoc('000002'), { 'if-match': '"0"' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/^frameId:/);
  });

  it('keeps every revision in the history', async () => {
    server = await startTestServer();
    await put(server, '000001', sampleDoc('000001', [WORKED_BOX]), { 'if-match': '"0"' });
    await put(server, '000001', sampleDoc('000001', []), { 'if-match': '"1"', 'x-cuboid-user': 'ann' });
    const list = (await server.app.inject('/api/frames/000001/revisions')).json();
    expect(list.map((r: { revision: number; savedBy: string; boxCount: number }) => [r.revision, r.savedBy, r.boxCount])).toEqual([
      [1, 'local', 1],
      [2, 'ann', 0],
    ]);
    const r1 = (await server.app.inject('/api/frames/000001/revisions/1')).json() as FrameAnnotation;
    expect(r1.cuboids[0].id).toBe('w');
    expect((await server.app.inject('/api/frames/000001/revisions/9')).statusCode).toBe(404);
    expect((await server.app.inject('/api/frames/000001/revisions/x')).statusCode).toBe(404);
    expect(fs.readFileSync(path.join(server.stateDir, 'label_2', '000001.txt'), 'utf8')).toBe('');
  });

  it('a failed label write keeps the save, marks it dirty, and the next save repairs the file', async () => {
    server = await startTestServer();
    const file = path.join(server.stateDir, 'label_2', '000001.txt');
    fs.mkdirSync(file); // a folder in the way: the rename fails
    const first = await put(server, '000001', sampleDoc('000001', [WORKED_BOX]), { 'if-match': '"0"' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ labelWritten: false, annotation: { revision: 1 } });
    expect(first.json().labelError).toBeTypeOf('string');
    expect(await server.app.cuboid.storage.listDirtyLabels()).toEqual(['000001']);
    fs.rmdirSync(file);
    const second = await put(server, '000001', sampleDoc('000001', [WORKED_BOX]), { 'if-match': '"1"' });
    expect(second.json().labelWritten).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(WORKED_LINE);
    expect(await server.app.cuboid.storage.listDirtyLabels()).toEqual([]);
  });

  it("frame status and box count show in the frame list; the status is the server's, not the body's", async () => {
    server = await startTestServer();
    // A save never sets the review status: the first one moves the frame from todo to in_progress.
    await put(server, '000002', { ...sampleDoc('000002', [WORKED_BOX, sampleCuboid('b')]), status: 'submitted' }, { 'if-match': '"0"' });
    const frames = (await server.app.inject('/api/frames')).json() as { id: string; status: string; boxCount: number; revision: number }[];
    expect(frames.find((f) => f.id === '000002')).toMatchObject({ status: 'in_progress', boxCount: 2, revision: 1 });
  });
});
