import { expect, test } from '@playwright/test';

type Hooked = {
  __testbed: {
    pages: ({ store: { getState: () => { currentFrameId: string | null; load: { status: string }; view: { mainMode: string } } } } | null)[];
    unmount: () => void;
    project: (p: [number, number, number], view: string, slot: number) => [number, number] | null;
  };
};

const state = (slot: number, read: string) =>
  `(() => { const p = window.__testbed.pages[${slot}]; if (!p) return null; const s = p.store.getState(); return ${read}; })()`;

test('two editors on one page: each its own store and keys; unmounting leaves nothing behind', async ({ page }) => {
  await page.goto('/?testbed');
  // Both open the dataset's first frame and stream its points, sharing the engine.
  for (const slot of [0, 1]) {
    await page.waitForFunction(state(slot, "s.load.status === 'done' && s.currentFrameId !== null"));
  }
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
  await page.waitForFunction(() => (window as unknown as { __gl: WebGLRenderingContext[] }).__gl.every((gl) => gl.isContextLost()));
  // No listener is left: a key on the page reaches no editor (nothing throws, nothing is drawn).
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.keyboard.press('m');
  await page.keyboard.press('d');
  expect(errors).toEqual([]);
});
