import { expect, test } from '@playwright/test';
import { countNonBackgroundPixels, storeValue, waitForFrameLoaded, waitForViewStill } from './helpers.ts';

test('the app opens a KITTI frame and renders every point of the file', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?frame=000000');
  await waitForFrameLoaded(page);
  expect(await storeValue<string>(page, 'state.load.status')).toBe('done');
  // velodyne/000000.bin is 1,846,144 bytes = 115,384 records of 16 bytes.
  expect(await storeValue<number>(page, 'state.load.totalPoints')).toBe(115384);
  expect(await storeValue<number>(page, 'state.load.renderCount')).toBe(115384);
  await expect(page.getByTestId('load-status')).toContainText('115,384 points');
  await waitForViewStill(page);
  const lit = await countNonBackgroundPixels(page, '.stage-canvas canvas');
  expect(lit).toBeGreaterThan(20000);
  await page.screenshot({ path: 'test-results/viewer-000000.png' });
  expect(errors).toEqual([]);
});

test('a frame list shows every frame of the dataset and opens another one', async ({ page }) => {
  await page.goto('/');
  await waitForFrameLoaded(page);
  await expect(page.getByTestId('frame-000000')).toBeVisible();
  await expect(page.getByTestId('frame-000002')).toBeVisible();
  await page.getByTestId('frame-000002').click();
  await page.waitForFunction(() => {
    const hook = (window as unknown as { __cuboid: { store: { getState: () => { load: { frameId: string; status: string } } } } }).__cuboid;
    const load = hook.store.getState().load;
    return load.frameId === '000002' && load.status === 'done';
  });
  // velodyne/000002.bin: 2,030,256 bytes = 126,891 points.
  expect(await storeValue<number>(page, 'state.load.totalPoints')).toBe(126891);
});

test('the navigator shows every frame’s check summary, opened or not, and it matches the server’s checks', async ({ page, request }) => {
  await page.goto('/?frame=000000');
  await waitForFrameLoaded(page);
  for (const id of ['000001', '000002']) {
    const summary = await (await request.get(`/api/frames/${id}/checks`)).json();
    const row = page.getByTestId(`frame-${id}`);
    // Frames never opened in this session still get their counts, from the server's checks.
    const expected =
      summary.error === 0 && summary.warning === 0
        ? 'checks pass'
        : [
            summary.error > 0 ? `${summary.error} error${summary.error === 1 ? '' : 's'}` : '',
            summary.warning > 0 ? `${summary.warning} warning${summary.warning === 1 ? '' : 's'}` : '',
          ]
            .filter(Boolean)
            .join(' · ');
    await expect(row).toContainText(expected);
  }
  // The open frame's counts come from the checks worker and agree with the server's.
  const own = await (await request.get('/api/frames/000000/checks')).json();
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().checks.status === 'done');
  expect(await storeValue(page, 'state.checkSummary["000000"]')).toEqual({ error: own.error, warning: own.warning });
});

test('every redraw replaces the last picture: switching to the top view and back, or orbiting, leaves no trace', async ({ page }) => {
  await page.goto('/?frame=000000');
  await waitForFrameLoaded(page);
  await waitForViewStill(page);
  const before = await countNonBackgroundPixels(page, '.stage-canvas canvas');
  await page.keyboard.press('m');
  await expect.poll(() => storeValue<string>(page, 'state.view.mainMode')).toBe('top');
  await waitForViewStill(page);
  await page.keyboard.press('m');
  await expect.poll(() => storeValue<string>(page, 'state.view.mainMode')).toBe('perspective');
  await waitForViewStill(page);
  const after = await countNonBackgroundPixels(page, '.stage-canvas canvas');
  // The same 3D picture again, not the 3D view drawn over the top view.
  expect(Math.abs(after - before) / before).toBeLessThan(0.02);
  // Orbit away and back by the same drag: again the same picture.
  const main = (await page.getByTestId('view-main').boundingBox())!;
  const [x, y] = [main.x + main.width * 0.3, main.y + main.height * 0.8];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 120, y, { steps: 6 });
  await page.mouse.move(x, y, { steps: 6 });
  await page.mouse.up();
  await waitForViewStill(page);
  const orbited = await countNonBackgroundPixels(page, '.stage-canvas canvas');
  expect(Math.abs(orbited - before) / before).toBeLessThan(0.02);
});

test('a broken point file gets a card naming the file and what is wrong, and the next frame still opens', async ({ page }) => {
  await page.goto('http://127.0.0.1:8796/?frame=000001');
  const card = page.getByTestId('load-error-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Frame 000001 could not be loaded');
  // The size is not a whole number of 16-byte points: the message names the file and the sizes.
  await expect(card).toContainText('000001.bin');
  await expect(card).toContainText('size 1000003 bytes is not a multiple of 16');
  await card.getByRole('button', { name: 'Try again' }).click();
  await expect(card).toBeVisible();
  await page.getByTestId('frame-000000').click();
  await expect(card).toBeHidden();
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().load.status === 'done');
  expect(await storeValue<number>(page, 'state.load.totalPoints')).toBe(115384);
});

test('a frame id in the address that the dataset lacks opens the first frame and says so', async ({ page }) => {
  await page.goto('/?frame=999999');
  await waitForFrameLoaded(page);
  expect(await storeValue<string>(page, 'state.currentFrameId')).toBe('000000');
  await expect(page.getByText('There is no frame "999999" in this dataset; opened 000000 instead.')).toBeVisible();
});

test('the wheel zooms about the point under the cursor, in the top view and in 3D', async ({ page }) => {
  await page.goto('/?frame=000000');
  await waitForFrameLoaded(page);
  for (const mode of ['top', '3d']) {
    if (mode === 'top') await page.keyboard.press('m');
    if (mode === '3d') await page.keyboard.press('m');
    await expect.poll(() => storeValue<string>(page, 'state.view.mainMode')).toBe(mode === 'top' ? 'top' : 'perspective');
    const target: [number, number, number] = [25, 8, -1.7];
    await waitForViewStill(page, target);
    const before = (await page.evaluate((p) => (window as any).__cuboid.project(p), target)) as [number, number];
    await page.mouse.move(before[0], before[1]);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -200);
      await waitForViewStill(page, target);
    }
    const after = (await page.evaluate((p) => (window as any).__cuboid.project(p), target)) as [number, number];
    // The ground point under the cursor stays under it (a few pixels of drift at most).
    expect(Math.hypot(after[0] - before[0], after[1] - before[1])).toBeLessThan(6);
  }
});
