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
  for (const measure of [
    'first view',
    'full detail',
    'longest main-thread task',
    'animation frames up to',
    'JS heap + GPU buffers',
    'pick',
    'fit on the merged cloud',
  ]) {
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

test('zoomed in past the point budget, the view draws every merged point around where it looks', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`http://127.0.0.1:${PORT}/?frame=000005`);
  await page.waitForFunction(() => (window as any).__cuboid?.store.getState().load.status === 'done', null, { timeout: 60_000 });
  // A budget under the merge's points: the budgeted view thins them.
  await page.evaluate(() => {
    const s = (window as any).__cuboid.store.getState();
    s.setPointBudget(250_000);
    s.setMergeSweeps(5);
  });
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().merge.fullDetailMs !== null, null, { timeout: 120_000, polling: 200 });
  const before = await page.evaluate(() => (window as any).__cuboid.store.getState().merge);
  expect(before.points).toBeGreaterThan(before.drawn);
  expect(before.detail).toBeNull();
  // Zoom in with the wheel towards the middle of the view, as an annotator would.
  const canvas = page.locator('canvas').first();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let k = 0; k < 10; k++) await page.mouse.wheel(0, -300);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().merge.detail?.status === 'ready', null, { timeout: 60_000, polling: 200 });
  const m = await page.evaluate(() => (window as any).__cuboid.store.getState().merge);
  expect(m.focus).not.toBeNull();
  expect(m.detail.points).toBeGreaterThan(0);
  expect(m.detail.points).toBeLessThanOrEqual(250_000);
  await expect(page.getByTestId('merge-status')).toContainText(`within ${m.detail.radius} m`);
  // Every one of them within the disc, and more there than the budgeted view draws there.
  const counts = await page.evaluate(
    ({ d, mergedKey }) => {
      const hook = (window as any).__cuboid;
      const inDisc = (key: string): { inside: number; all: number } => {
        const c = hook.mergedCloud(key);
        const { positions } = c.slice(0, c.received);
        let inside = 0;
        for (let i = 0; i < positions.length; i += 3) if (Math.hypot(positions[i] - d.x, positions[i + 1] - d.y) <= d.radius + 0.01) inside++;
        return { inside, all: positions.length / 3 };
      };
      return { detail: inDisc(d.key), merged: inDisc(mergedKey) };
    },
    { d: m.detail, mergedKey: m.key },
  );
  expect(counts.detail.all).toBe(m.detail.points);
  expect(counts.detail.inside).toBe(counts.detail.all);
  expect(counts.detail.inside).toBeGreaterThan(counts.merged.inside);
  // Standing back again, the detail goes.
  for (let k = 0; k < 14; k++) await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().merge.detail === null, null, { timeout: 30_000, polling: 200 });
  // Zoomed in there again: the disc fetched before is shown again, whole, without asking anew
  // (the very cloud kept in the page, marked here).
  await page.evaluate((key) => ((window as any).__cuboid.mergedCloud(key).keptMark = true), m.detail.key);
  for (let k = 0; k < 14; k++) await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().merge.detail !== null, null, { timeout: 30_000, polling: 200 });
  const again = await page.evaluate(() => (window as any).__cuboid.store.getState().merge.detail);
  expect(again).toMatchObject({ key: m.detail.key, status: 'ready', points: m.detail.points });
  expect(await page.evaluate((key) => (window as any).__cuboid.mergedCloud(key).keptMark, m.detail.key)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('detail-shown-again.png') });
});
