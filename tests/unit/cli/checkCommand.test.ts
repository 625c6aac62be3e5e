import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetCheckReport } from '../../../src/cli/checkDataset.ts';
import { defaultDictionary } from '../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { SqliteStorage } from '../../../src/server/storage/SqliteStorage.ts';
import { SHARED_KITTI, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-check-');
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** A dataset with the real KITTI scans, calib and images (copied) and the given label_2 texts. */
function kittiWithLabels(name: string, labels: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const sub of ['velodyne', 'calib', 'image_2']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
    // Copies: a dataset's symlinks that lead out of its folder are not followed (serve --follow-symlinks).
    for (const f of fs.readdirSync(path.join(SHARED_KITTI, sub))) fs.copyFileSync(path.join(SHARED_KITTI, sub, f), path.join(dir, sub, f));
  }
  fs.mkdirSync(path.join(dir, 'label_2'));
  for (const id of ['000000', '000001', '000002']) {
    const text = labels[id] ?? fs.readFileSync(path.join(SHARED_KITTI, 'label_2', `${id}.txt`), 'utf8');
    fs.writeFileSync(path.join(dir, 'label_2', `${id}.txt`), text);
  }
  return dir;
}

const CAR_000002 = 'Car 0.00 0 -1.67 657.39 190.13 700.07 223.39 1.41 1.58 4.36 3.18 2.27 34.38 -1.58';

describe('cuboid check', () => {
  it('reports a frame whose point file cannot be read as an error naming the file, and still checks the others', async () => {
    const dir = kittiWithLabels('broken-bin', {});
    const bin = path.join(dir, 'velodyne', '000001.bin');
    fs.unlinkSync(bin);
    fs.writeFileSync(bin, fs.readFileSync(path.join(SHARED_KITTI, 'velodyne', '000001.bin')).subarray(0, 1_000_003));
    const r = await runCli(['check', dir, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as DatasetCheckReport;
    expect(report.frames.map((f) => f.frameId)).toEqual(['000000', '000001', '000002']);
    const broken = report.frames[1].results;
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ ruleId: 'unreadableFrame', severity: 'error' });
    expect(broken[0].message).toMatch(/000001\.bin.*not a multiple of 16/);
    expect(report.frames[2].points).toBe(126_891);
  });

  it('passes the real KITTI ground truth: summary table, per-frame results, exit 0', async () => {
    const r = await runCli(['check', SHARED_KITTI]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^cuboid check .*kitti: 3 frames, 6 boxes, dictionary v1 \(built-in KITTI default\)\n/);
    expect(r.out).toMatch(/\nrule +errors +warnings +infos\n/);
    expect(r.out).toMatch(/\ntotal +0 +\d+ +\d+\n/);
    expect(r.out).toMatch(/\nframe 000001: 120268 points, 3 boxes from label_2, missed objects searched in the camera view\n/);
    expect(r.out).toMatch(/warning invalidAttribute +box 000001#3 +Cyclist box has occluded = 3/);
    expect(r.out.trimEnd().endsWith('no errors')).toBe(true);
  });

  it('exits 1 when a label is wrong, and --json gives the full report', async () => {
    // The Car of 000002 written 8.7 m long and moved 1.5 m up: too long, floating.
    const bad = CAR_000002.replace(' 4.36 3.18 2.27 ', ' 8.72 3.18 0.77 ');
    const dir = kittiWithLabels('bad', { '000002': `${fs.readFileSync(path.join(SHARED_KITTI, 'label_2', '000002.txt'), 'utf8').split('\n')[0]}\n${bad}\n` });
    const text = await runCli(['check', dir, '--frame', '000002']);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/error +sizeOutOfRange +box 000002#2 +Car box is 8\.72 m long; a Car is 3\.00–5\.80 m long/);
    expect(text.out).toMatch(/error +notOnGround +box 000002#2 +Car box floats 1\.\d\d m above the ground/);
    expect(text.out).toMatch(/\d+ error\(s\): exit 1\n$/);

    const json = await runCli(['check', dir, '--json', '--frame', '000002']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as DatasetCheckReport;
    expect(report.frames.map((f) => f.frameId)).toEqual(['000002']);
    expect(report.totals.error).toBeGreaterThanOrEqual(2);
    expect(report.byRule.sizeOutOfRange.error).toBe(1);
    expect(report.frames[0].results.find((r) => r.ruleId === 'sizeOutOfRange')).toMatchObject({
      cuboidId: '000002#2',
      severity: 'error',
      dictionaryEntry: 'classes.Car.size',
    });
  });

  it('reads the stored labels from .cuboid/cuboid.db before label_2', async () => {
    const dir = kittiWithLabels('db', {});
    const storage = SqliteStorage.open(path.join(dir, '.cuboid', 'cuboid.db'));
    const car = {
      id: 'c1',
      trackId: null,
      label: 'Car',
      center: [34.68, -3.15, -1.31] as const,
      size: [4.36, 1.58, 1.41] as const,
      yaw: 0.0092,
      attributes: { truncated: 0, occluded: 0 },
      source: 'manual' as const,
    };
    const doc = { ...emptyAnnotation('000002'), cuboids: [car, { ...car, id: 'c2' }] };
    expect((await storage.saveAnnotation({ doc, baseRevision: 0, user: null, source: 'save' })).ok).toBe(true);
    await storage.close();
    const r = await runCli(['check', dir, '--frame', '000002', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/frame 000002: 126891 points, 2 boxes from database/);
    expect(r.out).toMatch(/error +duplicate +box c1 +Car box duplicates the Car box at \([-0-9.]+, [-0-9.]+\): 3D IoU 1\.00/);
    expect(r.out).not.toMatch(/\n  warning /);
  });

  it('--state reads the database serve --state kept; an empty folder is warned about, a missing one or a file refused', async () => {
    const dir = kittiWithLabels('state', {});
    const state = path.join(root, 'state-elsewhere');
    const storage = SqliteStorage.open(path.join(state, 'cuboid.db'));
    const doc = { ...emptyAnnotation('000002'), cuboids: [] };
    expect((await storage.saveAnnotation({ doc, baseRevision: 0, user: null, source: 'save' })).ok).toBe(true);
    await storage.close();
    const stored = await runCli(['check', dir, '--frame', '000002', '--state', state]);
    expect(stored.out).toMatch(/frame 000002: 126891 points, 0 boxes from database/);
    expect(stored.err).toBe('');
    const plain = await runCli(['check', dir, '--frame', '000002']);
    expect(plain.out).toMatch(/frame 000002: 126891 points, \d+ boxes from label_2/);
    const typo = await runCli(['check', dir, '--frame', '000002', '--state', path.join(root, 'no-such-state')]);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/--state .*no-such-state does not exist: give the folder serve --state used/);
    fs.mkdirSync(path.join(root, 'empty-state'));
    const empty = await runCli(['check', dir, '--frame', '000002', '--state', path.join(root, 'empty-state')]);
    expect(empty.out).toMatch(/boxes from label_2/);
    expect(empty.err).toMatch(
      /cuboid check: warning .*--state .*empty-state holds no cuboid\.db and no label_2: the labels come from the dataset's own label_2/,
    );
    const file = path.join(root, 'state-file');
    fs.writeFileSync(file, 'x');
    const refused = await runCli(['check', dir, '--state', file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--state .*state-file: not a folder/);
  });

  it('uses the dataset dictionary or --dictionary, and names the JSON path of a bad one', async () => {
    const dir = kittiWithLabels('dict', {});
    const strict = {
      ...defaultDictionary,
      version: 7,
      classes: { ...defaultDictionary.classes, Truck: { ...defaultDictionary.classes.Truck, size: { ...defaultDictionary.classes.Truck.size, l: [4, 10] } } },
    };
    fs.mkdirSync(path.join(dir, '.cuboid'));
    fs.writeFileSync(path.join(dir, '.cuboid', 'dictionary.json'), JSON.stringify(strict));
    const r = await runCli(['check', dir, '--frame', '000001']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/dictionary v7 \(.*dictionary\.json\)/);
    expect(r.out).toMatch(/error +sizeOutOfRange +box 000001#1 +Truck box is 12\.34 m long; a Truck is 4\.00–10\.00 m long/);

    const badFile = path.join(root, 'bad-dictionary.json');
    fs.writeFileSync(
      badFile,
      JSON.stringify({ ...strict, classes: { Car: { ...defaultDictionary.classes.Car, size: { l: [3, 'x'], w: [1, 2], h: [1, 2] } } } }),
    );
    const bad = await runCli(['check', dir, '--dictionary', badFile]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^cuboid check: parseDictionary \(.*bad-dictionary\.json\): classes\.Car\.size\.l\[1\]: /);
  });

  it('--region all searches all around; bad arguments exit 2 with a message', async () => {
    const all = JSON.parse((await runCli(['check', SHARED_KITTI, '--json', '--frame', '000001', '--region', 'all'])).out) as DatasetCheckReport;
    const camera = JSON.parse((await runCli(['check', SHARED_KITTI, '--json', '--frame', '000001'])).out) as DatasetCheckReport;
    const clusters = (x: DatasetCheckReport) => x.frames[0].results.filter((r) => r.ruleId === 'unlabelledCluster').length;
    expect(all.frames[0].cameraOnly).toBe(false);
    expect(clusters(all)).toBeGreaterThan(clusters(camera));
    expect(await runCli(['check', SHARED_KITTI, '--region', 'front'])).toMatchObject({
      code: 2,
      err: 'cuboid check: --region must be auto, camera or all, got "front"\n',
    });
    const missing = await runCli(['check', SHARED_KITTI, '--frame', '999999']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^cuboid check: frame "999999" is not in /);
    expect((await runCli(['check', path.join(root, 'nope')])).code).toBe(2);
  });

  it('checks the generated sample dataset without errors, cross-frame rules included', async () => {
    // A copy of its files only: a samples/.cuboid database left by an older `npm start` must not change what this sees.
    const samples = path.join(root, 'samples');
    for (const sub of ['velodyne', 'calib', 'image_2', 'label_2']) fs.cpSync(path.resolve('samples', sub), path.join(samples, sub), { recursive: true });
    const r = JSON.parse((await runCli(['check', samples, '--json'])).out) as DatasetCheckReport;
    expect(r.frames).toHaveLength(10);
    expect(r.totals.error).toBe(0);
    expect(r.sequence).toEqual([]);
    expect(r.frames.every((f) => f.labelSource === 'label_2' && !f.cameraOnly)).toBe(true);
  });
});
