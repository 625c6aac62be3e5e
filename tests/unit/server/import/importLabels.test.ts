import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importLabels } from '../../../../src/server/import/importLabels.ts';
import { openWorkspace, type Workspace } from '../../../../src/server/openWorkspace.ts';
import { makeKittiDataset, makeTempDir, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';

const dirs: string[] = [];
let ws: Workspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = makeTempDir();
  dirs.push(d);
  return d;
}

const CAR = 'Car -1 -1 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 9.71 -1.87';
const DONTCARE = 'DontCare -1 -1 -10 503.89 169.71 590.61 190.13 -1 -1 -1 -1000 -1000 -1000 -10';

async function setup(files: Record<string, string>): Promise<string> {
  const root = temp();
  const data = makeKittiDataset(path.join(root, 'data'), { ids: ['000001', '000002'] });
  ws = await openWorkspace({ dataDir: data, stateDir: path.join(root, 'state') });
  const labels = path.join(root, 'pred');
  fs.mkdirSync(labels);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(labels, name), text);
  return labels;
}

describe('importLabels', () => {
  it('imports predictions as import-sourced boxes with scores, filtered by min score', async () => {
    const labels = await setup({ '000001.txt': `${CAR} 0.91\n${CAR.replace('9.71', '19.71')} 0.20\n${DONTCARE}\n` });
    const summary = await importLabels(ws!.service, labels, { minScore: 0.5, actor: 'model' });
    expect(summary.imported).toEqual([{ frameId: '000001', revision: 1, boxes: 1, dontCare: 1, belowScore: 1 }]);
    const doc = await ws!.storage.getAnnotation('000001');
    expect(doc?.cuboids).toHaveLength(1);
    expect(doc?.cuboids[0]).toMatchObject({ label: 'Car', source: 'import', score: 0.91 });
    // FORMATS.md §3.8: this line reads back near (10, 2, -0.8), yaw 0.3.
    expect(doc?.cuboids[0].center[0]).toBeCloseTo(9.998627, 5);
    expect(doc?.dontCare).toHaveLength(1);
    const activity = await ws!.storage.listActivity({ frameId: '000001' });
    expect(activity[0]).toMatchObject({ action: 'import', user: 'model' });
    expect(fs.readFileSync(path.join(ws!.labelsDir, '000001.txt'), 'utf8')).toBe(
      'Car -1.00 -1 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 9.71 -1.87\n' + `${DONTCARE}\n`,
    );
  });

  it('replaces boxes by default and appends with mode append, keeping history', async () => {
    const labels = await setup({ '000002.txt': `${CAR} 0.9\n` });
    const frame = ws!.dataset.get('000002')!;
    await ws!.service.saveAnnotation(frame, sampleDoc('000002', [sampleCuboid('mine')]), 0, 'ann');
    await importLabels(ws!.service, labels, { mode: 'append' });
    expect((await ws!.storage.getAnnotation('000002'))?.cuboids.map((c) => c.source)).toEqual(['manual', 'import']);
    await importLabels(ws!.service, labels);
    expect((await ws!.storage.getAnnotation('000002'))?.cuboids.map((c) => c.source)).toEqual(['import']);
    expect(await ws!.storage.listRevisions('000002')).toHaveLength(3);
  });

  it('reports files for unknown frames and unreadable files, importing the rest', async () => {
    const labels = await setup({ '000001.txt': `${CAR}\n`, '000009.txt': `${CAR}\n`, '..txt': '', '000002.txt': 'Car 1 2\n', 'readme.md': 'x' });
    const summary = await importLabels(ws!.service, labels);
    expect(summary.imported.map((i) => i.frameId)).toEqual(['000001']);
    expect(summary.unknownFrames.sort()).toEqual(['..txt', '000009.txt']);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0].error).toMatch(/000002\.txt.*line 1/);
    expect(await ws!.storage.getAnnotation('000002')).toBeNull();
  });
});
