import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectorySink } from '../../../../src/server/export/ExportSink.ts';
import { ReadOnlyExportSource } from '../../../../src/server/export/ReadOnlyExportSource.ts';
import { exportLabelFormat } from '../../../../src/server/export/formats/exportLabelFormat.ts';
import { openWorkspace } from '../../../../src/server/openWorkspace.ts';
import { makeKittiDataset, makeTempDir, sampleCuboid } from '../fixtures/makeDataset.ts';

const root = makeTempDir('cuboid-pcdet-empty-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('OpenPCDet custom export of frames without boxes', () => {
  it('writes them but leaves them out of the ImageSets (an empty label file fails OpenPCDet’s info builder), and says so; mmdet3d lists them', async () => {
    const data = path.join(root, 'data');
    const state = path.join(root, 'state');
    makeKittiDataset(data, { ids: ['000000', '000001', '000002'], points: 20 });
    const ws = await openWorkspace({ dataDir: data, stateDir: state });
    try {
      const frame = ws.service.dataset.get('000001')!;
      const current = await ws.service.getAnnotation(frame, null);
      expect((await ws.service.saveAnnotation(frame, { ...current, cuboids: [sampleCuboid('a')] }, current.revision, null)).ok).toBe(true);
      for (const id of ['000000', '000002']) {
        const f = ws.service.dataset.get(id)!;
        const doc = await ws.service.getAnnotation(f, null);
        expect((await ws.service.saveAnnotation(f, { ...doc, cuboids: [] }, doc.revision, null)).ok).toBe(true);
      }
    } finally {
      await ws.close();
    }
    const listed = async (format: 'openpcdet' | 'mmdet3d') => {
      const out = path.join(root, format);
      const src = await ReadOnlyExportSource.open({ dataDir: data, stateDir: state });
      try {
        const summary = await exportLabelFormat(src, new DirectorySink(out), { format, split: 0.5, seed: 's' });
        const ids = ['train', 'val'].flatMap((s) =>
          fs
            .readFileSync(path.join(out, 'ImageSets', `${s}.txt`), 'utf8')
            .split('\n')
            .filter(Boolean),
        );
        return { summary, ids: ids.sort(), labels: fs.readdirSync(path.join(out, 'labels')).sort() };
      } finally {
        await src.close();
      }
    };
    const pcdet = await listed('openpcdet');
    expect(pcdet.labels).toEqual(['000000.txt', '000001.txt', '000002.txt']);
    expect(pcdet.ids).toEqual(['000001']);
    expect(pcdet.summary.conversions.join('\n')).toMatch(/ImageSets: 2 frames without boxes \(000000, 000002\) written but not listed/);
    const mmdet = await listed('mmdet3d');
    expect(mmdet.ids).toEqual(['000000', '000001', '000002']);
  });
});
