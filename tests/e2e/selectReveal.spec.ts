import { expect, test } from '@playwright/test';
import { storeValue, waitForFrameLoaded } from './helpers.ts';

type Hook = { store: { getState: () => any }; project: (p: [number, number, number], v: string) => [number, number] | null };

test('Tab brings a box that is off screen into the main view; a box on screen does not move it', async ({ page }) => {
  await page.goto('/?frame=000001');
  await waitForFrameLoaded(page);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc?.frameId === '000001');
  // Where the selected box's centre is on screen (null when behind the camera).
  const where = () =>
    page.evaluate(() => {
      const hook = (window as any).__cuboid as Hook;
      const s = hook.store.getState();
      const box = s.doc.cuboids.find((c: { id: string }) => c.id === s.selectedIds[0]);
      return box ? hook.project(box.center, 'main') : null;
    });
  const onScreen = async () => {
    const at = await where();
    const view = await page.getByTestId('view-main').boundingBox();
    return at !== null && view !== null && at[0] >= view.x && at[0] <= view.x + view.width && at[1] >= view.y && at[1] <= view.y + view.height;
  };
  // Slide the view 300 m away: every box is off screen.
  await page.evaluate(() => (window as any).__cuboid.store.getState().requestPan([300, 300, 0]));
  await page.keyboard.press('Tab');
  await expect.poll(() => storeValue<number>(page, 'state.selectedIds.length')).toBe(1);
  await expect.poll(onScreen).toBe(true);
  // On screen already: asking again moves nothing.
  const before = await where();
  await page.evaluate(() => (window as any).__cuboid.store.getState().requestReveal());
  await page.waitForTimeout(200);
  const after = await where();
  expect(before).not.toBeNull();
  expect(after![0]).toBeCloseTo(before![0], 3);
  expect(after![1]).toBeCloseTo(before![1], 3);
  // Every box in turn shows when Tab reaches it.
  const count = await storeValue<number>(page, 'state.doc.cuboids.length');
  for (let i = 1; i < count; i++) {
    await page.keyboard.press('Tab');
    await expect.poll(onScreen).toBe(true);
  }
});
