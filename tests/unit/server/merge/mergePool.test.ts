import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Dataset } from '../../../../src/server/dataset/Dataset.ts';
import { MergePool } from '../../../../src/server/merge/MergePool.ts';
import { makeTempDir, makeVelodyneBin } from '../fixtures/makeDataset.ts';

const dir = makeTempDir('cuboid-mergepool-');
const pool = new MergePool();
afterAll(async () => {
  await pool.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

describe('MergePool', () => {
  it('stops a merge whose request went away between two sweeps, and its thread merges the next one', async () => {
    fs.mkdirSync(path.join(dir, 'velodyne'), { recursive: true });
    const ids = Array.from({ length: 12 }, (_, i) => String(i).padStart(6, '0'));
    for (const id of ids) fs.writeFileSync(path.join(dir, 'velodyne', `${id}.bin`), makeVelodyneBin(2000));
    const ds = await Dataset.scan(dir);
    const sweeps = ids.map((id, k) => ({ frame: ds.get(id)!, pose: IDENTITY, time: k }));
    const gone = new AbortController();
    gone.abort();
    const messages: number[] = [];
    const stopped = await pool.run(sweeps, IDENTITY, 100_000, (b) => messages.push(b[0]), gone.signal);
    expect(stopped.cancelled).toBe(true);
    expect(stopped.count).toBeLessThan(12 * 2000);
    // The closing summary is the last message, even for a stopped merge.
    expect(messages[messages.length - 1]).toBe(4);
    const whole = await pool.run(sweeps, IDENTITY, 100_000, () => undefined, new AbortController().signal);
    expect(whole.cancelled).toBeUndefined();
    expect(whole.count).toBe(12 * 2000);
    expect(whole.sent).toBe(12 * 2000);
  });

  it('streams the same merge again byte for byte after other merges reused its thread’s buffers', async () => {
    const ds = await Dataset.scan(dir);
    const ids = ds.ids();
    const sweepsOf = (from: number, to: number) => ids.slice(from, to).map((id, k) => ({ frame: ds.get(id)!, pose: IDENTITY, time: k }));
    const bytesOf = async (from: number, to: number): Promise<number[]> => {
      const out: number[] = [];
      await pool.run(sweepsOf(from, to), IDENTITY, 100_000, (b) => b[0] !== 4 && out.push(...b), new AbortController().signal);
      return out;
    };
    pool.warm({ frame: ds.get(ids[0])!, pose: IDENTITY, time: 0 });
    const first = await bytesOf(0, 12);
    const other = await bytesOf(3, 8);
    expect(other.length).toBeLessThan(first.length);
    expect(await bytesOf(0, 12)).toEqual(first);
  });
});
