import { expect, test } from '@playwright/test';
import { BIG_POINTS } from './bigDataset.ts';
import { storeValue } from './helpers.ts';

const BIG_URL = 'http://127.0.0.1:8798';

test('a 5M-point PCD streams in: points show before the file is complete, the page stays responsive', async ({ page }, info) => {
  test.setTimeout(240_000);
  // Record every long task (> 50 ms) of the main thread from the very start.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.startTime, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${BIG_URL}/`);
  await page.waitForFunction(() => (window as any).__cuboid?.store.getState().load.status === 'loading');
  const loadStart = await page.evaluate(() => performance.now());

  // Points are drawable while the file is still arriving.
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().load.renderCount > 0, null, { timeout: 120_000 });
  const partial = await storeValue<{ status: string; renderCount: number }>(page, '({ status: state.load.status, renderCount: state.load.renderCount })');
  expect(partial.status).toBe('loading');
  expect(partial.renderCount).toBeLessThan(BIG_POINTS);

  await page.waitForFunction(() => (window as any).__cuboid.store.getState().load.status === 'done', null, { timeout: 200_000 });
  const loadEnd = await page.evaluate(() => performance.now());
  expect(await storeValue<number>(page, 'state.load.totalPoints')).toBe(BIG_POINTS);
  expect(await storeValue<number>(page, 'state.load.renderCount')).toBe(BIG_POINTS);

  // Figures (reported, not asserted: timing is measured, not tested).
  const firstMs = await storeValue<number>(page, 'state.load.firstBatchMs');
  const totalMs = await storeValue<number>(page, 'state.load.totalMs');
  // Long tasks that started after the stream began (page start-up, e.g. creating the WebGL context, is not load).
  const raw = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const longTasks: number[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i] >= loadStart) longTasks.push(raw[i + 1]);
  const longest = longTasks.length ? Math.max(...longTasks) : 0;
  const figures = `5M points: first points ${Math.round(firstMs)} ms, full frame ${Math.round(totalMs)} ms (page ${Math.round(loadEnd - loadStart)} ms); ` +
    `long tasks during load: ${longTasks.length}, longest ${Math.round(longest)} ms`;
  info.annotations.push({ type: 'figure', description: figures });
  console.log(figures);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'test-results/streaming-5m.png' });
});
