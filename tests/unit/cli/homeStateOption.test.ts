/** `--home-state` on import, export and check: the database `npm start` (serve --home-state) keeps. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-home-state-');
const home = path.join(root, 'home');
const before = process.env.HOME;
beforeAll(() => {
  fs.mkdirSync(home);
  process.env.HOME = home;
});
afterAll(() => {
  process.env.HOME = before;
  fs.rmSync(root, { recursive: true, force: true });
});
const CAR = 'Car 0.00 0 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 9.71 -1.87';

describe('--home-state', () => {
  it('imports into, exports from and checks the home state; without it the commands warn that it exists', async () => {
    const data = makeKittiDataset(path.join(root, 'data'), { ids: ['000001', '000002'] });
    const pred = path.join(root, 'pred');
    fs.mkdirSync(pred);
    fs.writeFileSync(path.join(pred, '000001.txt'), `${CAR}\n${CAR.replace('9.71', '19.71')}\n`);
    const imported = await runCli(['import', data, '--labels', pred, '--home-state']);
    expect(imported.code).toBe(0);
    expect(fs.existsSync(path.join(data, '.cuboid'))).toBe(false);

    const plain = await runCli(['export', data, '--out', path.join(root, 'plain')]);
    expect(plain.err).toMatch(/holds the database serve --home-state \(npm start\) keeps for this dataset; this export does not use it: add --home-state/);
    const fromHome = await runCli(['export', data, '--out', path.join(root, 'home-out'), '--home-state']);
    expect(fromHome.err).not.toMatch(/add --home-state/);
    expect(
      fs
        .readFileSync(path.join(root, 'home-out', 'training', 'label_2', '000001.txt'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);

    const check = await runCli(['check', data, '--home-state', '--json', '--threads', '1']);
    const report = JSON.parse(check.out) as { frames: { frameId: string; boxes: number; labelSource: string }[] };
    expect(report.frames.find((f) => f.frameId === '000001')).toMatchObject({ boxes: 2, labelSource: 'database' });
    const both = await runCli(['check', data, '--home-state', '--state', path.join(root, 'x')]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/give --state DIR or --home-state, not both/);
  });
});
