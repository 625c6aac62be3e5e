/**
 * `cuboid export --format nuscenes|openlabel` places the frames with the ego poses the server
 * serves: a KITTI object dataset's `poses.txt` (KITTI odometry convention), not "no ego poses".
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-export-poses-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const CAR = 'Car 0.00 0 -1.67 657.39 190.13 700.07 223.39 1.41 1.58 4.36 3.18 2.27 34.38 -1.58';

/** Three frames with the real calib and a car each; camera 0 drives 5 m forward (+z) per frame. */
function dataset(name: string, poseLines: number): string {
  const data = makeKittiDataset(path.join(root, name), { labels: { '000000': `${CAR}\n`, '000001': `${CAR}\n`, '000002': `${CAR}\n` } });
  const lines = Array.from({ length: poseLines }, (_, i) => `1 0 0 0 0 1 0 0 0 0 1 ${5 * i}\n`);
  fs.writeFileSync(path.join(data, 'poses.txt'), lines.join(''));
  return data;
}

type Manifest = { conversions: string[]; posedFrames?: number };
const manifestOf = (out: string): Manifest => JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8')) as Manifest;

describe('export with a poses.txt', () => {
  it('kitti: splits the drive in time; a poses.txt that cannot be used is named, and the frames are still split as one drive', async () => {
    const good = path.join(root, 'kt');
    const res = await runCli(['export', dataset('kt-data', 3), '--out', good, '--bin-layout', 'xyzi']);
    expect(res.code).toBe(0);
    expect(fs.readFileSync(path.join(good, 'ImageSets', 'val.txt'), 'utf8')).toBe('000002\n');
    expect(res.out).toContain('split in time: the first 80 % of frames in train');
    const short = path.join(root, 'kt-short');
    const bad = await runCli(['export', dataset('kt-short-data', 2), '--out', short, '--bin-layout', 'xyzi']);
    expect(bad.code).toBe(0);
    expect(bad.err).toContain('ego poses not used: poses.txt: 2 lines for 3 frames');
    expect(fs.readFileSync(path.join(short, 'ImageSets', 'val.txt'), 'utf8')).toBe('000002\n');
  });

  it('a folder named poses.txt is named as such, not taken silently for no poses', async () => {
    const data = makeKittiDataset(path.join(root, 'folder-data'), { labels: { '000000': `${CAR}\n` } });
    fs.mkdirSync(path.join(data, 'poses.txt'));
    const res = await runCli(['check', data]);
    expect(res.err).toContain('ego poses not used: poses.txt: a folder, not a file');
  });

  it('nuscenes: writes each frame’s poses.txt pose as its ego_pose (the global frame)', async () => {
    const out = path.join(root, 'nu');
    const res = await runCli(['export', dataset('nu-data', 3), '--out', out, '--format', 'nuscenes', '--bin-layout', 'xyzi']);
    expect(res).toMatchObject({ code: 0, err: '' });
    const manifest = manifestOf(out);
    expect(manifest.posedFrames).toBe(3);
    expect(manifest.conversions).toContain(
      'global frame: every frame has an ego pose; ego_pose = the LiDAR → world pose, calibrated_sensor LIDAR_TOP = identity',
    );
    const ego = JSON.parse(fs.readFileSync(path.join(out, 'v1.0-cuboid', 'ego_pose.json'), 'utf8')) as { translation: number[] }[];
    // The camera's 0, 5 and 10 m forward, seen as LiDAR poses (the calib's rotation keeps the distances).
    expect(ego.map((e) => Math.hypot(...e.translation)).sort((a, b) => a - b)).toEqual([expect.closeTo(0, 6), expect.closeTo(5, 3), expect.closeTo(10, 3)]);
  });

  it('openlabel: every frame carries its pose', async () => {
    const out = path.join(root, 'ol');
    const res = await runCli(['export', dataset('ol-data', 3), '--out', out, '--format', 'openlabel', '--bin-layout', 'xyzi']);
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(manifestOf(out).conversions).toContain('ego poses: 3 frames carry the LIDAR_TOP → odom transform (matrix4x4)');
  });

  it('names a poses.txt it cannot use (a line per frame missing) in the conversions', async () => {
    const out = path.join(root, 'short');
    const res = await runCli(['export', dataset('short-data', 2), '--out', out, '--format', 'openlabel', '--bin-layout', 'xyzi']);
    expect(res.code).toBe(0);
    const { conversions } = manifestOf(out);
    expect(conversions).toContain('no ego poses: only the LIDAR_TOP coordinate system is declared');
    expect(conversions).toContain('ego poses not used: poses.txt: 2 lines for 3 frames (line i is the i-th frame)');
    // `cuboid check` says it too, among the dataset's warnings (stderr; `warnings` under --json).
    const checked = await runCli(['check', path.join(root, 'short-data'), '--bin-layout', 'xyzi']);
    expect(checked.err).toContain('cuboid check: warning  ego poses not used: poses.txt: 2 lines for 3 frames (line i is the i-th frame)');
    const json = await runCli(['check', path.join(root, 'short-data'), '--bin-layout', 'xyzi', '--json']);
    expect((JSON.parse(json.out) as { warnings: string[] }).warnings).toContain(
      'ego poses not used: poses.txt: 2 lines for 3 frames (line i is the i-th frame)',
    );
  });
});
