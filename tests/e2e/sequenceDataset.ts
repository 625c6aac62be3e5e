import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

/**
 * The project's generated sample sequence without its labels (velodyne, calib, image_2 only), in a
 * fresh temp folder: the sequence test labels a car itself and carries it through the frames.
 */
export function unlabelledSequence(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cuboid-e2e-seq-'));
  for (const sub of ['velodyne', 'calib', 'image_2']) {
    const from = join(SAMPLES, sub);
    if (existsSync(from)) cpSync(from, join(dir, sub), { recursive: true });
  }
  return dir;
}

const SHARED_KITTI = fileURLToPath(new URL('../../../shared/samples/kitti/', import.meta.url));

/**
 * A KITTI folder with one good frame (000000, the shared sample) and two broken ones: 000001.bin
 * cut to 1,000,003 bytes, which is not a whole number of 16-byte points; 000002 (good points and
 * image, no label_2) whose calib's P2 line (line 3) has only 3 of its 12 values; 000003 (good points)
 * whose label_2 file has a malformed line 2 (000000 has one good box).
 */
export function brokenDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cuboid-e2e-broken-'));
  mkdirSync(join(dir, 'velodyne'));
  cpSync(join(SHARED_KITTI, 'velodyne', '000000.bin'), join(dir, 'velodyne', '000000.bin'));
  writeFileSync(join(dir, 'velodyne', '000001.bin'), readFileSync(join(SHARED_KITTI, 'velodyne', '000001.bin')).subarray(0, 1_000_003));
  cpSync(join(SHARED_KITTI, 'velodyne', '000002.bin'), join(dir, 'velodyne', '000002.bin'));
  mkdirSync(join(dir, 'image_2'));
  cpSync(join(SHARED_KITTI, 'image_2', '000002.png'), join(dir, 'image_2', '000002.png'));
  mkdirSync(join(dir, 'calib'));
  const calib = readFileSync(join(SHARED_KITTI, 'calib', '000002.txt'), 'utf8').split('\n');
  calib[2] = calib[2].split(' ').slice(0, 4).join(' ');
  writeFileSync(join(dir, 'calib', '000002.txt'), calib.join('\n'));
  // 000003: good points, a label file whose line 2 is malformed (000000 has one good box).
  cpSync(join(SHARED_KITTI, 'velodyne', '000000.bin'), join(dir, 'velodyne', '000003.bin'));
  mkdirSync(join(dir, 'label_2'));
  // The labelled frames have their calibs (a label_2 frame without one, while others have one, does not open).
  cpSync(join(SHARED_KITTI, 'calib', '000000.txt'), join(dir, 'calib', '000000.txt'));
  cpSync(join(SHARED_KITTI, 'calib', '000000.txt'), join(dir, 'calib', '000003.txt'));
  const good = readFileSync(join(SHARED_KITTI, 'label_2', '000000.txt'), 'utf8').split('\n')[0];
  writeFileSync(join(dir, 'label_2', '000000.txt'), `${good}\n`);
  writeFileSync(join(dir, 'label_2', '000003.txt'), `${good}\nPedestrian 0.00 0 oops 1 2\n`);
  return dir;
}
