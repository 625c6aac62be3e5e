import { cpSync, existsSync, mkdtempSync } from 'node:fs';
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
