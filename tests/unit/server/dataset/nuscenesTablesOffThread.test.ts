import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CheckPool } from '../../../../src/server/checks/CheckPool.ts';
import { createServer } from '../../../../src/server/createServer.ts';
import { LocalSource } from '../../../../src/server/dataset/LocalSource.ts';
import { scanNuscenes } from '../../../../src/server/dataset/layouts/scanNuscenes.ts';
import type { NuscenesTableTask } from '../../../../src/server/dataset/layouts/nuscenesTableTask.ts';
import { makeTempDir } from '../fixtures/makeDataset.ts';
import { makeNuscenesDataset } from '../fixtures/makeSequenceDatasets.ts';

const root = makeTempDir('cuboid-nu-thread-');
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});
const local = (dir: string) => new LocalSource({ kind: 'local', root: dir, confinedTo: fs.realpathSync(dir) });

describe('nuScenes tables are parsed off the event loop', () => {
  it('a check-pool thread gives the same frames as this thread, and the table bytes are moved to it, not copied', async () => {
    const data = makeNuscenesDataset(path.join(root, 'a'));
    const here = await scanNuscenes(local(data));
    const pool = new CheckPool({ threads: 1 });
    const sent: NuscenesTableTask[] = [];
    try {
      const there = await scanNuscenes(local(data), {
        runTask: (task) => {
          sent.push(task);
          return pool.runDatasetTask(task);
        },
      });
      expect(there).toEqual(here);
      expect(sent).toHaveLength(1);
      // sample_annotation.json's buffer was transferred to the worker: detached here.
      expect(sent[0].files.sample_annotation?.byteLength).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('the server hands the scan to its check pool; a worker that fails leaves the frames opening without labels, named', async () => {
    const data = makeNuscenesDataset(path.join(root, 'b'));
    const spy = vi.spyOn(CheckPool.prototype, 'runDatasetTask');
    try {
      const app = await createServer({ dataDir: data, stateDir: path.join(root, 'b-state'), checks: { threads: 1 } });
      try {
        expect(spy).toHaveBeenCalledTimes(1);
        const res = await app.inject({ method: 'GET', url: '/api/frames' });
        expect(res.statusCode).toBe(200);
        expect(JSON.stringify(res.json())).toContain('LIDAR_TOP__1532402927647951');
      } finally {
        await app.close();
      }
      spy.mockRejectedValueOnce(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'));
      const scan = await scanNuscenes(local(data), { runTask: (task) => CheckPool.prototype.runDatasetTask.call(null as unknown as CheckPool, task) });
      expect(scan.frames).toHaveLength(5);
      expect(scan.frames.every((f) => f.shipped === null)).toBe(true);
      expect(scan.warnings.join('\n')).toMatch(/^v1\.0-mini\/: the tables could not be parsed \(Worker terminated .*\): frames open without labels or poses$/m);
    } finally {
      spy.mockRestore();
    }
  });
});
