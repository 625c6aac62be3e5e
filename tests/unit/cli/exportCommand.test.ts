import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir();
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});
const data = makeKittiDataset(path.join(root, 'data'), { ids: ['a', 'b', 'c', 'd'], pcd: ['d'], calib: ['a', 'b', 'c'] });

describe('cuboid export', () => {
  it('writes the tree, reports what it did, and keeps the database in the dataset by default', async () => {
    const out = path.join(root, 'out');
    const res = await runCli(['export', data, '--out', out, '--split', '0.5', '--seed', 'x', '--bin']);
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(/exported 4 frames to .* \(train 2, val 2\)/);
    expect(res.out).toMatch(/1 frames have no calib/);
    expect(res.out).toMatch(/4 frames have no boxes/);
    expect(res.out).toMatch(/converted 1 \.pcd files to \.bin/);
    expect(fs.readdirSync(path.join(out, 'training', 'velodyne')).sort()).toEqual(['a.bin', 'b.bin', 'c.bin', 'd.bin']);
    expect(fs.existsSync(path.join(data, '.cuboid', 'cuboid.db'))).toBe(true);
  });

  it('refuses to overwrite an earlier export unless --force', async () => {
    const out = path.join(root, 'again');
    expect((await runCli(['export', data, '--out', out])).code).toBe(0);
    fs.writeFileSync(path.join(out, 'training', 'label_2', 'stale.txt'), 'old');
    const refused = await runCli(['export', data, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already holds an export .*--force/);
    expect((await runCli(['export', data, '--out', out, '--force'])).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'training', 'label_2', 'stale.txt'))).toBe(false);
  });

  it.each([
    [['--split', '1.5'], /--split "1.5" must be a number from 0 to 1/],
    [['--split', 'abc'], /--split "abc"/],
    [['--status', 'finished'], /--status "finished" is not one of/],
  ])('rejects %j', async (args, message) => {
    const res = await runCli(['export', data, '--out', path.join(root, 'bad'), ...args]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(message);
  });

  it('requires --out', async () => {
    const res = await runCli(['export', data]);
    expect(res.code).not.toBe(0);
    expect(res.err).toMatch(/--out/);
  });
});
