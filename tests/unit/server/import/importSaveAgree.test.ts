import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { validateAnnotation } from '../../../../src/domain/document/validateAnnotation.ts';
import { importLabels } from '../../../../src/server/import/importLabels.ts';
import { sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A KITTI line of class `type`, 15 columns. */
const line = (type: string, z = 9.71) => `${type} 0.00 0 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 ${z} -1.87`;

async function open(s: TestServer, id: string) {
  return s.app.inject(`/api/frames/${id}/annotation`);
}

async function saveBack(s: TestServer, doc: FrameAnnotation) {
  return s.app.inject({ method: 'PUT', url: `/api/frames/${doc.frameId}/annotation`, payload: doc, headers: { 'if-match': `"${doc.revision}"` } });
}

describe('label_2 import and save hold one rule', () => {
  it('a frame labelled Fußgänger, 歩行者 or Truck(big) opens and saves again', async () => {
    server = await startTestServer({ fixture: { labels: { '000000': `${line('Fußgänger')}\n${line('Truck(big)', 12)}\n${line('歩行者', 15)}\n` } } });
    const res = await open(server, '000000');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as FrameAnnotation;
    expect(doc.cuboids.map((c) => c.label)).toEqual(['Fußgänger', 'Truck(big)', '歩行者']);
    const put = await saveBack(server, doc);
    expect(put.statusCode).toBe(200);
    // The written label_2 keeps the names (UTF-8).
    const written = fs.readFileSync(path.join(server.dataDir, 'label_2', '000000.txt'), 'utf8');
    expect(written.split('\n').map((l) => l.split(' ')[0])).toEqual(['Fußgänger', 'Truck(big)', '歩行者', '']);
  });

  it('a class name the save refuses is refused by the import too, naming the file, the line and the rule', async () => {
    const long = 'X'.repeat(65);
    server = await startTestServer({ fixture: { labels: { '000000': `${line('Car')}\n\n${line('Bell\u0007')}\n`, '000001': `${line(long)}\n` } } });
    const bell = await open(server, '000000');
    expect(bell.statusCode).toBe(422);
    expect(bell.json()).toMatchObject({ error: 'label_invalid' });
    expect(bell.json().detail).toBe(
      'label_2/000000.txt line 3: class "Bell\\u0007": the class name holds the character U+0007; a class name is 1-64 characters with no spaces and no control or invisible characters',
    );
    expect((await open(server, '000001')).json().detail).toMatch(/^label_2\/000001\.txt line 1: class "X{65}": the class name has 65 characters/);
    // The same names in a save: refused by the same rule.
    for (const label of ['Bell\u0007', long, 'two words']) {
      const v = validateAnnotation(sampleDoc('000002', [sampleCuboid('a', { label })]));
      expect(v.ok).toBe(false);
    }
    // cuboid import reports the file and goes on.
    const pred = path.join(server.root, 'pred');
    fs.mkdirSync(pred);
    fs.writeFileSync(path.join(pred, '000002.txt'), `${line('Car\u202e')}\n`);
    const summary = await importLabels(server.app.cuboid.service, pred);
    expect(summary.imported).toEqual([]);
    expect(summary.errors).toEqual([
      { file: '000002.txt', error: expect.stringMatching(/^000002\.txt line 1: class "Car\\u202e": the class name holds the character U\+202E/) },
    ]);
  });

  it('at most 10,000 boxes either way: the import names the line past the limit, and a frame at the limit saves', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => line('Car', 5 + (i % 100) * 0.5)).join('\n');
    server = await startTestServer({ fixture: { labels: { '000000': `${lines(10_001)}\n`, '000001': `${lines(10_000)}\n` } } });
    const over = await open(server, '000000');
    expect(over.statusCode).toBe(422);
    expect(over.json().detail).toBe('label_2/000000.txt line 10001: more than 10000 boxes in one frame, the most a frame can save');
    const atLimit = await open(server, '000001');
    expect(atLimit.statusCode).toBe(200);
    const doc = atLimit.json() as FrameAnnotation;
    expect(doc.cuboids).toHaveLength(10_000);
    expect((await saveBack(server, doc)).statusCode).toBe(200);
    // Appending one more to the full frame is refused, naming the file.
    const pred = path.join(server.root, 'pred');
    fs.mkdirSync(pred);
    fs.writeFileSync(path.join(pred, '000001.txt'), `${line('Car')}\n`);
    const summary = await importLabels(server.app.cuboid.service, pred, { mode: 'append' });
    expect(summary.errors).toEqual([
      { file: '000001.txt', error: '000001.txt: appending 1 boxes to the 10000 the frame has makes more than 10000, the most a frame can save' },
    ]);
  });
});
