import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { storeValue, waitForFrameLoaded, waitForViewStill } from './helpers.ts';

async function openFrame(page: Page, id: string): Promise<void> {
  await page.goto(`/?frame=${id}`);
  await waitForFrameLoaded(page);
  await page.waitForFunction((fid) => (window as any).__cuboid.store.getState().doc?.frameId === fid, id);
}

const project = (page: Page, p: [number, number, number]) => page.evaluate((pt) => (window as any).__cuboid.project(pt), p) as Promise<[number, number] | null>;

test('one wheel notch zooms the top view by over 12 %', async ({ page }) => {
  await openFrame(page, '000000');
  await page.keyboard.press('m');
  await expect.poll(() => storeValue<string>(page, 'state.view.mainMode')).toBe('top');
  // A pointer move makes the new top camera draw (and so take the view's frustum) before it is measured.
  await page.mouse.move(400, 400);
  await waitForViewStill(page, [20, -5, -1.7]);
  const a0 = (await project(page, [20, -5, -1.7]))!;
  const b0 = (await project(page, [30, 5, -1.7]))!;
  await page.mouse.move((a0[0] + b0[0]) / 2, (a0[1] + b0[1]) / 2);
  await page.mouse.wheel(0, -100);
  await waitForViewStill(page, [20, -5, -1.7]);
  const a1 = (await project(page, [20, -5, -1.7]))!;
  const b1 = (await project(page, [30, 5, -1.7]))!;
  const ratio = Math.hypot(b1[0] - a1[0], b1[1] - a1[1]) / Math.hypot(b0[0] - a0[0], b0[1] - a0[1]);
  expect(ratio).toBeGreaterThan(1.12);
  await page.screenshot({ path: 'test-results/views-top-zoomed.png' });
});

test('the camera panel zooms with the wheel, pans, fits on double click and resizes by its grip', async ({ page }) => {
  await openFrame(page, '000001');
  await page.keyboard.press('p');
  const panel = page.getByTestId('camera-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('camera-zoom')).toHaveText('×1');
  // A camera chosen on another frame that this one lacks: the panel says which it shows instead.
  await page.evaluate(() => (window as any).__cuboid.store.getState().setCamera('image_3'));
  await expect(page.getByTestId('camera-fallback')).toHaveText('this frame has no Cam 3: showing Cam 2');
  await page.evaluate(() => (window as any).__cuboid.store.getState().setCamera('image_2'));
  await expect(page.getByTestId('camera-fallback')).toHaveCount(0);
  const image = panel.locator('.camera-image');
  const box0 = (await image.boundingBox())!;
  await page.screenshot({ path: 'test-results/views-camera-fit.png' });

  // The wheel zooms the image, not the 3D view behind it.
  const before = await project(page, [20, 0, -1.7]);
  await page.mouse.move(box0.x + box0.width * 0.6, box0.y + box0.height * 0.5);
  await page.mouse.wheel(0, -300);
  await expect(page.getByTestId('camera-zoom')).not.toHaveText('×1');
  // The 3D view did not move (the same screen point, to float rounding: the camera's matrices are recomputed per frame).
  const after = await project(page, [20, 0, -1.7]);
  expect(after).not.toBeNull();
  after!.forEach((v, k) => expect(v).toBeCloseTo(before![k], 6));
  const zoomed = Number((await page.getByTestId('camera-zoom').innerText()).replace('×', ''));
  expect(zoomed).toBeGreaterThan(1.5);
  // A drag pans the zoomed image.
  const transform0 = await panel.locator('.camera-zoom').evaluate((el) => (el as HTMLElement).style.transform);
  await page.mouse.down();
  await page.mouse.move(box0.x + box0.width * 0.4, box0.y + box0.height * 0.4, { steps: 5 });
  await page.mouse.up();
  expect(await panel.locator('.camera-zoom').evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(transform0);
  await page.screenshot({ path: 'test-results/views-camera-zoomed.png' });
  await image.dblclick();
  await expect(page.getByTestId('camera-zoom')).toHaveText('×1');

  // The grip at the top right makes the panel larger; the size is kept for the next session.
  const grip = (await page.getByTestId('camera-grip').boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + 150, grip.y - 20, { steps: 5 });
  await page.mouse.up();
  const box1 = (await image.boundingBox())!;
  expect(box1.width).toBeGreaterThan(box0.width + 100);
  expect(box1.height).toBeGreaterThan(box0.height);
  await page.screenshot({ path: 'test-results/views-camera-resized.png' });
  await page.reload();
  await waitForFrameLoaded(page);
  await page.keyboard.press('p');
  const box2 = (await page.getByTestId('camera-panel').locator('.camera-image').boundingBox())!;
  expect(Math.abs(box2.width - box1.width)).toBeLessThan(2);
});

/** Pixels near `centre` (±`half` CSS px) within 40 of the colour `rgb`, in the WebGL canvas. */
async function colourPixels(page: Page, centre: [number, number], half: number, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(
    ({ centre, half, rgb }) => {
      const canvas = document.querySelector('.stage-canvas canvas') as HTMLCanvasElement;
      const r = canvas.getBoundingClientRect();
      const k = canvas.width / r.width;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const x0 = Math.max(0, Math.round((centre[0] - half - r.left) * k));
      const y0 = Math.max(0, Math.round((centre[1] - half - r.top) * k));
      const size = Math.round(2 * half * k);
      const data = ctx.getImageData(x0, y0, size, size).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 40) n++;
      return n;
    },
    { centre, half, rgb },
  );
}

test('the sensor axes keep their size on screen when the top view zooms in on them', async ({ page }) => {
  await openFrame(page, '000000');
  await page.keyboard.press('m');
  await expect.poll(() => storeValue<string>(page, 'state.view.mainMode')).toBe('top');
  await page.mouse.move(400, 400);
  await waitForViewStill(page);
  const origin = (await project(page, [0, 0, 0]))!;
  const red: [number, number, number] = [0xe5, 0x48, 0x4d];
  const before = await colourPixels(page, origin, 120, red);
  const metres0 = Math.hypot(...((await project(page, [3, 0, 0]))!.map((v, i) => v - origin[i]) as [number, number]));
  await page.mouse.move(origin[0], origin[1]);
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel(0, -100);
    await waitForViewStill(page);
  }
  const o2 = (await project(page, [0, 0, 0]))!;
  const metres = Math.hypot(...((await project(page, [3, 0, 0]))!.map((v, i) => v - o2[i]) as [number, number]));
  const after = await colourPixels(page, o2, 120, red);
  await page.screenshot({ path: 'test-results/views-sensor-zoomed.png' });
  // The view is ~3.5× closer (3 m now spans far more pixels), yet the x arrow covers about as many pixels.
  expect(metres / metres0).toBeGreaterThan(3);
  expect(before).toBeGreaterThan(20);
  expect(after).toBeLessThan(before * 1.6);
  expect(after).toBeGreaterThan(before * 0.6);
});

test('close-ups of a selected box, and pins that keep their size when zoomed (screenshots)', async ({ page }) => {
  await openFrame(page, '000001');
  await page.keyboard.press('Tab');
  await expect.poll(() => storeValue<number>(page, 'state.selectedIds.length')).toBe(1);
  await waitForViewStill(page, await storeValue<[number, number, number]>(page, 'state.doc.cuboids.find((c) => c.id === state.selectedIds[0]).center'), [
    'main',
    'top',
    'side',
    'front',
  ]);
  await page.screenshot({ path: 'test-results/views-closeups.png' });
  await page.keyboard.press('Home');
  await waitForViewStill(page, await storeValue<[number, number, number]>(page, 'state.doc.cuboids.find((c) => c.id === state.selectedIds[0]).center'));
  await page.screenshot({ path: 'test-results/views-closeups-framed.png' });
  expect(await storeValue<number>(page, 'state.selectedIds.length')).toBe(1);
});
