import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { makeKittiTrackingDataset } from '../server/fixtures/makeSequenceDatasets.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const CAR = 'Car 0.00 0 -1.57 600 150 700 250 1.5 1.6 3.9 1.0 1.6 12.0 -1.57';

describe('export and check of labels that do not read', () => {
  it('a broken KITTI tracking label file: its frames are skipped and named (exit 1; --strict stops, exit 2), not exported empty', async () => {
    const data = makeKittiTrackingDataset(path.join(root, 'trk'));
    fs.appendFileSync(path.join(data, 'label_02', '0001.txt'), '1 5 Car 0 0 0 1 2 3 4 1.5 1.6 x 0 1 2 0\n');
    const res = await runCli(['export', data, '--out', path.join(root, 'trk-out')]);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/skipped frame 0001_\d+: label_02\/0001\.txt: line 4, field "l"/);
    const strict = await runCli(['export', data, '--out', path.join(root, 'trk-strict'), '--strict']);
    expect(strict.code).toBe(2);
  });

  it('a label_2 file breaking the save rules (a class name with an invisible character) is skipped by export as serve refuses it', async () => {
    const data = makeKittiDataset(path.join(root, 'k'), { ids: ['a', 'b'], labels: { a: `${CAR}\n`, b: `${CAR}\n${CAR.replace('Car', 'Ca\u200br')}\n` } });
    const res = await runCli(['export', data, '--out', path.join(root, 'k-out')]);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/skipped frame b: label_2\/b\.txt.*line 2/);
    expect(fs.existsSync(path.join(root, 'k-out', 'training', 'label_2', 'b.txt'))).toBe(false);
  });

  it('a label_2 frame whose calib is missing while the others have one is skipped, not placed with the no-camera convention', async () => {
    const data = makeKittiDataset(path.join(root, 'nocalib'), { ids: ['a', 'b'], labels: { a: `${CAR}\n`, b: `${CAR}\n` } });
    fs.rmSync(path.join(data, 'calib', 'b.txt'));
    const res = await runCli(['export', data, '--out', path.join(root, 'nocalib-out')]);
    expect(res.code).toBe(1);
    expect(res.err + res.out).toMatch(/1 frame has a label_2 file but no calib, while other frames have one \(b\)/);
    expect(res.out).toMatch(/skipped frame b: .*calib\/b\.txt is missing, while other frames have a calib/);
    const check = await runCli(['check', data]);
    expect(check.out + check.err).toMatch(/calib\/b\.txt is missing/);
  });

  it('a calib that does not read is named as the calib by every format, not as the label file', async () => {
    const data = makeKittiDataset(path.join(root, 'badcalib'), { ids: ['a', 'b'], labels: { a: `${CAR}\n`, b: `${CAR}\n` } });
    const file = path.join(data, 'calib', 'b.txt');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^P2: \S+/m, 'P2: x1'));
    for (const format of ['kitti', 'nuscenes', 'openlabel', 'mmdet3d']) {
      const res = await runCli(['export', data, '--out', path.join(root, `badcalib-${format}`), '--format', format]);
      expect(res.code, format).toBe(1);
      expect(res.out, format).toMatch(/skipped frame b: calib\/b\.txt: .*"P2"/);
    }
  });
});
