/**
 * The dataset of the `merged sequence` bench: 50 sweeps of the project's LiDAR simulator (its
 * street scene, 64 beams × 2,100 azimuth steps, ~120k returns a sweep, the ego moving at 3 m/s)
 * with the simulator's ego poses (`poses.txt`) and calibs, no images. Generated once (a few
 * minutes on 2 cores) into the temp folder and reused while the options stay the same.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSampleDataset, defaultSampleOptions } from '../../src/sim/buildSampleDataset.ts';
import { createSensor } from '../../src/sim/sensor.ts';

export const MERGED_SWEEPS = 50;
const AZIMUTH_STEPS = 2100;
const VERSION = 1;

/** The dataset folder, generating it first when missing. */
export function ensureMergedDataset(log: (line: string) => void = () => undefined): string {
  const dir = join(tmpdir(), `cuboid-bench-merged-v${VERSION}-${MERGED_SWEEPS}x${AZIMUTH_STEPS}`);
  if (existsSync(join(dir, 'poses.txt'))) return dir;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const opts = { ...defaultSampleOptions(), frames: MERGED_SWEEPS, sensor: createSensor({ azimuthSteps: AZIMUTH_STEPS }) };
  log(`generating ${MERGED_SWEEPS} simulated sweeps into ${dir} (once; a few minutes)`);
  const { files } = buildSampleDataset(opts, (f) => log(`  sweep ${f.frameId}: ${f.points} points`));
  for (const file of files) {
    const path = join(building, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return dir;
}

if (process.argv[1]?.endsWith('mergedDataset.ts')) console.log(ensureMergedDataset((l) => console.log(l)));
