import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMergedLine, formatStepLine, measureMergedSequence, measureStep, recordLongTasks } from '../bench/mergedSequenceMeasure.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 8794;
const SAMPLES = join(ROOT, 'samples');
let server: ChildProcess | null = null;
let state = '';

// The bundled 10-frame sequence (with the simulator's poses.txt) on a server of its own, state in a temp folder.
test.beforeAll(async () => {
  state = mkdtempSync(join(tmpdir(), 'cuboid-e2e-merged-'));
  server = spawn(process.execPath, [join(ROOT, 'src/cli/cuboid.js'), 'serve', SAMPLES, '--port', String(PORT), '--state', state], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/api/frames`).catch(() => null))?.ok ?? false, { timeout: 60_000 }).toBe(true);
});

test.afterAll(() => {
  server?.kill();
  rmSync(state, { recursive: true, force: true });
});

test('the merged-sequence bench line has every measure (values are reported, not asserted)', async ({ page }, info) => {
  test.setTimeout(240_000);
  await recordLongTasks(page);
  const truth = JSON.parse(readFileSync(join(SAMPLES, 'ground_truth.json'), 'utf8')) as {
    frames: { frameId: string; objects: { center: number[]; isStatic: boolean }[] }[];
  };
  const seeds = truth.frames[5].objects
    .filter((o) => o.isStatic)
    .slice(0, 3)
    .map((o) => [o.center[0], o.center[1], o.center[2]] as [number, number, number]);
  const figures = await measureMergedSequence(page, `http://127.0.0.1:${PORT}`, '000005', 5, seeds);
  const line = formatMergedLine(figures);
  info.annotations.push({ type: 'figure', description: line });
  expect(line.startsWith('merged sequence')).toBe(true);
  expect(figures.sweeps).toBe(10);
  expect(figures.points).toBeGreaterThan(0);
  for (const measure of ['first view', 'full detail', 'longest main-thread task', 'JS heap + GPU buffers', 'pick', 'fit on the merged cloud']) {
    expect(line).toMatch(new RegExp(`${measure.replace(/[+]/g, '\\+')} \\d+(\\.\\d+)? (ms|MB)`));
  }
  await page.screenshot({ path: 'test-results/merged-sequence.png' });

  // The close-ups of a static object's box show the merged points: more of them than its own sweep has.
  const counts = await page.evaluate(async (at) => {
    const hook = (window as any).__cuboid;
    const s = hook.store.getState();
    const box = { center: at, size: [5, 2.5, 2.5], yaw: 0 };
    const merged = await hook.mergeWorker().pointsNearBox(s.merge.key, box, 1.5);
    const single = await hook.worker().pointsNearBox(s.currentFrameId, box, 1.5, 'height');
    return { merged: merged.positions.length / 3, single: single.positions.length / 3 };
  }, seeds[0]);
  expect(counts.single).toBeGreaterThan(0);
  expect(counts.merged).toBeGreaterThan(counts.single);

  // Stepping on with sweeps shown: until the next frame's merge is on the GPU, the last one stays on
  // screen, moved into the new frame (never the new frame's single sweep).
  const step = await measureStep(page);
  info.annotations.push({ type: 'figure', description: formatStepLine(step) });
  expect(step.kept).toBe(true);
  expect(await page.evaluate(() => (window as any).__cuboid.store.getState().merge.key as string)).toMatch(/^merged:000006:5:/);
  expect(formatStepLine(step)).toMatch(/whole on screen after \d+ ms/);
});
