import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCheckReport } from '../../../src/cli/checkCommand.ts';
import { FrameCheckError, checkDataset, type DatasetCheckReport } from '../../../src/cli/checkDataset.ts';
import { makeKittiDataset, makeTempDir, sampleCuboid } from '../server/fixtures/makeDataset.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { SqliteStorage } from '../../../src/server/storage/SqliteStorage.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-check-skip-');
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const CAR = 'Car 0.00 0 -1.67 657.39 190.13 700.07 223.39 1.41 1.58 4.36 3.18 2.27 34.38 -1.58';

/**
 * Four small frames; frame 000001's calib is garbage and 000002's point file is 3 GiB (sparse: no
 * disk used), more than Node can read into one buffer.
 */
function brokenDataset(name: string): string {
  const ids = ['000000', '000001', '000002', '000003'];
  const dir = makeKittiDataset(path.join(root, name), { ids, points: 30, labels: Object.fromEntries(ids.map((id) => [id, `${CAR}\n`])) });
  fs.writeFileSync(path.join(dir, 'calib', '000001.txt'), 'P0: garbage\n');
  fs.truncateSync(path.join(dir, 'velodyne', '000002.bin'), 3 * 2 ** 30);
  return dir;
}

describe('cuboid check on a dataset with bad frames', () => {
  it('reports each frame it cannot read (file and reason), checks the rest, and exits 1 at the end', async () => {
    const dir = brokenDataset('skip');
    const r = await runCli(['check', dir, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as DatasetCheckReport;
    expect(report.frames.map((f) => f.frameId)).toEqual(['000000', '000001', '000002', '000003']);
    expect(report.unchecked.map((u) => [u.frameId, u.reason])).toEqual([
      ['000001', 'unreadable'],
      ['000002', 'too_large'],
    ]);
    expect(report.unchecked[0].message).toMatch(/^parseKittiCalib \(calib\/000001\.txt\): line 1/);
    expect(report.unchecked[1].message).toBe('frame 000002 has 201326592 points; the checks take at most 10000000 points');
    // The readable frames were checked: each has its box.
    for (const id of ['000000', '000003']) expect(report.frames.find((f) => f.frameId === id)).toMatchObject({ boxes: 1, points: 30, labelSource: 'label_2' });
    expect(report.byRule.unreadableFrame.error).toBe(1);
    expect(report.byRule.frameNotChecked.error).toBe(1);

    // The text report (the same report, printed without --json) lists them at the end.
    expect(formatCheckReport(report, true)).toMatch(
      /2 frames could not be checked \(skipped; --strict stops at the first\):\n {2}000001: parseKittiCalib \(calib\/000001\.txt\)/,
    );
    // Their own lines say they were not checked, not "0 points, 0 boxes".
    expect(formatCheckReport(report)).toContain('frame 000001: not checked\n');
    expect(formatCheckReport(report)).toContain('frame 000000: 30 points, 1 box from label_2');
  });

  it('checks a frame whose stored boxes (LiDAR frame) do not need its broken calib, saying the calib was not used', async () => {
    const dir = brokenDataset('stored');
    const storage = SqliteStorage.open(path.join(dir, '.cuboid', 'cuboid.db'));
    const doc = { ...emptyAnnotation('000001'), cuboids: [sampleCuboid('a')] };
    expect((await storage.saveAnnotation({ doc, baseRevision: 0, user: null, source: 'save' })).ok).toBe(true);
    await storage.close();
    const report = await checkDataset(dir, { frame: '000001', threads: 1 });
    expect(report.unchecked).toEqual([]);
    expect(report.frames[0]).toMatchObject({ frameId: '000001', points: 30, boxes: 1, labelSource: 'database', cameraOnly: false });
    expect(report.frames[0].calibProblem).toMatch(/^parseKittiCalib \(calib\/000001\.txt\): line 1/);
    expect(formatCheckReport(report, false)).toMatch(/calib not used \(parseKittiCalib \(calib\/000001\.txt\): line 1.*\): missed objects searched all around/);
  });

  it('--strict stops at the first frame it cannot read: exit 2, naming the frame and the file', async () => {
    const dir = brokenDataset('strict');
    const r = await runCli(['check', dir, '--strict']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^cuboid check: frame 000001 was not checked: parseKittiCalib \(calib\/000001\.txt\): line 1/);
    await expect(checkDataset(dir, { strict: true, threads: 1 })).rejects.toBeInstanceOf(FrameCheckError);
  });

  it('skips a frame over a size limit, naming the limit; --threads sets the pool and must be a whole number', async () => {
    const dir = makeKittiDataset(path.join(root, 'big'), { ids: ['000000', '000001'], points: 30, labels: { '000001': `${CAR}\n${CAR}\n` } });
    const report = await checkDataset(dir, { limits: { maxBoxes: 1 }, threads: 2 });
    expect(report.unchecked).toEqual([{ frameId: '000001', reason: 'too_large', message: 'frame 000001 has 2 boxes; the checks take at most 1 boxes' }]);
    expect(report.frames[1].results[0]).toMatchObject({ ruleId: 'frameNotChecked', severity: 'error' });
    expect(report.frames[0].points).toBe(30);
    expect(await runCli(['check', dir, '--threads', '0'])).toMatchObject({
      code: 2,
      err: 'cuboid check: --threads must be a whole number of at least 1, got "0"\n',
    });
  });
});
