import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationService } from '../../../../src/server/AnnotationService.ts';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { sampleCuboid } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function put(s: TestServer, doc: FrameAnnotation, cuboids: FrameAnnotation['cuboids']) {
  const res = await s.app.inject({
    method: 'PUT',
    url: `/api/frames/${doc.frameId}/annotation`,
    payload: { ...doc, cuboids },
    headers: { 'if-match': `"${doc.revision}"` },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { annotation: FrameAnnotation; labelWritten: boolean };
}

describe("labelWrites: 'after-ack' (cuboid serve --db)", () => {
  it('answers at the commit with labelWritten false; the label follows, the last of a burst of saves wins, nothing stays dirty', async () => {
    server = await startTestServer({ labelWrites: 'after-ack' });
    const s = server;
    let doc = (await s.app.inject('/api/frames/000000/annotation')).json() as FrameAnnotation;
    const boxes: FrameAnnotation['cuboids'] = [];
    // Five saves without waiting for any label: the writes queued behind one another share one pass.
    for (let i = 0; i < 5; i++) {
      boxes.push(sampleCuboid(`b${i}`, { center: [5 + i, 0, -1] }));
      const reply = await put(s, doc, [...boxes]);
      expect(reply.labelWritten).toBe(false);
      expect(reply.annotation.revision).toBe(doc.revision + 1);
      doc = reply.annotation;
    }
    await s.app.cuboid.service.drainLabelWrites();
    const file = fs.readFileSync(path.join(s.stateDir, 'label_2', '000000.txt'), 'utf8');
    expect(file).toBe((await s.app.inject('/api/frames/000000/label')).body);
    expect(file.trim().split('\n')).toHaveLength(5);
    expect(await s.app.cuboid.storage.listDirtyLabels()).toEqual([]);
  });

  it('a label write that fails leaves the frame dirty for the label sync, and the save stands', async () => {
    server = await startTestServer({ labelWrites: 'after-ack' });
    const s = server;
    const doc = (await s.app.inject('/api/frames/000000/annotation')).json() as FrameAnnotation;
    // A folder where the label file should be: the write fails.
    fs.mkdirSync(path.join(s.stateDir, 'label_2', '000000.txt'), { recursive: true });
    const reply = await put(s, doc, [sampleCuboid('x')]);
    expect(reply.annotation.revision).toBe(doc.revision + 1);
    await s.app.cuboid.service.drainLabelWrites();
    expect(await s.app.cuboid.storage.listDirtyLabels()).toEqual(['000000']);
    fs.rmSync(path.join(s.stateDir, 'label_2', '000000.txt'), { recursive: true });
    expect((await s.app.cuboid.service.syncDirtyLabels()).written).toEqual(['000000']);
    expect(fs.readFileSync(path.join(s.stateDir, 'label_2', '000000.txt'), 'utf8')).toBe((await s.app.inject('/api/frames/000000/label')).body);
  });
});

describe('a background label write whose shared lock cannot be taken', () => {
  it('leaves the frame dirty and the save standing, and does not reject (an unhandled rejection ends the replica)', async () => {
    server = await startTestServer({ labelWrites: 'after-ack' });
    const { dataset, storage, service } = server.app.cuboid;
    // The lock connection of a loaded PostgreSQL that does not come in time.
    const failing = { run: () => Promise.reject(new Error('timeout exceeded when trying to connect')) };
    const lockless = Object.assign(Object.create(storage) as typeof storage, { sharedLocks: failing });
    const annotations = new AnnotationService({ dataset, storage: lockless, labelsDir: service.labelsDir, labelWrites: 'after-ack' });
    const frame = dataset.get('000000');
    if (frame === undefined) throw new Error('no frame 000000');
    const doc = await annotations.getAnnotation(frame, 'ann');
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const saved = await annotations.saveAnnotation(frame, { ...doc, cuboids: [sampleCuboid('x')] }, doc.revision, 'ann');
      expect(saved).toMatchObject({ ok: true, labelWritten: false });
      await annotations.drainLabelWrites();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
      expect(warn.mock.calls.flat().join('\n')).toMatch(/label of frame 000000 was not written .*timeout exceeded when trying to connect/);
      expect(await storage.listDirtyLabels()).toEqual(['000000']);
      expect((await storage.getAnnotation('000000'))?.revision).toBe(doc.revision + 1);
    } finally {
      process.off('unhandledRejection', onRejection);
      warn.mockRestore();
    }
  });
});
