import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePcd } from '../../src/domain/pcd/writePcd.ts';
import { syntheticCloud } from '../bench/syntheticCloud.ts';

/** Points in the large e2e cloud. */
export const BIG_POINTS = 5_000_000;

/**
 * A flat dataset folder holding one 5M-point binary PCD (x y z intensity, 80 MB), generated once per
 * machine in the temp folder (seeded, so every run streams the same bytes).
 */
export function ensureBigDataset(): string {
  const dir = join(tmpdir(), 'cuboid-e2e-big-5m');
  const file = join(dir, 'scan_5m.pcd');
  if (existsSync(file) && statSync(file).size > BIG_POINTS * 16) return dir;
  mkdirSync(dir, { recursive: true });
  const cloud = syntheticCloud(BIG_POINTS, 11);
  writeFileSync(file, writePcd(cloud, { encoding: 'binary' }));
  return dir;
}
