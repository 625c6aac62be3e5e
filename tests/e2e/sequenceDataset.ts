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
 * A KITTI folder with one good frame (000000, the shared sample) and one broken one: 000001.bin
 * cut to 1,000,003 bytes, which is not a whole number of 16-byte points.
 */
export function brokenDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cuboid-e2e-broken-'));
  mkdirSync(join(dir, 'velodyne'));
  cpSync(join(SHARED_KITTI, 'velodyne', '000000.bin'), join(dir, 'velodyne', '000000.bin'));
  writeFileSync(join(dir, 'velodyne', '000001.bin'), readFileSync(join(SHARED_KITTI, 'velodyne', '000001.bin')).subarray(0, 1_000_003));
  return dir;
}
