/**
 * `npm run bench -- --only merged`: a 6M-point merged view (50 simulated sweeps × ~120k) in
 * headless Chromium (Debian's, software WebGL). Builds the app (`vite build --mode e2e`, into a
 * temp folder), serves the bench dataset (`mergedDataset.ts`, with the simulator's ego poses),
 * opens its middle frame, merges 25 sweeps each side (on the server, streamed to the page) and
 * prints one line beginning `merged sequence` with each figure beside its target (✓/✗); then opens
 * the frame again in a fresh page (the server answers from its cache of recent merges) and prints
 * a second line, `merged sequence, reopened`, and a third with a 2M point budget picked (the
 * default is 0.5M on a software renderer). Nothing is asserted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { BenchReport } from './BenchReport.ts';
import { ensureMergedDataset, MERGED_SWEEPS } from './mergedDataset.ts';
import {
  formatDetailLine,
  formatMergedLine,
  formatStepLine,
  measureDetail,
  measureMergedSequence,
  measureStep,
  recordLongTasks,
} from './mergedSequenceMeasure.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 8793;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--enable-precise-memory-info',
];

/** Static, labelled objects of `frameId` in its LiDAR frame (seeds for the fit on the merge). */
function staticSeeds(dataset: string, frameId: string): [number, number, number][] {
  const truth = JSON.parse(readFileSync(join(dataset, 'ground_truth.json'), 'utf8')) as {
    frames: { frameId: string; objects: { center: number[]; isStatic: boolean; labelled: boolean; class: string }[] }[];
  };
  const frame = truth.frames.find((f) => f.frameId === frameId);
  return (frame?.objects ?? [])
    .filter((o) => o.isStatic && o.labelled && o.class === 'Car')
    .slice(0, 5)
    .map((o) => [o.center[0], o.center[1], o.center[2]]);
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`merged bench: ${url} did not answer within ${ms} ms`);
}

export async function run(report: BenchReport): Promise<void> {
  void report;
  const dataset = ensureMergedDataset((l) => console.log(l));
  const dist = mkdtempSync(join(tmpdir(), 'cuboid-bench-dist-'));
  const state = mkdtempSync(join(tmpdir(), 'cuboid-bench-state-'));
  console.log('\nmerged sequence: building the app (vite build --mode e2e) …');
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'e2e', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('merged bench: vite build failed');
  const server = spawn(process.execPath, [join(ROOT, 'src/cli/cuboid.js'), 'serve', dataset, '--port', String(PORT), '--state', state, '--dist', dist], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/api/frames`, 60_000);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await recordLongTasks(page);
    const middle = String(MERGED_SWEEPS / 2).padStart(6, '0');
    const figures = await measureMergedSequence(page, `http://127.0.0.1:${PORT}`, middle, MERGED_SWEEPS / 2, staticSeeds(dataset, middle));
    // Screenshots of the merged view (height, then by time) for a look as a user would.
    const shots = process.env.CUBOID_BENCH_SHOTS ?? join(tmpdir(), 'cuboid-bench-shots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'merged-height.png') });
    await page.evaluate(() => (window as any).__cuboid.store.getState().setMergeColorByTime(true));
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(shots, 'merged-time.png') });
    console.log(formatMergedLine(figures));
    // The same frame opened again in a fresh page (an annotator coming back to it): the server
    // answers from its cache of recent merges.
    await page.close();
    const again = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await recordLongTasks(again);
    const reopened = await measureMergedSequence(again, `http://127.0.0.1:${PORT}`, middle, MERGED_SWEEPS / 2, staticSeeds(dataset, middle));
    console.log(formatMergedLine(reopened).replace('merged sequence (', 'merged sequence, reopened ('));
    // Then on to the next frame with D, as an annotator steps through a sequence (merged ahead).
    console.log(formatStepLine(await measureStep(again)));
    // Looking closely at the street 8 m ahead (where the sweeps are densest and the budget thins
    // them most), then at a parked car of that frame: every merged point there, past the budget.
    console.log(formatDetailLine(await measureDetail(again, [8, 3])));
    const next = await again.evaluate(() => (window as any).__cuboid.store.getState().currentFrameId as string);
    const seed = staticSeeds(dataset, next)[0];
    if (seed) console.log(formatDetailLine(await measureDetail(again, [seed[0], seed[1]])));
    // The same frame with a 2M budget picked in the toolbar (the default on a GPU; on software GL
    // the default is 0.5M): the server merges it again (its parsed sweeps kept).
    await again.close();
    const big = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await recordLongTasks(big);
    const at2M = await measureMergedSequence(big, `http://127.0.0.1:${PORT}`, middle, MERGED_SWEEPS / 2, staticSeeds(dataset, middle), 180_000, 2_000_000);
    console.log(formatMergedLine(at2M).replace('merged sequence (', 'merged sequence, 2M budget picked ('));
  } finally {
    await browser.close();
    server.kill();
    rmSync(dist, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
  }
}
