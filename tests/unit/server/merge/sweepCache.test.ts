import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SweepCache } from '../../../../src/server/merge/sweepCache.ts';
import { Dataset } from '../../../../src/server/dataset/Dataset.ts';
import { makeTempDir, makeVelodyneBin } from '../fixtures/makeDataset.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The frames of a KITTI folder of `n`-point `.bin` files named `ids` (scanned as the server does). */
async function frames(ids: string[], n: number): Promise<Dataset> {
  const dir = makeTempDir('cuboid-sweepcache-');
  dirs.push(dir);
  for (const id of ids) {
    fs.mkdirSync(path.join(dir, 'velodyne'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'velodyne', `${id}.bin`), makeVelodyneBin(n));
  }
  return Dataset.scan(dir);
}

describe('SweepCache (parsed sweeps kept by a merge thread)', () => {
  it('parses a sweep once, and drops the least recently used beyond its capacity', async () => {
    const ds = await frames(['000001', '000002', '000003'], 100);
    const [a, b, c] = ['000001', '000002', '000003'].map((id) => ds.get(id)!);
    const cache = new SweepCache(2 * 100 * 12);
    const first = await cache.positions(a);
    expect(first.length).toBe(300);
    expect(await cache.positions(a)).toBe(first);
    await cache.positions(b);
    // a was used before b: a third sweep pushes a out, so it is parsed again (a new array).
    await cache.positions(c);
    expect(await cache.positions(b)).not.toBe(first);
    expect(await cache.positions(a)).not.toBe(first);
  });

  it('says when it is nearly full (a read ahead stops there)', async () => {
    const ds = await frames(['000004', '000005'], 100);
    const cache = new SweepCache(2 * 100 * 12);
    expect(cache.hasRoom()).toBe(true);
    await cache.positions(ds.get('000004')!);
    expect(cache.hasRoom()).toBe(true);
    await cache.positions(ds.get('000005')!);
    expect(cache.hasRoom()).toBe(false);
  });

  it('lets a read error through, naming the file', async () => {
    const ds = await frames(['000007'], 10);
    fs.writeFileSync(path.join(ds.get('000007')!.root, 'velodyne', '000007.bin'), new Uint8Array(7));
    await expect(new SweepCache().positions(ds.get('000007')!)).rejects.toThrow(/000007\.bin/);
  });
});
