/**
 * The units of work of the quality bench and how one is done. A job runs in a worker thread
 * (`qualityWorker.ts`) or in the main thread; its answer is plain data (structured-cloneable).
 */
import { measureFrame } from './measureFrame.ts';
import { emptyTally } from './QualityTally.ts';
import type { QualityTally } from './QualityTally.ts';
import { kittiFrames, multisensorFrames } from './realFrames.ts';
import { simFrames, variantName } from './simFrames.ts';
import type { SimVariant } from './simFrames.ts';
import type { QualityFrame } from './QualityFrame.ts';

export type QualityJob = { kind: 'sim'; variant: SimVariant; first: number; count: number } | { kind: 'kitti' } | { kind: 'multisensor' };

/** The tallies a job produced: one per variant (sim) or per real dataset. */
export type JobResult = { name: string; tally: QualityTally }[];

function measureAll(name: string, frames: Iterable<QualityFrame>): QualityTally {
  const tally = emptyTally(name);
  let t0 = performance.now();
  for (const frame of frames) {
    tally.ms.frames += performance.now() - t0;
    measureFrame(frame, tally);
    t0 = performance.now();
  }
  return tally;
}

export function runJob(job: QualityJob): JobResult {
  if (job.kind === 'sim') {
    const name = variantName(job.variant);
    return [{ name, tally: measureAll(name, simFrames(job.variant, job.count, job.first)) }];
  }
  if (job.kind === 'kitti') {
    const frames = kittiFrames();
    return frames.length === 0 ? [] : [{ name: 'real kitti (HDL-64E)', tally: measureAll('real kitti', frames) }];
  }
  const names: Record<string, string> = {
    'multisensor/av2': 'real av2 (2×VLP-32C, vehicle frame)',
    'multisensor/sustechpoints': 'real sustech (Pandar40-class)',
  };
  return multisensorFrames().map((f) => {
    const name = names[f.id] ?? `real ${f.id}`;
    return { name, tally: measureAll(name, [f]) };
  });
}
