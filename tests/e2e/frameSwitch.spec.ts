import { expect, test } from '@playwright/test';
import { storeValue, waitForFrameLoaded } from './helpers.ts';

const SWITCHES = 1000;
const EVICTING = 60;

test('1,000 frame switches keep memory bounded: frames leave the cache and their GPU buffers are freed', async ({ page }, info) => {
  test.setTimeout(600_000);
  await page.goto('/?frame=000000');
  await waitForFrameLoaded(page);
  // A cache that holds two of the three frames, so switching keeps evicting and reloading.
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  };
  const ids = ['000000', '000001', '000002'];
  // Warm up one round so lazily created things exist before the baseline.
  for (const id of ids) await switchTo(page, id);
  const before = await heap();
  // The first switches run with a cache that holds two of the three frames, so every switch
  // evicts a frame (its GPU chunks are disposed) and streams another; the rest hit the cache.
  await page.evaluate(() => {
    (window as any).__cuboid.frameCache.budgetBytes = 4 * 1024 * 1024;
  });
  for (let i = 0; i < EVICTING; i++) await switchTo(page, ids[i % 3]);
  const geometries = await page.evaluate(() => (window as any).__cuboid.frameGeometryCount() as number);
  await page.evaluate(() => {
    (window as any).__cuboid.frameCache.budgetBytes = 768 * 1024 * 1024;
  });
  for (let i = EVICTING; i < SWITCHES; i++) await switchTo(page, ids[i % 3]);
  const after = await heap();
  const cached = await page.evaluate(() => (window as any).__cuboid.frameCache.size as number);
  const figure =
    `heap after warm-up ${(before / 1e6).toFixed(1)} MB, after ${SWITCHES} switches (${EVICTING} evicting) ` +
    `${(after / 1e6).toFixed(1)} MB; frames cached ${cached}; frame geometries alive while evicting ${geometries}`;
  expect(geometries).toBeLessThanOrEqual(2);
  info.annotations.push({ type: 'figure', description: figure });
  console.log(figure);
  expect(cached).toBeLessThanOrEqual(3);
  expect(await storeValue<string>(page, 'state.load.status')).toBe('done');
  // Bounded: no per-switch leak (three cached frames of ~2 MB each are the working set).
  expect(after - before).toBeLessThan(40 * 1024 * 1024);
});

async function switchTo(page: import('@playwright/test').Page, id: string): Promise<void> {
  await page.evaluate((fid) => (window as any).__cuboid.openFrame(fid), id);
  await page.waitForFunction(
    (fid) => {
      const s = (window as any).__cuboid.store.getState();
      return s.load.frameId === fid && s.load.status === 'done' && s.doc?.frameId === fid;
    },
    id,
    { polling: 10 },
  );
}
