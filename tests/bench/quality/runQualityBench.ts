/**
 * `npm run bench:quality`: how good the pre-checks and the one-click fit are, per sensor.
 *
 *   node --import tsx tests/bench/quality/runQualityBench.ts [--quick] [--only vlp16,hdl64,real]
 *        [--frames N] [--workers N]
 *
 * Simulated frames of five sensor profiles (`src/sim/sensorProfiles.ts`) with exact ground truth,
 * plus the real labelled frames of ../shared/samples (KITTI, Argoverse 2, SUSTechPOINTS). Every
 * box is broken in one of ten ways at a time (`defects.ts`) and the checks run incrementally, as
 * the app's checks worker runs them; the fit is clicked at each box's centre and at a random
 * point of its object. Prints tables and a summary against the targets; asserts nothing.
 * Results also go to tests/bench/results/quality-latest.json (not committed).
 *
 * Full run: per profile 10 frames at 1.73 m, 10 at 2.0 m and 4 in a vehicle frame (sensor 1.8 m
 * above the origin). --quick: 5 frames per profile at 1.73 m. --frames N: N per height instead.
 * --only: profile ids and/or `real`. --workers: threads (default 2, at most the core count).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SENSOR_PROFILE_IDS, SENSOR_PROFILES } from '../../../src/sim/sensorProfiles.ts';
import type { SensorProfileId } from '../../../src/sim/sensorProfiles.ts';
import { formatSummary, formatTally, TARGETS } from './formatQuality.ts';
import type { JobResult, QualityJob } from './qualityJobs.ts';
import { runJob } from './qualityJobs.ts';
import { BUCKETS, CLICKS, emptyTally, figures, mean, median, mergeTally } from './QualityTally.ts';
import type { QualityTally } from './QualityTally.ts';
import type { SimVariant } from './simFrames.ts';
import { variantName } from './simFrames.ts';

const RESULTS = fileURLToPath(new URL('../results/quality-latest.json', import.meta.url));
/** Worker bootstrap (CommonJS, evaluated): registers tsx, then loads the worker module. */
const BOOT = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ register }) => { register(); return import(workerData); });`;
/** Frames per job: small enough to share out evenly between the threads. */
const CHUNK = 5;

interface Args {
  quick: boolean;
  only: string[] | null;
  frames: number | null;
  workers: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, only: null, frames: null, workers: Math.min(2, os.cpus().length) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') throw new Error(`bench:quality: ${name} needs a value`);
      return v;
    };
    if (a === '--quick') args.quick = true;
    else if (a.startsWith('--only')) args.only = [...(args.only ?? []), ...value('--only').split(',').filter(Boolean)];
    else if (a.startsWith('--frames')) args.frames = positiveInt(value('--frames'), '--frames');
    else if (a.startsWith('--workers')) args.workers = positiveInt(value('--workers'), '--workers');
    else if (a === '--help' || a === '-h') {
      console.log('usage: runQualityBench.ts [--quick] [--only <profile|real>[,…]] [--frames N] [--workers N]');
      console.log(`profiles: ${SENSOR_PROFILE_IDS.join(', ')}`);
      process.exit(0);
    } else throw new Error(`bench:quality: unknown argument "${a}"`);
  }
  const known = new Set<string>([...SENSOR_PROFILE_IDS, 'real']);
  const unknown = (args.only ?? []).filter((o) => !known.has(o));
  if (unknown.length > 0) throw new Error(`bench:quality: unknown --only "${unknown.join(', ')}" (known: ${[...known].join(', ')})`);
  return args;
}

function positiveInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench:quality: ${name} must be a whole number ≥ 1, got "${v}"`);
  return n;
}

/** The variants and frame counts of a run. */
function plan(args: Args): { variants: { variant: SimVariant; first: number; count: number }[]; real: boolean } {
  const profiles = SENSOR_PROFILE_IDS.filter((p) => args.only === null || args.only.includes(p));
  const perHeight = args.frames ?? (args.quick ? 5 : 10);
  const variants: { variant: SimVariant; first: number; count: number }[] = [];
  for (const profile of profiles) {
    variants.push({ variant: { profile, height: 1.73, vehicleFrame: false }, first: 0, count: perHeight });
    if (args.quick) continue;
    variants.push({ variant: { profile, height: 2.0, vehicleFrame: false }, first: perHeight, count: perHeight });
    variants.push({ variant: { profile, height: 1.8, vehicleFrame: true }, first: 2 * perHeight, count: Math.max(1, Math.round(perHeight * 0.4)) });
  }
  return { variants, real: args.only === null || args.only.includes('real') };
}

function jobsOf(p: ReturnType<typeof plan>): QualityJob[] {
  const jobs: QualityJob[] = [];
  if (p.real) jobs.push({ kind: 'multisensor' }, { kind: 'kitti' });
  for (const v of p.variants) {
    for (let k = 0; k < v.count; k += CHUNK) jobs.push({ kind: 'sim', variant: v.variant, first: v.first + k, count: Math.min(CHUNK, v.count - k) });
  }
  // The densest sensors first, so no thread is left with a long job at the end.
  const cost = (j: QualityJob): number =>
    j.kind === 'sim' ? SENSOR_PROFILES[j.variant.profile].elevations.length * SENSOR_PROFILES[j.variant.profile].azimuthSteps * j.count : 1e6;
  return jobs.sort((a, b) => cost(b) - cost(a));
}

function describe(j: QualityJob): string {
  return j.kind === 'sim' ? `${variantName(j.variant)} frames ${j.first}–${j.first + j.count - 1}` : `real ${j.kind}`;
}

/** Runs the jobs on `workers` threads (in this thread when 1). */
async function runJobs(jobs: QualityJob[], workers: number): Promise<JobResult> {
  const results: JobResult = [];
  const started = performance.now();
  const done = (j: QualityJob, r: JobResult, ms: number): void => {
    results.push(...r);
    console.log(`  done ${describe(j)} in ${(ms / 1000).toFixed(1)} s (${((performance.now() - started) / 1000).toFixed(0)} s total)`);
  };
  if (workers <= 1) {
    for (const j of jobs) {
      const t0 = performance.now();
      done(j, runJob(j), performance.now() - t0);
    }
    return results;
  }
  const queue = [...jobs];
  const url = new URL('./qualityWorker.ts', import.meta.url);
  await Promise.all(
    Array.from({ length: Math.min(workers, jobs.length) }, async () => {
      // Node 20 does not apply the main thread's `--import tsx` to a worker's entry module, so the
      // worker registers tsx itself before importing the TypeScript entry.
      const w = new Worker(BOOT, { eval: true, workerData: url.href });
      try {
        for (let j = queue.shift(); j !== undefined; j = queue.shift()) {
          const job = j;
          const t0 = performance.now();
          const answer = await new Promise<{ ok: boolean; result?: JobResult; error?: string }>((resolve, reject) => {
            w.once('message', resolve);
            w.once('error', reject);
            w.postMessage(job);
          });
          w.removeAllListeners('error');
          if (!answer.ok) throw new Error(`bench:quality: ${describe(job)} failed in its worker: ${answer.error}`);
          done(job, answer.result!, performance.now() - t0);
        }
      } finally {
        await w.terminate();
      }
    }),
  );
  return results;
}

/** Tallies of the same name merged, in the order given. */
function mergeByName(results: JobResult, names: string[]): { name: string; tally: QualityTally }[] {
  return names
    .map((name) => {
      const t = emptyTally(name);
      for (const r of results) if (r.name === name) mergeTally(t, r.tally);
      return { name, tally: t };
    })
    .filter((r) => r.tally.frames > 0);
}

function jsonOf(name: string, t: QualityTally): unknown {
  return {
    name,
    frames: t.frames,
    falseMissed: t.falseMissed,
    ms: t.ms,
    figures: { ge10: figures(t, 'ge10'), all: figures(t, 'all'), ge10CentreClick: figures(t, 'ge10', 'centre') },
    buckets: Object.fromEntries(
      BUCKETS.map((b) => {
        const x = t.buckets[b];
        return [
          b,
          {
            defects: x.defects,
            cleanBoxes: x.cleanBoxes,
            cleanError: x.cleanError,
            cleanWarning: x.cleanWarning,
            cleanRules: x.cleanRules,
            fits: Object.fromEntries(
              Object.entries(x.fits).map(([label, byClick]) => [
                label,
                Object.fromEntries(
                  CLICKS.map((c) => {
                    const s = byClick[c];
                    return [
                      c,
                      {
                        n: s.n,
                        misses: s.misses,
                        medianBev: median(s.bev),
                        meanBev: mean(s.bev),
                        mean3d: mean(s.iou3d),
                        medianHeadingDeg: median(s.headingDeg),
                        backwards: s.backwards,
                      },
                    ];
                  }),
                ),
              ]),
            ),
          },
        ];
      }),
    ),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const p = plan(args);
  const jobs = jobsOf(p);
  const startedAt = new Date();
  console.log(
    `Cuboid quality bench — node ${process.version}, ${args.workers} thread(s), ${args.quick ? 'quick' : 'full'} run: ` +
      `${p.variants.map((v) => `${variantName(v.variant)}×${v.count}`).join(', ')}${p.real ? ', real frames' : ''}`,
  );
  console.log(
    `targets (objects with ≥10 returns): recall ≥${TARGETS.recallAny * 100} % error-or-warning and ≥${TARGETS.recallError * 100} % errors-only for every defect; ` +
      `clean boxes ≤${TARGETS.cleanError * 100} % with an error, ≤${TARGETS.cleanWarning * 100} % with a warning; false missed-object warnings ≤${TARGETS.falseMissedPerFrame}/frame; ` +
      `cars median BEV IoU ≥${TARGETS.carMedianBev}, mean 3D IoU ≥${TARGETS.carMean3d}, median heading error ≤${TARGETS.carMedianHeading}°, backwards ≤${TARGETS.carBackwards * 100} %; ` +
      `pedestrians and cyclists median BEV IoU ≥${TARGETS.personMedianBev}`,
  );
  const results = await runJobs(jobs, args.workers);

  const profiles = [...new Set(p.variants.map((v) => v.variant.profile))] as SensorProfileId[];
  const variantRows = mergeByName(
    results,
    p.variants.map((v) => variantName(v.variant)),
  );
  const realRows = mergeByName(results, [...new Set(results.map((r) => r.name).filter((n) => n.startsWith('real ')))]);
  const profileRows = profiles.map((profile) => {
    const t = emptyTally(profile);
    for (const r of variantRows) if (r.name.startsWith(`${profile}@`)) mergeTally(t, r.tally);
    return { name: `${profile} (all)`, tally: t, profile };
  });

  for (const r of profileRows) {
    const heights = variantRows.filter((v) => v.name.startsWith(`${r.profile}@`)).map((v) => v.name.slice(r.profile.length + 1));
    console.log(formatTally(r.tally, `${r.profile}: ${SENSOR_PROFILES[r.profile].description}; mounted ${heights.join(', ')}`));
  }
  for (const r of realRows) console.log(formatTally(r.tally, r.name));

  const summaryRows = [
    ...profiles.flatMap((profile) => [
      ...(args.quick ? [] : variantRows.filter((v) => v.name.startsWith(`${profile}@`))),
      profileRows.find((r) => r.profile === profile)!,
    ]),
    ...realRows,
  ];
  console.log(formatSummary(summaryRows));

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        options: args,
        machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length },
        targets: TARGETS,
        rows: summaryRows.map((r) => jsonOf(r.name, r.tally)),
      },
      (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
      1,
    )}\n`,
  );
  console.log(`\nwrote ${RESULTS}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error && err.message.startsWith('bench:quality:') ? err.message : err);
  process.exitCode = 1;
});
