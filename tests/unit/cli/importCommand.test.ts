import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir();
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});
const data = makeKittiDataset(path.join(root, 'data'), { ids: ['000001', '000002'] });
const pred = path.join(root, 'pred');
fs.mkdirSync(pred);
const line = 'Car 0.00 0 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 9.71 -1.87';
fs.writeFileSync(path.join(pred, '000001.txt'), `${line} 0.95\n${line.replace('9.71', '29.71')} 0.10\n`);
fs.writeFileSync(path.join(pred, '000777.txt'), `${line} 0.95\n`);

describe('cuboid import', () => {
  it('imports pre-labels above --min-score and reports the rest', async () => {
    const res = await runCli(['import', data, '--labels', pred, '--min-score', '0.5', '--state', path.join(root, 'state')]);
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(/imported 1 box into 1 frame \(1 below --min-score skipped\)/);
    expect(res.out).toMatch(/1 file names no frame of the dataset: 000777\.txt/);
    expect(fs.readFileSync(path.join(root, 'state', 'label_2', '000001.txt'), 'utf8')).toBe(`${line}\n`);
  });

  it('exits 1 on an unreadable label file, 2 on a bad --min-score', async () => {
    const bad = path.join(root, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, '000002.txt'), 'Car x\n');
    const res = await runCli(['import', data, '--labels', bad, '--state', path.join(root, 'state')]);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/error parseKittiLabel \(000002\.txt\): line 1/);
    const score = await runCli(['import', data, '--labels', pred, '--min-score', 'high']);
    expect(score.code).toBe(2);
    expect(score.err).toMatch(/--min-score "high" is not a number/);
  });

  it('reads a KITTI tree (an export root) from its training/label_2; nothing imported exits 1 and says why; a missing --labels is a usage error', async () => {
    const tree = path.join(root, 'export-root');
    fs.mkdirSync(path.join(tree, 'training', 'label_2'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'training', 'label_2', '000002.txt'), `${line}\n`);
    const res = await runCli(['import', data, '--labels', tree, '--state', path.join(root, 'state2')]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('imported 1 box into 1 frame');
    expect(res.out).toContain(`read the label files in ${path.join(tree, 'training', 'label_2')}`);

    const misnamed = path.join(root, 'misnamed');
    fs.mkdirSync(misnamed);
    fs.writeFileSync(path.join(misnamed, '0.txt'), `${line}\n`);
    const none = await runCli(['import', data, '--labels', misnamed, '--state', path.join(root, 'state2')]);
    expect(none.code).toBe(1);
    expect(none.out).toContain('nothing imported: no label file is named after a frame of the dataset');

    const missing = await runCli(['import', data, '--labels', path.join(root, 'nope'), '--state', path.join(root, 'state2')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--labels .*nope: no such file or folder/);
    const file = await runCli(['import', data, '--labels', path.join(misnamed, '0.txt'), '--state', path.join(root, 'state2')]);
    expect(file.code).toBe(2);
    expect(file.err).toMatch(/is a file: --format kitti reads a folder/);
  });
});
