import { expect, test } from '@playwright/test';

type Hooked = {
  __testbed: {
    pages: ({ store: { getState: () => { currentFrameId: string | null; load: { status: string }; view: { mainMode: string } } } } | null)[];
    unmount: () => void;
    project: (p: [number, number, number], view: string, slot: number) => [number, number] | null;
  };
};

const state = (slot: number, read: string) =>
  `(() => { const p = window.__testbed?.pages[${slot}]; if (!p) return null; const s = p.store.getState(); return ${read}; })()`;

type Engines = { __workers: { url: string; terminated: boolean }[] };

test('two editors on one page: each its own store, engine and keys; unmounting leaves nothing behind', async ({ page }) => {
  // Record every worker the page starts and whether it was terminated.
  await page.addInitScript(() => {
    const Native = window.Worker;
    const seen: { url: string; terminated: boolean }[] = [];
    (window as unknown as Engines).__workers = seen;
    window.Worker = class extends Native {
      private readonly record: { url: string; terminated: boolean };
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.record = { url: String(url), terminated: false };
        seen.push(this.record);
      }
      override terminate(): void {
        this.record.terminated = true;
        super.terminate();
      }
    };
  });
  await page.goto('/?testbed');
  // Both open the dataset's first frame and stream its points, each through its own engine.
  for (const slot of [0, 1]) {
    await page.waitForFunction(state(slot, "s.load.status === 'done' && s.currentFrameId !== null"));
  }
  const engines = await page.evaluate(() => {
    const pages = (window as unknown as { __testbed: { pages: { io: { worker: () => unknown; frameCache: { size: number } } }[] } }).__testbed.pages;
    (window as unknown as { __caches: unknown[] }).__caches = pages.map((p) => p.io.frameCache);
    const pointWorkers = (window as unknown as Engines).__workers.filter((w) => w.url.includes('pointCloud'));
    return {
      sameWorker: pages[0].io.worker() === pages[1].io.worker(),
      sameCache: pages[0].io.frameCache === pages[1].io.frameCache,
      sizes: pages.map((p) => p.io.frameCache.size),
      pointWorkers: pointWorkers.length,
    };
  });
  expect(engines.sameWorker).toBe(false);
  expect(engines.sameCache).toBe(false);
  expect(engines.sizes.every((n) => n >= 1)).toBe(true);
  expect(engines.pointWorkers).toBeGreaterThanOrEqual(2);
  await expect(page.locator('canvas')).toHaveCount(2);
  const [first, second] = await page.evaluate(() => {
    const { pages } = (window as unknown as Hooked).__testbed;
    return pages.map((p) => p?.store.getState().currentFrameId ?? null);
  });
  expect(first).not.toBeNull();
  expect(second).toBe(first);
  // Each draws its own main view: the sensor origin lands in each editor's half of the page (one above the other).
  const half = (page.viewportSize()?.height ?? 800) / 2;
  // A pointer move over each editor makes its view draw (and its camera take the view's size).
  await page.mouse.move(640, half / 2);
  await page.mouse.move(640, half * 1.5);
  await page.waitForFunction(() =>
    [0, 1].every((slot) => {
      const xy = (window as unknown as Hooked).__testbed.project([0, 0, 0], 'main', slot);
      return xy !== null && Number.isFinite(xy[0]) && Number.isFinite(xy[1]);
    }),
  );
  const [o0, o1] = await page.evaluate(() => [0, 1].map((slot) => (window as unknown as Hooked).__testbed.project([0, 0, 0], 'main', slot)!));
  expect(o0[1]).toBeLessThan(half);
  expect(o1[1]).toBeGreaterThan(half);
  // The URL belongs to the host: the editors never write it.
  expect(new URL(page.url()).searchParams.has('frame')).toBe(false);

  // A key goes to the editor that has the focus, and only to it.
  await page.locator('[data-testid=testbed-slot-1] [data-testid=viewport]').focus();
  await page.keyboard.press('m');
  await page.waitForFunction(state(1, "s.view.mainMode === 'top'"));
  expect(await page.evaluate(state(0, 's.view.mainMode'))).toBe('perspective');

  // Keep the WebGL contexts to ask them after the unmount.
  await page.evaluate(() => {
    (window as unknown as { __gl: WebGLRenderingContext[] }).__gl = [...document.querySelectorAll('canvas')].map(
      (c) => (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext,
    );
  });
  await page.evaluate(() => (window as unknown as Hooked).__testbed.unmount());
  await expect(page.getByTestId('testbed-empty')).toBeVisible();
  await expect(page.locator('canvas')).toHaveCount(0);
  await expect(page.locator('[data-testid=cuboid-editor]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as Hooked).__testbed.pages)).toEqual([null, null]);
  // Every worker the editors started is terminated, and their frame caches are empty.
  const after = await page.evaluate(() => ({
    workers: (window as unknown as Engines).__workers,
    sizes: (window as unknown as { __caches: { size: number }[] }).__caches.map((c) => c.size),
  }));
  expect(after.workers.length).toBeGreaterThanOrEqual(2);
  expect(after.workers.filter((w) => !w.terminated)).toEqual([]);
  expect(after.sizes).toEqual([0, 0]);
  await page.waitForFunction(() => (window as unknown as { __gl: WebGLRenderingContext[] }).__gl.every((gl) => gl.isContextLost()));
  // No listener is left: a key on the page reaches no editor (nothing throws, nothing is drawn).
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.keyboard.press('m');
  await page.keyboard.press('d');
  expect(errors).toEqual([]);
});
