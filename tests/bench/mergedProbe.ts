/**
 * Development probe (not part of `npm run bench`): runs the merged-sequence measure on an existing
 * build (`--dist DIR`) and prints a timeline of the merge (every 100 ms: sweeps fetched, points
 * received and drawn, the longest gap between animation frames) to see where the time goes.
 *   node --import tsx tests/bench/mergedProbe.ts --dist /tmp/dist
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { ensureMergedDataset, MERGED_SWEEPS } from './mergedDataset.ts';
import { formatMergedLine, measureMergedSequence, recordLongTasks } from './mergedSequenceMeasure.ts';
import { CHROMIUM_ARGS } from './mergedSequence.bench.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dist = process.argv[process.argv.indexOf('--dist') + 1];
const PORT = 8794;
const dataset = ensureMergedDataset();
const state = mkdtempSync(join(tmpdir(), 'cuboid-probe-state-'));
const server = spawn(process.execPath, [join(ROOT, 'src/cli/cuboid.js'), 'serve', dataset, '--port', String(PORT), '--state', state, '--dist', dist], {
  stdio: 'ignore',
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/frames`)).ok) break;
    } catch {
      /* not up */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await recordLongTasks(page);
  // A string: tsx names inner functions with a helper the page does not have.
  await page.addInitScript(`
    window.__timeline = [];
    let last = performance.now();
    let gap = 0;
    function raf() { const now = performance.now(); gap = Math.max(gap, now - last); last = now; requestAnimationFrame(raf); }
    requestAnimationFrame(raf);
    let drawCalls = 0;
    let drawnPoints = 0;
    const drawArrays = WebGL2RenderingContext.prototype.drawArrays;
    WebGL2RenderingContext.prototype.drawArrays = function (mode, first, count) {
      drawCalls++;
      drawnPoints += count;
      return drawArrays.call(this, mode, first, count);
    };
    setInterval(function () {
      const m = window.__cuboid && window.__cuboid.store.getState().merge;
      if (!m || m.status === 'off') return;
      const c = m.key ? window.__cuboid.lodGpuBytes() : 0;
      window.__timeline.push([Math.round(performance.now()), m.sweepsDone, m.drawn, Math.round(c / 1048576), Math.round(gap), m.status, drawCalls, drawnPoints]);
      gap = 0;
      drawCalls = 0;
      drawnPoints = 0;
    }, 20);
  `);
  const middle = String(MERGED_SWEEPS / 2).padStart(6, '0');
  const figures = await measureMergedSequence(page, `http://127.0.0.1:${PORT}`, middle, MERGED_SWEEPS / 2, []);
  const timeline = (await page.evaluate(() => (window as any).__timeline)) as unknown[][];
  const longTasks = (await page.evaluate(() => (window as any).__longTasks)) as number[];
  const marks = (await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]))) as [string, number][];
  const req = (await page.evaluate(() => (window as any).__cuboid.store.getState().merge.requestedAt)) as number;
  const origin = (await page.evaluate(() => performance.timeOrigin)) as number;
  console.log('request at wall', Math.round(origin + req), 'full detail at wall', Math.round(origin + req + (figures.fullDetailMs ?? 0)));
  console.log('request at', Math.round(req), 'marks', marks.map(([n, t]) => `${n}@${t - Math.round(req)}`).join(' '));
  const t0 = timeline[0]?.[0] as number;
  for (const row of timeline)
    console.log(
      `${(row[0] as number) - t0}\tsweeps ${row[1]}\tdrawn ${row[2]}\tgpuMB ${row[3]}\tmaxFrameGap ${row[4]}\t${row[5]}\tdraw calls ${row[6]} (${row[7]} vertices)`,
    );
  const lt: string[] = [];
  for (let i = 0; i < longTasks.length; i += 4) if (longTasks[i] >= t0 - 200) lt.push(`${Math.round(longTasks[i] - t0)}:${Math.round(longTasks[i + 2])}`);
  console.log('long tasks (start:ms)', lt.join(' '));
  console.log(formatMergedLine(figures));
  // Frame cost: redraws forced by a point-size change, timed by animation frames.
  for (const sweeps of [25, 0]) {
    if (sweeps === 0) {
      await page.evaluate(() => (window as any).__cuboid.store.getState().setMergeSweeps(0));
      await page.waitForTimeout(3000);
    }
    const gaps = await page.evaluate(async () => {
      const s = (window as any).__cuboid.store;
      const out: number[] = [];
      for (let k = 0; k < 6; k++) {
        const t = performance.now();
        s.getState().setPointSize(k % 2 ? 2 : 3);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        out.push(Math.round(performance.now() - t));
      }
      return out;
    });
    console.log(`sweeps ${sweeps}: two-frame redraw times ms`, gaps.join(' '));
  }
  // The same merge again in a fresh page (the server answers it from its cache of recent merges).
  await page.close();
  const again = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await recordLongTasks(again);
  console.log('reopened:', formatMergedLine(await measureMergedSequence(again, `http://127.0.0.1:${PORT}`, middle, MERGED_SWEEPS / 2, [])));
  const againReq = (await again.evaluate(() => (window as any).__cuboid.store.getState().merge.requestedAt)) as number;
  const againMarks = (await again.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]))) as [string, number][];
  const againLong = (await again.evaluate(() => (window as any).__longTasks)) as number[];
  console.log('reopened marks', againMarks.map(([n, t]) => `${n}@${t - Math.round(againReq)}`).join(' '));
  const al: string[] = [];
  for (let i = 0; i < againLong.length; i += 4)
    if (againLong[i] >= againReq - 200) al.push(`${Math.round(againLong[i] - againReq)}:${Math.round(againLong[i + 2])}`);
  console.log('reopened long tasks (start:ms)', al.join(' '));
  // Step to the next frame with the sweeps still shown (the server merged it ahead meanwhile).
  await again.waitForTimeout(4000);
  await again
    .locator('canvas')
    .first()
    .click({ position: { x: 5, y: 5 } })
    .catch(() => undefined);
  await again.keyboard.press('d');
  await again.waitForFunction(
    (id) => {
      const s = (window as any).__cuboid.store.getState();
      return s.currentFrameId !== id && s.merge.fullDetailMs !== null && s.merge.status === 'ready';
    },
    middle,
    { timeout: 120_000 },
  );
  const stepped = await again.evaluate(() => {
    const m = (window as any).__cuboid.store.getState().merge;
    return { key: m.key, firstViewMs: m.firstViewMs, fullDetailMs: m.fullDetailMs, cached: m.cached };
  });
  console.log('stepped to the next frame:', JSON.stringify(stepped));
} finally {
  await browser.close();
  server.kill();
  rmSync(state, { recursive: true, force: true });
}
